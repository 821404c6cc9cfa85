import Foundation
import Paiban
import PaibanIO
import Testing

/// Bytes as Excel and editors save them: UTF-8 with and without byte-order mark, GBK/GB18030, UTF-16.
@Suite struct RosterReaderEncodingTests {
    typealias F = RosterFixture

    static let wide = "工号,姓名,1,2,3\r\nP1,张三,M,休,假\r\nP2,李四,D,D,休\r\n"
    static let scenario = F.scenario(days: 3)

    static func check(_ file: RosterFile) {
        #expect(file.roster.cells[0] == [.work(0), .off, .leave])
        #expect(file.roster.cells[1] == [.work(1), .work(1), .off])
    }

    @Test func gbkBytesAreDetected() throws {
        let bytes = F.gbk(Self.wide)
        #expect(bytes.starts(with: [0xB9, 0xA4, 0xBA, 0xC5]))
        let file = try F.read(bytes: bytes, scenario: Self.scenario)
        #expect(file.encoding == .gb18030)
        Self.check(file)
    }

    @Test func gbkNamesAreMatchedInTheLongForm() throws {
        let bytes = F.gbk("工号,姓名,日期,班次\nP1,张三,2027-03-01,假\n,李四,2027-03-02,N\n")
        let file = try F.read(bytes: bytes, scenario: Self.scenario)
        #expect(file.layout == .long)
        #expect(file.roster[0, 0] == .leave)
        #expect(file.roster[1, 1] == .work(3))
    }

    @Test func utf8WithByteOrderMark() throws {
        let file = try F.read(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.wide.utf8), scenario: Self.scenario)
        #expect(file.encoding == .utf8)
        #expect(file.layout == .wide)
        Self.check(file)
    }

    @Test func utf8WithoutByteOrderMark() throws {
        let file = try F.read(Self.wide, scenario: Self.scenario)
        #expect(file.encoding == .utf8)
        Self.check(file)
    }

    @Test func forcedEncodings() throws {
        let gbk = F.gbk(Self.wide)
        #expect(try F.read(bytes: gbk, scenario: Self.scenario, encoding: .gbk).encoding == .gbk)
        #expect(try F.read(bytes: gbk, scenario: Self.scenario, encoding: .gb18030).encoding == .gb18030)
        #expect(try F.read(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.wide.utf8), scenario: Self.scenario, encoding: .utf8).encoding == .utf8)
        // GBK bytes read as UTF-8: the first line is ASCII-free, so line 1 is named.
        F.expectError(bytes: gbk, row: 1, column: nil, mentions: ["not UTF-8"], scenario: Self.scenario, encoding: .utf8)
        // Only line 3 holds Chinese text.
        let mixed = Array("id,1,2,3\nP1,M,D,E\n".utf8) + F.gbk("P2,休,D,D\n")
        F.expectError(bytes: mixed, row: 3, column: nil, mentions: ["not UTF-8"], scenario: Self.scenario, encoding: .utf8)
        // Read as GBK, a lead byte (0x81) followed by a line feed is no character.
        F.expectError(bytes: Array("id,1,2,3\nP1,M,D,E\n".utf8) + [0x50, 0x32, 0x2C, 0x81, 0x0A], row: 3, column: nil,
                      mentions: ["not gbk"], scenario: Self.scenario, encoding: .gbk)
        // A byte-order mark contradicting the encoding given.
        F.expectError(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.wide.utf8), row: 1, column: nil, mentions: ["utf-8 byte-order mark", "gb18030"],
                      scenario: Self.scenario, encoding: .gb18030)
    }

    @Test func neitherUTF8NorGB18030() {
        // 0xFF is no lead byte in GB18030.
        F.expectError(bytes: Array("id,1,2,3\nP1,M,D,E\nP2,".utf8) + [0xFF, 0xFF] + Array(",D,D\n".utf8), row: 3, column: nil,
                      mentions: ["neither UTF-8 nor GB18030"], scenario: Self.scenario)
    }

    @Test func utf16WithByteOrderMarkAsExcelUnicodeText() throws {
        let text = Self.wide.replacingOccurrences(of: ",", with: "\t")
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let file = try F.read(bytes: le, scenario: Self.scenario)
        #expect(file.encoding == .utf16LE)
        #expect(file.delimiter == "\t")
        Self.check(file)
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let big = try F.read(bytes: be, scenario: Self.scenario)
        #expect(big.encoding == .utf16BE)
        Self.check(big)
    }

    @Test func anExcelWorkbookIsNotACSVFile() {
        F.expectError(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], row: 1, column: nil, mentions: [".xlsx", "CSV UTF-8"])
    }

    @Test func utf16WithoutByteOrderMark() throws {
        let le: [UInt8] = Self.wide.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let file = try F.read(bytes: le, scenario: Self.scenario)
        #expect(file.encoding == .utf16LE)
        Self.check(file)
    }
}
