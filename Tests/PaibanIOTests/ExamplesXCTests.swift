import Foundation
import Paiban
import PaibanIO
import XCTest

/// The bundled examples as XCTest cases: CI reads both XCTest's and Swift Testing's closing lines,
/// and these also guard the numbers the examples' READMEs promise.
final class ExamplesXCTests: XCTestCase {
    private func example(_ name: String) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioReader.read(path: root.appendingPathComponent("Examples/\(name)/scenario.yaml").path)
    }

    func testCallcenterKeepsTheIssueNumbers() throws {
        let scenario = try example("callcenter")
        XCTAssertEqual(scenario.staff.count, 24)
        XCTAssertEqual(scenario.period.start.iso, "2027-03-01")
        XCTAssertEqual(scenario.period.dayCount, 31)
        XCTAssertEqual(scenario.shifts.map(\.code), ["M", "D", "E", "N"])
        XCTAssertEqual(scenario.shifts.map(\.paidMinutes), [450, 450, 450, 450])
        XCTAssertEqual(scenario.shifts.map(\.nightKind), [.none, .none, .small, .big])
        XCTAssertTrue(scenario.staff.allSatisfy { $0.contract.restDaysPerMonth == 7 && $0.contract.maxNights == 8 })
        let total = scenario.demand.groups.firstIndex(of: Demand.anyGroup)!
        XCTAssertEqual((0..<24).map { scenario.demand.required[0][$0][total] },
                       [2, 2, 2, 2, 2, 2, 2, 4, 4, 8, 8, 8, 6, 6, 8, 8, 8, 5, 5, 5, 5, 5, 3, 3])
    }

    func testEveryExampleLoads() throws {
        for name in ["callcenter", "hotline-12h", "online-volunteers"] {
            XCTAssertFalse(try example(name).staff.isEmpty, name)
        }
    }
}
