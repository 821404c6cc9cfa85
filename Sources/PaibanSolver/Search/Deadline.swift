import Foundation

/// Wall-clock budget of one solve.
struct Deadline {
    let start: Date
    let seconds: Double

    init(start: Date = Date(), seconds: Double) {
        self.start = start
        self.seconds = seconds
    }

    var elapsed: Double { Date().timeIntervalSince(start) }
    var remaining: Double { max(0, seconds - elapsed) }
    var passed: Bool { remaining <= 0 }
}

/// PAIBAN_DEBUG=1 traces the search on stderr.
let debugSearch = ProcessInfo.processInfo.environment["PAIBAN_DEBUG"] != nil
func debugLog(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
