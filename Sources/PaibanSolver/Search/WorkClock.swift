import Foundation

/// The clock of a reproducible solve (`SolveOptions.workLimit`): time counted in work done instead of read
/// off the wall. GLPK's simplex iterations and nodes, the programme's states and the parts' entries become
/// seconds at fixed rates (`WorkRate`, measured on the development machine), so a work second is roughly a
/// second there and exactly the same work on every run. Every choice that reads the clock (how long a part
/// may take, whether it closed quickly, which kind of part gains most per second, when to stop) then comes
/// out the same for a seed, however busy the machine is. The wall clock still stops a run that overruns
/// (`Deadline.wallSeconds`); such a run says so and is not reproducible.
///
/// Threads: each runs in a lane with its own work time. What a thread hands the others (a roster, a bound,
/// "the LP is done") is stamped with its lane's time. Another thread sees it once its own time has passed
/// the next epoch boundary after the stamp, and only after every other lane has reached that boundary too:
/// a thread that reads what others handed over waits for those behind it, and so sees the same things on
/// every run. The lane furthest behind never waits, so the threads cannot wait on each other in a circle.
final class WorkClock: @unchecked Sendable {
    /// Work seconds between the points at which threads see each other's hand-overs: short, so that a better
    /// roster reaches the other thread soon. A thread that reads waits for the lanes behind it, which move on
    /// at the end of each GLPK run (a part, a simplex run of up to 8 epochs) or step of the programme.
    static let epoch = 0.05

    let wallStart: Date
    let wallSeconds: Double
    private let condition = NSCondition()
    /// The lanes of the threads running now.
    private var lanes: [WorkLane] = []

    init(wallStart: Date, wallSeconds: Double) {
        self.wallStart = wallStart
        self.wallSeconds = wallSeconds
    }

    var wallRemaining: Double { max(0, wallSeconds - Date().timeIntervalSince(wallStart)) }

    /// `count` fresh lanes for the threads of a phase (`onThreads`), all starting at the calling thread's
    /// work time. Phases do not nest.
    func phase(_ count: Int) -> [WorkLane] {
        let start = WorkLane.current?.seconds ?? 0
        let made = (0..<count).map { WorkLane(clock: self, index: $0, seconds: start) }
        condition.withLock {
            precondition(lanes.isEmpty, "work-clock phases do not nest")
            lanes = made
        }
        return made
    }

    /// Afterwards the caller's time is the latest lane's: the phase ends when its last thread does, as on
    /// the wall.
    func endPhase(_ made: [WorkLane], caller: WorkLane?) {
        condition.withLock {
            lanes = []
            caller?.seconds = made.map(\.seconds).max() ?? caller?.seconds ?? 0
        }
    }

    fileprivate func advance(_ lane: WorkLane, to seconds: Double) {
        condition.withLock {
            lane.seconds = max(lane.seconds, seconds)
            condition.broadcast()
        }
    }

    fileprivate func leave(_ lane: WorkLane) {
        condition.withLock {
            lane.left = true
            condition.broadcast()
        }
    }

    /// The epoch boundary at or before `lane`'s time, once every other running lane has reached it: what was
    /// handed over before it is then complete. Between phases (no thread running) everything is.
    func horizon(for lane: WorkLane) -> Double {
        condition.lock()
        defer { condition.unlock() }
        guard !lanes.isEmpty else { return .infinity }
        let horizon = (lane.seconds / Self.epoch).rounded(.down) * Self.epoch
        while lanes.contains(where: { $0 !== lane && !$0.left && $0.seconds < horizon }), wallRemaining > 0 {
            _ = condition.wait(until: Date().addingTimeInterval(0.05))
        }
        return horizon
    }

    /// Before this time every reader's horizon lies: hand-overs stamped earlier are seen by every reader.
    func commonHorizon() -> Double {
        condition.withLock {
            let running = lanes.filter { !$0.left }.map(\.seconds)
            return ((running.min() ?? .infinity) / Self.epoch).rounded(.down) * Self.epoch
        }
    }
}

/// One thread's share of a `WorkClock`.
final class WorkLane: @unchecked Sendable {
    unowned let clock: WorkClock
    let index: Int
    /// Work seconds so far; written under the clock's lock (by the lane's own thread, or at the end of a
    /// phase), read by the others.
    fileprivate(set) var seconds: Double
    fileprivate var left = false

    fileprivate init(clock: WorkClock, index: Int, seconds: Double) {
        self.clock = clock
        self.index = index
        self.seconds = seconds
    }

    /// The lane of the calling thread, nil when the solve runs on the wall clock.
    static var current: WorkLane? {
        get { Thread.current.threadDictionary[key] as? WorkLane }
        set { Thread.current.threadDictionary[key] = newValue }
    }
    private static let key = "paiban.work.lane"

    func add(_ work: Double) { clock.advance(self, to: seconds + work) }
    func advance(to seconds: Double) { clock.advance(self, to: seconds) }
    func leave() { clock.leave(self) }

    /// The calling thread's lane and its horizon (`WorkClock.horizon`, after waiting for the lanes behind):
    /// what a read of handed-over values may see. On the wall clock: no lane, and everything.
    static func reading() -> (lane: WorkLane?, horizon: Double) {
        let lane = current
        return (lane, lane.map { $0.clock.horizon(for: $0) } ?? .infinity)
    }

    /// A root lane for the thread that starts a solve, outside every phase: index -1, so that no phase
    /// lane takes what it hands over for its own.
    static func root(of clock: WorkClock) -> WorkLane { WorkLane(clock: clock, index: -1, seconds: 0) }
}

/// Something one thread hands the others, stamped with when (see `WorkClock`).
struct Handed<Value> {
    let value: Value
    /// The lane that handed it over; nil before any thread did (a starting value).
    let lane: Int?
    let at: Double

    /// Stamped with the calling thread's lane and time (nil and -infinity on the wall clock).
    init(_ value: Value) {
        self.value = value
        let lane = WorkLane.current
        self.lane = lane?.index
        at = lane?.seconds ?? -.infinity
    }

    init(_ value: Value, lane: Int?, at: Double) {
        self.value = value
        self.lane = lane
        self.at = at
    }

    /// Whether a read (`WorkLane.reading()`) sees it: a lane's own hand-overs at once, the others' from the
    /// horizon after their stamp. On the wall clock (no lane) everything is seen at once.
    func seen(in reading: (lane: WorkLane?, horizon: Double)) -> Bool {
        guard let reader = reading.lane else { return true }
        return lane == reader.index || at < reading.horizon
    }

    /// A total order among equals, so that every run picks the same one: earlier first, then lower lanes.
    func precedes(_ other: Handed) -> Bool { (at, lane ?? -2) < (other.at, other.lane ?? -2) }
}

/// Rates that turn work into work seconds, so that a work second is about a wall second on the development
/// machine (2 cores). PAIBAN_DEBUG_WORK=1 traces every LP and tree's wall time, iterations and size, the
/// data the rates are fitted on (`Benchmarks/work-rates`; on the wall clock nodes are not counted, so the
/// tree's rate is fitted on iterations and charged on iterations and nodes).
enum WorkRate {
    /// GLPK, in (rows + columns + entries) per simplex iteration, fitted by `Benchmarks/work-rates/fit.py` on
    /// the wall times of 18,600 LPs and 250 trees (callcenter, callcenter-lunch, Curtois Instances 7, 12, 20):
    /// 6.4e8 for an LP on its own; in a branch-and-cut tree, where cuts and node LPs cost more per iteration,
    /// 4.7e7 per iteration or node.
    static let simplex = 6.4e8
    static let tree = 4.7e7
    /// The person-by-person programme: states visited times the classes entered from each (set so that
    /// Curtois Instances 12 and 13 count about their wall time).
    static let programme = 4.0e8
    /// The programme's exact search (`PersonPlan.exactBest`), in nodes (Curtois Instance7: 50,000 nodes in
    /// about 6 ms).
    static let searchNodes = 8.0e6
    /// Cutting a part out of the model: entries visited (a rough guess; it is a small share of a part).
    static let building = 3.0e7
}

