import CurtoisReference
import Foundation
import Paiban
import PaibanIO
import Testing

/// Counted from the files with a separate script (not Paiban): (instance, on-requests, their total weight,
/// off-requests, their total weight, day-off entries, cover rows, total required, forbidden successions).
private let fileCounts: [Int: (on: Int, onWeight: Int, off: Int, offWeight: Int, daysOff: Int, cover: Int, required: Int, successions: Int)] = [
    1: (21, 37, 5, 11, 8, 14, 71, 0), 2: (50, 82, 12, 18, 14, 28, 108, 1), 3: (39, 74, 25, 61, 20, 42, 154, 3),
    4: (52, 119, 19, 41, 20, 56, 182, 1), 5: (79, 174, 27, 45, 32, 56, 288, 1), 6: (87, 157, 48, 114, 36, 84, 299, 3),
    7: (104, 228, 64, 124, 40, 84, 315, 3), 8: (139, 286, 86, 165, 60, 112, 482, 6), 9: (144, 298, 88, 170, 72, 112, 410, 6),
    10: (210, 404, 74, 160, 80, 140, 693, 9), 11: (197, 395, 139, 286, 100, 168, 811, 12), 12: (294, 541, 128, 249, 120, 280, 1007, 36),
    13: (589, 1203, 252, 480, 240, 504, 1737, 136), 14: (266, 541, 93, 185, 128, 168, 692, 5), 15: (350, 688, 140, 286, 180, 252, 941, 15),
    16: (177, 338, 103, 218, 120, 168, 671, 3), 17: (351, 679, 129, 247, 160, 224, 1088, 6), 18: (322, 630, 92, 174, 176, 252, 1116, 3),
    19: (587, 1230, 247, 508, 320, 420, 1857, 9), 20: (1665, 3416, 653, 1300, 900, 1092, 4468, 12),
    21: (3210, 6387, 1492, 3077, 1800, 1456, 8718, 27), 22: (3253, 6373, 1385, 2682, 1800, 3640, 9633, 36),
    23: (6549, 12908, 2861, 5696, 3600, 5824, 16079, 110), 24: (9540, 19033, 4269, 8536, 5400, 11648, 22590, 461),
]

/// (instance, days, staff, shift types), as the benchmark's instance table gives them.
private let sizes: [Int: (days: Int, staff: Int, types: Int)] = [
    1: (14, 8, 1), 2: (14, 14, 2), 3: (14, 20, 3), 4: (28, 10, 2), 5: (28, 16, 2), 6: (28, 18, 3),
    7: (28, 20, 3), 8: (28, 30, 4), 9: (28, 36, 4), 10: (28, 40, 5), 11: (28, 50, 6), 12: (28, 60, 10),
    13: (28, 120, 18), 14: (42, 32, 4), 15: (42, 45, 6), 16: (56, 20, 3), 17: (56, 32, 4), 18: (84, 22, 3),
    19: (84, 40, 5), 20: (182, 50, 6), 21: (182, 100, 8), 22: (364, 50, 10), 23: (364, 100, 16), 24: (364, 150, 32),
]

/// A request as a comparable tuple: (employee, day, "on"/"off", shift, weight).
private struct RequestKey: Hashable, Comparable, CustomStringConvertible {
    var staff: String, day: Int, kind: String, shift: String, weight: Int
    static func < (a: Self, b: Self) -> Bool {
        (a.staff, a.day, a.kind, a.shift, a.weight) < (b.staff, b.day, b.kind, b.shift, b.weight)
    }
    var description: String { "\(staff) \(day) \(kind) \(shift) \(weight)" }
}

/// A cover line as a comparable tuple.
private struct CoverKey: Hashable, Comparable, CustomStringConvertible {
    var day: Int, shift: String, required: Int, under: Int, over: Int
    static func < (a: Self, b: Self) -> Bool { (a.day, a.shift, a.required, a.under, a.over) < (b.day, b.shift, b.required, b.under, b.over) }
    var description: String { "\(day) \(shift) \(required) \(under) \(over)" }
}

private func keys(of instance: CurtoisInstance) -> (requests: [RequestKey], cover: [CoverKey]) {
    let on = instance.shiftOnRequests.map { RequestKey(staff: $0.staff, day: $0.day, kind: "on", shift: $0.shift, weight: $0.weight) }
    let off = instance.shiftOffRequests.map { RequestKey(staff: $0.staff, day: $0.day, kind: "off", shift: $0.shift, weight: $0.weight) }
    let cover = instance.cover.map { CoverKey(day: $0.day, shift: $0.shift, required: $0.requirement, under: $0.underWeight, over: $0.overWeight) }
    return ((on + off).sorted(), cover.sorted())
}

private func keys(of scenario: Scenario) -> (requests: [RequestKey], cover: [CoverKey]) {
    let requests = scenario.requests.map { r -> RequestKey in
        let (kind, s): (String, Int) = switch r.kind {
        case .wantShift(let s): ("on", s)
        case .avoidShift(let s): ("off", s)
        case .dayOff: ("day off", -1)
        }
        return RequestKey(staff: scenario.staff[r.person].id, day: r.day, kind: kind, shift: s < 0 ? "" : scenario.shifts[s].code,
                          weight: Int(exactly: r.weight) ?? -1)
    }
    let cover = scenario.demand.shiftCover.map {
        CoverKey(day: $0.day, shift: scenario.shifts[$0.shift].code, required: $0.required,
                 under: Int(exactly: $0.underWeight) ?? -1, over: Int(exactly: $0.overWeight) ?? -1)
    }
    return (requests.sorted(), cover.sorted())
}

/// The instance a scenario stands for, read back from the scenario alone: the inverse of the import.
/// Days off come back sorted, one row per employee who has any, requests and cover in the order of `keys`.
private func instanceBack(from scenario: Scenario) -> CurtoisInstance {
    let codes = scenario.shifts.map(\.code)
    let shifts = scenario.shifts.indices.map { s in
        CurtoisInstance.ShiftType(id: codes[s], lengthMinutes: scenario.shifts[s].paidMinutes,
                                  forbiddenSuccessors: scenario.rules.forbiddenSuccessions.filter { $0.first == s }.map { codes[$0.then] })
    }
    let staff = scenario.staff.map { person in
        let c = person.contract
        return CurtoisInstance.Staff(id: person.id, maxShifts: Dictionary(uniqueKeysWithValues: c.maxShifts.map { (codes[$0.key], $0.value) }),
                                     maxTotalMinutes: c.periodMinutesMax ?? -1, minTotalMinutes: c.periodMinutesMin ?? -1,
                                     maxConsecutiveShifts: c.consecutiveHard, minConsecutiveShifts: c.minConsecutiveWork,
                                     minConsecutiveDaysOff: c.minConsecutiveOff, maxWeekends: c.maxWeekends ?? -1)
    }
    let daysOff = scenario.staff.compactMap { person -> CurtoisInstance.DaysOff? in
        person.daysOff.isEmpty ? nil : .init(staff: person.id, days: person.daysOff.compactMap { scenario.period.offset(of: $0) }.sorted())
    }
    let (requests, cover) = keys(of: scenario)
    return CurtoisInstance(
        horizonDays: scenario.dayCount, shiftTypes: shifts, staff: staff, daysOff: daysOff,
        shiftOnRequests: requests.filter { $0.kind == "on" }.map { .init(staff: $0.staff, day: $0.day, shift: $0.shift, weight: $0.weight) },
        shiftOffRequests: requests.filter { $0.kind == "off" }.map { .init(staff: $0.staff, day: $0.day, shift: $0.shift, weight: $0.weight) },
        cover: cover.map { .init(day: $0.day, shift: $0.shift, requirement: $0.required, underWeight: $0.under, overWeight: $0.over) })
}

/// The instance in the shape `instanceBack` gives: minimum stretches of 0 read as 1 (the import's
/// `max(1, …)`: both mean "any length"), days off merged per employee and sorted, lists sorted.
private func normalized(_ instance: CurtoisInstance) -> CurtoisInstance {
    var out = instance
    out.staff = instance.staff.map { s in
        var s = s
        s.minConsecutiveShifts = max(1, s.minConsecutiveShifts)
        s.minConsecutiveDaysOff = max(1, s.minConsecutiveDaysOff)
        return s
    }
    out.daysOff = instance.staff.compactMap { s in
        let days = Set(instance.fixedDaysOff(of: s.id)).sorted()
        return days.isEmpty ? nil : .init(staff: s.id, days: days)
    }
    let (requests, cover) = keys(of: instance)
    out.shiftOnRequests = requests.filter { $0.kind == "on" }.map { .init(staff: $0.staff, day: $0.day, shift: $0.shift, weight: $0.weight) }
    out.shiftOffRequests = requests.filter { $0.kind == "off" }.map { .init(staff: $0.staff, day: $0.day, shift: $0.shift, weight: $0.weight) }
    out.cover = cover.map { .init(day: $0.day, shift: $0.shift, requirement: $0.required, underWeight: $0.under, overWeight: $0.over) }
    return out
}

@Suite(.enabled(if: InstanceFiles.available, "Curtois-Qu instance files not found"))
struct CurtoisImportTests {
    /// Each instance is parsed once and imported once; every field of the scenario is checked against it.
    @Test(arguments: 1 ... 24)
    func scenarioMatchesTheInstanceFieldByField(number: Int) throws {
        let (instance, scenario) = try CurtoisImport.scenario(path: InstanceFiles.path(number))
        let size = try #require(sizes[number]), counts = try #require(fileCounts[number])

        // Period: day 0 is Monday 6 January 2014; staff and days.
        #expect(scenario.name == "Instance\(number)")
        #expect(scenario.period.start == CivilDate(iso: "2014-01-06"))
        #expect(scenario.period.start.weekday == 1)
        #expect(scenario.dayCount == instance.horizonDays)
        #expect(scenario.dayCount == size.days)
        #expect(scenario.staff.count == size.staff)
        #expect(scenario.staff.map(\.id) == instance.staff.map(\.id))

        // Shifts: codes in file order, paid minutes = the file's length, no night, no meal, no group.
        #expect(scenario.shifts.count == size.types)
        #expect(scenario.shifts.map(\.code) == instance.shiftTypes.map(\.id))
        #expect(scenario.shifts.map(\.paidMinutes) == instance.shiftTypes.map(\.lengthMinutes))
        #expect(scenario.shifts.allSatisfy { $0.nightKind == .none && $0.meal == nil && $0.groups.isEmpty })

        // Forbidden successions: exactly the file's "cannot follow" pairs.
        let pairs = scenario.rules.forbiddenSuccessions.map { "\(scenario.shifts[$0.first].code)>\(scenario.shifts[$0.then].code)" }
        let filePairs = instance.shiftTypes.flatMap { s in s.forbiddenSuccessors.map { "\(s.id)>\($0)" } }
        #expect(pairs.count == counts.successions)
        #expect(pairs.sorted() == filePairs.sorted())
        // Paiban's own rules that the benchmark lacks are off.
        #expect(scenario.rules.minRestHours == nil)
        #expect(scenario.rules.handoverShifts.isEmpty && scenario.rules.awayLimits.isEmpty)
        #expect(!scenario.period.days.contains(where: scenario.calendar.isStatutoryHoliday))

        // Contracts, employee by employee.
        for (person, row) in zip(scenario.staff, instance.staff) {
            let c = person.contract
            #expect(c.consecutiveHard == row.maxConsecutiveShifts, "\(row.id)")
            #expect(c.consecutiveSoft == row.maxConsecutiveShifts, "\(row.id)")
            #expect(c.minConsecutiveWork == max(1, row.minConsecutiveShifts), "\(row.id)")
            #expect(c.minConsecutiveOff == max(1, row.minConsecutiveDaysOff), "\(row.id)")
            #expect(c.maxWeekends == row.maxWeekends, "\(row.id)")
            #expect(c.periodMinutesMin == row.minTotalMinutes, "\(row.id)")
            #expect(c.periodMinutesMax == row.maxTotalMinutes, "\(row.id)")
            #expect(Dictionary(uniqueKeysWithValues: c.maxShifts.map { (scenario.shifts[$0.key].code, $0.value) }) == row.maxShifts, "\(row.id)")
            #expect(c.restDaysPerMonth == 0 && c.hoursTarget == 0 && c.maxNights == nil && !c.bigSmallWeeks, "\(row.id)")
            #expect(person.history.isEmpty && person.leave.isEmpty && person.unavailableWeekdays.isEmpty && person.timeWindows.isEmpty
                    && person.startDate == nil, "\(row.id)")
            // Days off: the same days, as dates.
            let days = person.daysOff.map { scenario.period.offset(of: $0) ?? -1 }.sorted()
            #expect(days == Set(instance.fixedDaysOff(of: row.id)).sorted(), "\(row.id)")
        }
        #expect(scenario.staff.reduce(0) { $0 + $1.daysOff.count } == counts.daysOff)

        // Requests: count, total weight, and one for one.
        let (requests, cover) = keys(of: scenario)
        let (fileRequests, fileCover) = keys(of: instance)
        #expect(scenario.requests.count == counts.on + counts.off)
        #expect(scenario.requests.reduce(0) { $0 + $1.weight } == Double(counts.onWeight + counts.offWeight))
        #expect(requests.filter { $0.kind == "on" }.count == counts.on)
        #expect(requests.filter { $0.kind == "off" }.reduce(0) { $0 + $1.weight } == counts.offWeight)
        #expect(requests == fileRequests)

        // Shift cover: one line per file row, with its weights.
        #expect(scenario.demand.shiftCover.count == counts.cover)
        #expect(scenario.demand.shiftCover.reduce(0) { $0 + $1.required } == counts.required)
        #expect(cover == fileCover)
        #expect(scenario.demand.groups.isEmpty)
    }

    /// instance → YAML text → file → ScenarioReader → instance again: nothing lost, nothing added.
    @Test(arguments: 1 ... 24)
    func yamlRoundTrips(number: Int) throws {
        let instance = try CurtoisParser.parse(path: InstanceFiles.path(number))
        let yaml = CurtoisImport.yaml(instance, name: "Instance\(number)")
        #expect(yaml.hasPrefix("# Instance\(number): Curtois & Qu employee shift scheduling benchmark"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("curtois-import-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(yaml.utf8).write(to: file)
        let scenario = try ScenarioReader.read(path: file.path)
        #expect(scenario.name == "Instance\(number)")
        let back = instanceBack(from: scenario)
        let expected = normalized(instance)
        // Field by field first, for a readable failure; then the whole.
        #expect(back.horizonDays == expected.horizonDays)
        #expect(back.shiftTypes == expected.shiftTypes)
        #expect(back.staff == expected.staff)
        #expect(back.daysOff == expected.daysOff)
        #expect(back.shiftOnRequests == expected.shiftOnRequests)
        #expect(back.shiftOffRequests == expected.shiftOffRequests)
        #expect(back.cover == expected.cover)
        #expect(back == expected)
        // The same text again gives the same scenario YAML: the import is a function of the instance.
        #expect(CurtoisImport.yaml(instance, name: "Instance\(number)") == yaml)
    }

    /// A zero minimum (any stretch length) is imported as 1, which Paiban reads the same way.
    @Test func zeroMinimaAreImportedAsOne() throws {
        let text = """
            SECTION_HORIZON
            7
            SECTION_SHIFTS
            D,480,
            SECTION_STAFF
            A,D=7,3360,0,7,0,0,1
            SECTION_COVER
            0,D,1,100,1
            """
        let instance = try CurtoisParser.parse(text: text, file: "zero.txt")
        let scenario = try CurtoisImport.scenario(from: instance, name: "zero", file: "zero.txt (imported)")
        let c = try #require(scenario.staff.first?.contract)
        #expect(c.minConsecutiveWork == 1 && c.minConsecutiveOff == 1)
        #expect(c.periodMinutesMin == 0 && c.periodMinutesMax == 3360)
        #expect(scenario.requests.isEmpty)
        #expect(scenario.demand.shiftCover.map(\.day) == [0])
        // Work on 0, 2-4 and 6: 1-day runs and 1-day rests inside the week break nothing; day 0's cover is met.
        var roster = Roster(people: 1, days: 7)
        for d in [0, 2, 3, 4, 6] { roster[0, d] = .work(0) }
        let audit = Audit.run(roster, in: scenario)
        #expect(audit.hardFindings.map(\.rule) == [])
        #expect(audit.totalPenalty == 0)
    }
}

/// Edge cases of the format that no benchmark file has, probed for the report.
@Suite struct CurtoisImportEdgeTests {
    static func instance(shifts: String, cover: String) -> String {
        """
        SECTION_HORIZON
        7
        SECTION_SHIFTS
        \(shifts)
        SECTION_STAFF
        A,,100000,0,7,1,1,2
        SECTION_COVER
        \(cover)
        """
    }

    /// Paiban's shifts last less than a day: the parser rejects other lengths with the field's line.
    @Test(arguments: ["0", "1440", "1500"])
    func shiftLengthsOutsideADayAreRejected(length: String) throws {
        let text = Self.instance(shifts: "D,480,\nZ,\(length),", cover: "0,D,1,100,1")
        #expect {
            _ = try CurtoisParser.parse(text: text, file: "long.txt")
        } throws: { error in
            (error as? InputError)?.message.contains("Paiban supports 1 to 1439") == true
        }
    }

    /// README objective: "for each (day, shift) cover row". Two rows for one day and shift are both charged;
    /// the parser accepts them, and the scenario reader keeps only the later one.
    @Test func aRepeatedCoverRowIsChargedOrRejected() throws {
        let text = Self.instance(shifts: "D,480,", cover: "0,D,1,100,1\n0,D,2,100,1")
        let instance: CurtoisInstance
        do {
            instance = try CurtoisParser.parse(text: text, file: "twice.txt")
        } catch let error as InputError {
            #expect(error.line == 9)   // rejecting the second row is a fine answer too
            return
        }
        #expect(instance.cover.count == 2)
        let scenario = try CurtoisImport.scenario(from: instance, name: "twice", file: "twice.txt (imported)")
        // Nobody works: the rows cost 100 * 1 + 100 * 2 = 300.
        let audit = Audit.run(Roster(people: 1, days: 7), in: scenario)
        #expect(audit.totalPenalty == 300)
    }
}
