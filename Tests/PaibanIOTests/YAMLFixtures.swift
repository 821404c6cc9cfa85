import Foundation
import Paiban
import PaibanIO
import Testing

/// Scenario texts and helpers shared by the reader tests.
enum YAMLFixtures {
    /// A small valid scenario; the error tests break one line of it at a time.
    static let minimal = """
        name: 小测试
        period: 2027-03
        groups: [售前, 售后]
        shifts:
          - {code: M, name: 早班, start: "07:00", end: "15:00"}
          - {code: N, name: 夜班, start: "23:00", end: "07:00"}
        contracts:
          全职:
            rest_days_per_month: 7
            consecutive_soft: 5
            consecutive_hard: 7
        staff:
          - {id: P1, name: 张三, group: 售前, contract: 全职}
          - {id: P2, name: 李四, group: 售后, contract: 全职, history: [M, OFF]}
          - id: P3
            name: 王五
            group: 售后
            requests:
              - {date: 2027-03-08, off: true}
        demand:
          - {from: "00:00", to: "24:00", required: 1}
          - {group: 售后, from: "09:00", to: "17:00", required: 1}
        rules:
          forbidden_successions: [[N, M]]

        """

    /// `minimal` with `old` (which must occur exactly once) replaced by `new`.
    static func minimal(replacing old: String, with new: String) throws -> String {
        try #require(minimal.components(separatedBy: old).count == 2, "fixture does not contain '\(old)' exactly once")
        return minimal.replacingOccurrences(of: old, with: new)
    }

    /// 1-based number of the one line of `text` containing `needle`.
    static func line(of needle: String, in text: String) throws -> Int {
        let lines = text.components(separatedBy: "\n")
        let hits = lines.indices.filter { lines[$0].contains(needle) }
        try #require(hits.count == 1, "'\(needle)' is on \(hits.count) lines, expected exactly one")
        return hits[0] + 1
    }

    /// Reads `text` expecting an InputError; records an issue (and returns nil) if it parses or throws anything else.
    static func inputError(_ text: String, file: String = "bad.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
        inputError(Data(text.utf8), file: file, sourceLocation: sourceLocation)
    }

    static func inputError(_ data: Data, file: String = "bad.yaml", sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
        do {
            _ = try ScenarioReader.read(data: data, file: file)
            Issue.record("the scenario was accepted; expected an InputError", sourceLocation: sourceLocation)
        } catch let error as InputError {
            return error
        } catch {
            Issue.record("expected an InputError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// Asserts an InputError on exactly `line` whose message contains every one of `words`.
    @discardableResult
    static func expectError(_ text: String, line: Int, mentions words: [String],
                            sourceLocation: SourceLocation = #_sourceLocation) -> InputError? {
        guard let error = inputError(text, sourceLocation: sourceLocation) else { return nil }
        #expect(error.file == "bad.yaml", sourceLocation: sourceLocation)
        #expect(error.line == line, "wrong line for: \(error)", sourceLocation: sourceLocation)
        for word in words {
            #expect(error.message.contains(word), "message does not mention '\(word)': \(error.message)", sourceLocation: sourceLocation)
        }
        #expect(error.description.hasPrefix("bad.yaml:\(line):"), "description: \(error.description)", sourceLocation: sourceLocation)
        return error
    }
}

func date(_ iso: String) throws -> CivilDate {
    try #require(CivilDate(iso: iso))
}
