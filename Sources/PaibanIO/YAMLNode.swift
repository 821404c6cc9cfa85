import Foundation
import Yams

/// A YAML node that knows its file and position, so that every accessor can fail with an
/// InputError pointing at the exact line. The scenario reader uses nothing else of Yams.
struct YAMLNode {
    let node: Node
    let file: String
    /// Where the node sits in the document ("staff[3].contract"): says what was expected.
    let path: String

    /// Parses a whole document: UTF-8 with or without a byte-order mark.
    static func parse(_ data: Data, file: String) throws -> YAMLNode {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            // Name the first line that does not decode: usually a name typed in a GBK editor.
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil }.map { $0 - lines.startIndex + 1 }
            throw InputError(file: file, line: bad, message: "this line is not UTF-8 text (GBK or GB18030?); save the file as UTF-8")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError(file: file, line: 1, message: "the file is empty")
            }
            return YAMLNode(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw Self.translate(error, file: file)
        }
    }

    private static func translate(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            // The problem mark is where the parser gave up; the context says where the unfinished construct
            // began (an unclosed quote inside {...} is only noticed lines later), so name both.
            if let context, context.mark.line != mark.line {
                return InputError(file: file, line: mark.line, column: mark.column,
                                  message: "YAML syntax: \(problem) (\(context.text) that starts on line \(context.mark.line))")
            }
            return InputError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(file: file, line: context.mark.line, message: "the key \(duplicates.joined(separator: ", ")) appears twice")
        default:
            return InputError(file: file, message: "cannot read YAML: \(error)")
        }
    }

    var line: Int? { node.mark?.line }

    func error(_ message: String) -> InputError {
        InputError(file: file, line: node.mark?.line, column: node.mark?.column, message: path.isEmpty ? message : "\(path): \(message)")
    }

    private func child(_ node: Node, _ path: String) -> YAMLNode { YAMLNode(node: node, file: file, path: path) }

    /// The entries of a mapping; keys outside `allowed` are an error (a typo should not pass silently).
    func fields(allowed: [String]) throws -> Fields {
        guard let mapping = node.mapping else { throw error("expected a mapping of fields (\(allowed.joined(separator: ", ")))") }
        var entries: [String: YAMLNode] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw child(key, path).error("a field name must be text") }
            guard allowed.contains(name) else {
                throw child(key, path).error("unknown field '\(name)'; expected one of: \(allowed.joined(separator: ", "))")
            }
            entries[name] = child(value, path.isEmpty ? name : "\(path).\(name)")
        }
        return Fields(owner: self, entries: entries)
    }

    /// Mapping entries in document order, for maps keyed by user names (contracts).
    func pairs() throws -> [(key: String, value: YAMLNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        return try mapping.map { key, value in
            guard let name = key.string else { throw child(key, path).error("a key must be text") }
            return (name, child(value, path.isEmpty ? name : "\(path).\(name)"))
        }
    }

    /// A sequence's items; a single scalar counts as a list of one.
    func list() throws -> [YAMLNode] {
        if let sequence = node.sequence { return sequence.enumerated().map { child($1, "\(path)[\($0 + 1)]") } }
        if node.scalar != nil { return [self] }
        throw error("expected a list")
    }

    func string() throws -> String {
        guard let scalar = node.scalar else { throw error("expected a single value, not a list or mapping") }
        return scalar.string
    }

    func int() throws -> Int {
        guard let value = Int(try string().trimmingCharacters(in: .whitespaces)) else { throw error("'\(try string())' is not a whole number") }
        return value
    }

    func double() throws -> Double {
        guard let value = Double(try string().trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw error("'\(try string())' is not a number")
        }
        return value
    }

    /// A number within what the field can sensibly mean: keeps absurd values (1e300 hours) from
    /// overflowing the arithmetic downstream.
    func double(in range: ClosedRange<Double>) throws -> Double {
        let value = try double()
        guard range.contains(value) else { throw error("\(try string()) is out of range (\(Self.show(range.lowerBound)) to \(Self.show(range.upperBound)))") }
        return value
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        let value = try int()
        guard range.contains(value) else { throw error("\(value) is out of range (\(range.lowerBound) to \(range.upperBound))") }
        return value
    }

    private static func show(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "y", "on", "是": return true
        case "false", "no", "n", "off", "否": return false
        default: throw error("'\(try string())' is not true or false")
        }
    }

    func time() throws -> Int {
        guard let minute = Clock.parse(try string()) else { throw error("'\(try string())' is not a time of day (HH:MM, 00:00-24:00)") }
        return minute
    }

    func date() throws -> CivilDate {
        guard let date = CivilDate(iso: try string().trimmingCharacters(in: .whitespaces)) else {
            throw error("'\(try string())' is not a date (YYYY-MM-DD)")
        }
        return date
    }

    func weekday() throws -> Int {
        guard let day = Weekday.parse(try string()) else { throw error("'\(try string())' is not a weekday (mon ... sun)") }
        return day
    }
}

/// The fields of one mapping, with required and optional access.
struct Fields {
    let owner: YAMLNode
    let entries: [String: YAMLNode]

    func required(_ name: String) throws -> YAMLNode {
        guard let node = entries[name] else { throw owner.error("missing field '\(name)'") }
        return node
    }

    subscript(_ name: String) -> YAMLNode? { entries[name] }
}

import Paiban
