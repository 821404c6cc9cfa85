import Foundation

// An independent reading of the Curtois & Qu benchmark, written from its README
// (/work/shared/benchmarks/curtois/README.md) and nothing else: its own parser, its own hard
// constraints 1-9 with the boundary rule for minimum stretches, its own objective. The tests hold
// Paiban's importer, audit and commands to it, so it must not use any of Paiban's modules.

/// An instance as the README describes the text format. Trusts its input: tests only.
public struct ReferenceInstance: Sendable {
    public struct Shift: Sendable { public var id: String; public var minutes: Int; public var cannotFollow: Set<String> }
    public struct Employee: Sendable {
        public var id: String
        public var caps: [String: Int]
        public var maxMinutes: Int, minMinutes: Int, maxRun: Int, minRun: Int, minOff: Int, maxWeekends: Int
    }
    public struct Wish: Sendable { public var staff: String; public var day: Int; public var shift: String; public var weight: Int }
    public struct Cover: Sendable { public var day: Int; public var shift: String; public var required: Int; public var under: Int; public var over: Int }

    public private(set) var horizon = 0
    public private(set) var shifts: [Shift] = []
    public private(set) var staff: [Employee] = []
    public private(set) var daysOff: [String: Set<Int>] = [:]
    public private(set) var on: [Wish] = []
    public private(set) var off: [Wish] = []
    public private(set) var cover: [Cover] = []

    public init(path: String) throws {
        self.init(text: try String(contentsOfFile: path, encoding: .utf8))
    }

    public init(text: String) {
        var section = ""
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("SECTION_") { section = line; continue }
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            switch section {
            case "SECTION_HORIZON": horizon = Int(f[0])!
            case "SECTION_SHIFTS":
                shifts.append(Shift(id: f[0], minutes: Int(f[1])!, cannotFollow: Set(f[2].split(separator: "|").map(String.init))))
            case "SECTION_STAFF":
                var caps: [String: Int] = [:]
                for pair in f[1].split(separator: "|") {
                    let kv = pair.split(separator: "=")
                    caps[String(kv[0])] = Int(kv[1])!
                }
                staff.append(Employee(id: f[0], caps: caps, maxMinutes: Int(f[2])!, minMinutes: Int(f[3])!, maxRun: Int(f[4])!,
                                      minRun: Int(f[5])!, minOff: Int(f[6])!, maxWeekends: Int(f[7])!))
            case "SECTION_DAYS_OFF": daysOff[f[0], default: []].formUnion(f.dropFirst().map { Int($0)! })
            case "SECTION_SHIFT_ON_REQUESTS": on.append(Wish(staff: f[0], day: Int(f[1])!, shift: f[2], weight: Int(f[3])!))
            case "SECTION_SHIFT_OFF_REQUESTS": off.append(Wish(staff: f[0], day: Int(f[1])!, shift: f[2], weight: Int(f[3])!))
            case "SECTION_COVER":
                cover.append(Cover(day: Int(f[0])!, shift: f[1], required: Int(f[2])!, under: Int(f[3])!, over: Int(f[4])!))
            default: preconditionFailure("unexpected section \(section)")
            }
        }
    }

    /// The shift with this id; nil for an id the instance does not declare.
    public func shift(_ id: String) -> Shift? { shifts.first { $0.id == id } }
}
