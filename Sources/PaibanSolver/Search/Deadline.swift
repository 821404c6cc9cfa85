import Foundation

/// The budget of one solve: wall-clock seconds, or work seconds (`WorkClock`) for a reproducible solve,
/// which the wall clock still stops at `wallSeconds`.
struct Deadline {
    let start: Date
    /// The budget in the clock's own seconds.
    private(set) var seconds: Double
    let wallSeconds: Double
    /// Nil: the wall clock is the clock.
    let work: WorkClock?

    init(start: Date = Date(), seconds: Double) {
        self.start = start
        self.seconds = seconds
        wallSeconds = seconds
        work = nil
    }

    /// A reproducible budget: `seconds` of work, stopped by the wall at `wallSeconds` at the latest.
    init(start: Date, work seconds: Double, wallSeconds: Double) {
        self.start = start
        self.seconds = seconds
        self.wallSeconds = wallSeconds
        work = WorkClock(wallStart: start, wallSeconds: wallSeconds)
    }

    /// The same clock, ending `seconds` from now at the latest (a part of the solve with a budget of its own).
    func within(_ seconds: Double) -> Deadline {
        var part = self
        part.seconds = min(self.seconds, elapsed + seconds)
        return part
    }

    var wallElapsed: Double { Date().timeIntervalSince(start) }
    /// Seconds so far on this solve's clock (the calling thread's work time on the work clock).
    var elapsed: Double { work == nil ? wallElapsed : WorkLane.current?.seconds ?? 0 }
    var remaining: Double { passed ? 0 : max(0, seconds - elapsed) }
    var passed: Bool { elapsed >= seconds || wallElapsed >= wallSeconds }
    /// Whether the wall clock, rather than the work budget, ended the solve: such a run is not reproducible.
    var wallPassed: Bool { work != nil && wallElapsed >= wallSeconds }

    /// Waits before asking again (a thread waiting for the other's roster): on the work clock the wait is
    /// counted as work instead, so that the reads that follow come at the same work times on every run.
    func pause(_ seconds: Double) {
        if work != nil, let lane = WorkLane.current { lane.add(seconds) } else { Thread.sleep(forTimeInterval: seconds) }
    }
}

/// The wall-clock moment by which every GLPK call on this thread must return, whatever budget its caller
/// gave it (nil: none). A caller's budget alone does not stop on time: the simplex gets at least a second so
/// that a short part finishes its LP, and a part's tree had its own budget after its LP. A part started 0.8 s
/// before the deadline then ended 0.3-1.3 s past the limit (Curtois 13, 19, 23, 24 at 60.3-61.3 s of 60).
enum WallStop {
    static var current: Date? {
        get { Thread.current.threadDictionary[key] as? Date }
        set { Thread.current.threadDictionary[key] = newValue }
    }
    private static let key = "paiban.wall.stop"

    /// `seconds` capped at what is left before the calling thread's stop.
    static func cap(_ seconds: Double) -> Double {
        guard let stop = current else { return seconds }
        return min(seconds, stop.timeIntervalSinceNow)
    }
}

/// PAIBAN_DEBUG=1 traces the search on stderr.
let debugSearch = ProcessInfo.processInfo.environment["PAIBAN_DEBUG"] != nil
/// PAIBAN_DEBUG_WORK=1 traces every GLPK solve's wall time and work (see `WorkRate`).
let traceWorkRates = ProcessInfo.processInfo.environment["PAIBAN_DEBUG_WORK"] != nil
private let debugStart = Date()
/// Each line starts with the wall-clock seconds since the process began (the search's own lines say its clock's).
func debugLog(_ text: String) {
    FileHandle.standardError.write(Data((String(format: "[%.1f] ", Date().timeIntervalSince(debugStart)) + text + "\n").utf8))
}
