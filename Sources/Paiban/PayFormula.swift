/// An arithmetic formula over a person's pay, such as the seed's `(base + performance) / 24`:
/// numbers, the variables `base` and `performance` (or 基本工资, 绩效工资), + - * / and parentheses.
/// Parsed once when the scenario is read, so a typo is an input error, not a wrong payslip.
public struct PayFormula: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    private let expression: Expression

    public static let seedDefault = try! PayFormula("(base + performance) / 24")

    public struct ParseError: Error, Equatable {
        public let message: String
    }

    public init(_ text: String) throws {
        self.text = text
        var parser = Parser(Array(text))
        expression = try parser.parseSum()
        parser.skipSpaces()
        guard parser.atEnd else { throw ParseError(message: "unexpected '\(parser.rest)' in the formula '\(text)'") }
    }

    public func evaluate(base: Double, performance: Double) -> Double { expression.value(base: base, performance: performance) }

    public var description: String { text }

    public static func == (a: PayFormula, b: PayFormula) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    private indirect enum Expression: Sendable {
        case number(Double)
        case base
        case performance
        case binary(Character, Expression, Expression)

        func value(base b: Double, performance p: Double) -> Double {
            switch self {
            case .number(let n): return n
            case .base: return b
            case .performance: return p
            case .binary(let op, let l, let r):
                let x = l.value(base: b, performance: p), y = r.value(base: b, performance: p)
                switch op {
                case "+": return x + y
                case "-": return x - y
                case "*": return x * y
                default: return y == 0 ? 0 : x / y
                }
            }
        }
    }

    /// Recursive descent: sum := product (('+'|'-') product)*, product := atom (('*'|'/') atom)*.
    private struct Parser {
        let chars: [Character]
        var i = 0
        init(_ chars: [Character]) { self.chars = chars }

        var atEnd: Bool { i >= chars.count }
        var rest: String { String(chars[min(i, chars.count)...]) }
        mutating func skipSpaces() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

        mutating func parseSum() throws -> Expression { try parseLevel(["+", "-"]) { try $0.parseProduct() } }

        mutating func parseProduct() throws -> Expression { try parseLevel(["*", "/"]) { try $0.parseAtom() } }

        /// One precedence level: operands from `operand`, joined left to right by the level's operators.
        private mutating func parseLevel(_ operators: Set<Character>, operand: (inout Parser) throws -> Expression) throws -> Expression {
            var left = try operand(&self)
            while true {
                skipSpaces()
                guard i < chars.count, operators.contains(chars[i]) else { return left }
                let op = chars[i]
                i += 1
                left = .binary(op, left, try operand(&self))
            }
        }

        mutating func parseAtom() throws -> Expression {
            skipSpaces()
            guard i < chars.count else { throw ParseError(message: "the formula ends too early") }
            if chars[i] == "(" {
                i += 1
                let inner = try parseSum()
                skipSpaces()
                guard i < chars.count, chars[i] == ")" else { throw ParseError(message: "a '(' is not closed") }
                i += 1
                return inner
            }
            let start = i
            if chars[i].isNumber || chars[i] == "." {
                while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
                guard let n = Double(String(chars[start..<i])) else { throw ParseError(message: "'\(String(chars[start..<i]))' is not a number") }
                return .number(n)
            }
            while i < chars.count, chars[i].isLetter || chars[i] == "_" { i += 1 }
            switch String(chars[start..<i]).lowercased() {
            case "base", "基本工资": return .base
            case "performance", "绩效工资", "绩效": return .performance
            case "": throw ParseError(message: "unexpected '\(chars[i])'")
            case let name: throw ParseError(message: "unknown name '\(name)'; use base and performance")
            }
        }
    }
}

import Foundation
