import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings a roster file may come in. Excel on Chinese Windows saves "CSV (逗号分隔)" as
/// GBK (code page 936, which GB18030 extends), "CSV UTF-8" with a byte-order mark, and "Unicode text"
/// as tab-separated UTF-16LE with a byte-order mark.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case gbk = "gbk"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    /// Accepts what people type after `--encoding`: `utf-8`, `UTF8`, `gb18030`, `gbk`, `cp936`,
    /// `gb2312` (read as GBK, its superset), `utf-16` (little-endian, as Windows writes it), `utf-16le`, `utf-16be`.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8": self = .utf8
        case "gb18030": self = .gb18030
        case "gbk", "cp936", "gb2312", "936", "windows936": self = .gbk
        case "utf16", "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        default: return nil
        }
    }

    /// The names `init(name:)` documents, for help texts and error messages.
    public static let acceptedNames = ["utf-8", "gb18030", "gbk", "utf-16le", "utf-16be"]

    public var name: String { rawValue }

    /// The charset name iconv knows.
    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gb18030: return "GB18030"
        case .gbk: return "GBK"
        case .utf16LE: return "UTF-16LE"
        case .utf16BE: return "UTF-16BE"
        }
    }
}

/// Bytes to text: byte-order mark, else valid UTF-8, else GB18030; or the encoding the user forces.
/// Bytes that do not decode are an InputError naming the (physical) line they sit on.
enum TextDecoding {
    struct Decoded {
        var text: String
        var encoding: TextEncoding
    }

    static func decode(_ bytes: [UInt8], file: String, forced: TextEncoding? = nil) throws -> Decoded {
        if let workbook = spreadsheetKind(bytes) {
            throw InputError(file: file, line: 1, message: "this is an Excel workbook (\(workbook)), not a CSV file: in Excel use "
                             + "File > Save As > \"CSV UTF-8\" (文件 > 另存为 > CSV UTF-8) and give Paiban that file")
        }
        let bom = byteOrderMark(bytes)
        if let forced {
            if let (marked, length) = bom {
                guard marked == forced else {
                    throw InputError(file: file, line: 1, message: "the file starts with a \(marked.name) byte-order mark, "
                                     + "but the encoding given is \(forced.name); leave out the encoding option or give \(marked.name)")
                }
                return Decoded(text: try convert(Array(bytes.dropFirst(length)), from: forced, file: file),
                               encoding: forced)
            }
            return Decoded(text: try convert(bytes, from: forced, file: file), encoding: forced)
        }
        if let (marked, length) = bom {
            return Decoded(text: try convert(Array(bytes.dropFirst(length)), from: marked, file: file),
                           encoding: marked)
        }
        if let unmarked = utf16WithoutMark(bytes) {
            return Decoded(text: try convert(bytes, from: unmarked, file: file), encoding: unmarked)
        }
        if firstInvalidUTF8(bytes) == nil {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
        }
        do {
            return Decoded(text: try convert(bytes, from: .gb18030, file: file), encoding: .gb18030)
        } catch var error as InputError {
            error.message = "this line is neither UTF-8 nor GB18030/GBK text; save the file as \"CSV UTF-8\" or name its encoding"
            throw error
        }
    }

    /// `.xlsx` files are zip archives; `.xls` files are OLE compound documents.
    static func spreadsheetKind(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return ".xlsx" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return ".xls" }
        return nil
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> (TextEncoding, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 that lost its mark: mostly ASCII, so every other byte of the first ones is zero.
    static func utf16WithoutMark(_ bytes: [UInt8]) -> TextEncoding? {
        let pairs = min(bytes.count / 2, 200)
        guard pairs >= 2 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in 0..<pairs {
            if bytes[2 * i] == 0 { zeroEven += 1 }
            if bytes[2 * i + 1] == 0 { zeroOdd += 1 }
        }
        if zeroOdd * 2 > pairs && zeroEven == 0 { return .utf16LE }
        if zeroEven * 2 > pairs && zeroOdd == 0 { return .utf16BE }
        return nil
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil if all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The 1-based line holding byte `offset`, counting line feeds in the encoding's code units.
    static func line(ofByte offset: Int, in bytes: [UInt8], encoding: TextEncoding) -> Int {
        var lines = 1
        switch encoding {
        case .utf16LE, .utf16BE:
            var i = 0
            while i + 1 < min(offset, bytes.count) {
                let unit = encoding == .utf16LE ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
                if unit == (0x0A, 0x00) { lines += 1 }
                i += 2
            }
        default:
            // In UTF-8, GBK and GB18030 the byte 0x0A is never part of a longer sequence.
            for b in bytes.prefix(offset) where b == 0x0A { lines += 1 }
        }
        return lines
    }

    static func convert(_ bytes: [UInt8], from encoding: TextEncoding, file: String) throws -> String {
        if encoding == .utf8 {
            if let bad = firstInvalidUTF8(bytes) {
                throw InputError(file: file, line: line(ofByte: bad, in: bytes, encoding: .utf8),
                                 message: "this line is not UTF-8 text (GBK or GB18030?); give the right encoding or save the file as \"CSV UTF-8\"")
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        switch iconvToUTF8(bytes, from: encoding.iconvName) {
        case .success(let utf8):
            return String(decoding: utf8, as: UTF8.self)
        case .failure(.unsupported):
            throw InputError(file: file, message: "this system cannot decode \(encoding.name) (iconv has no converter for it)")
        case .failure(.invalid(let offset)):
            throw InputError(file: file, line: line(ofByte: offset, in: bytes, encoding: encoding),
                             message: "this line is not \(encoding.name) text; give the right encoding or save the file as \"CSV UTF-8\"")
        }
    }

    enum IconvFailure: Error {
        case unsupported
        /// Byte offset of the first sequence that does not convert (or is cut short at the end).
        case invalid(at: Int)
    }

    static func iconvToUTF8(_ bytes: [UInt8], from charset: String) -> Result<[UInt8], IconvFailure> {
        let descriptor = iconv_open("UTF-8", charset)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return .failure(.unsupported) }
        defer { _ = iconv_close(descriptor) }
        if bytes.isEmpty { return .success([]) }
        var input = bytes
        // GB18030 and UTF-16 never take more than twice their bytes in UTF-8; the margin is for safety.
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        let outcome: (failedAt: Int?, written: Int) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                let written = outBuffer.count - outLeft
                if result == -1 || inLeft > 0 { return (inBuffer.count - inLeft, written) }
                return (nil, written)
            }
        }
        if let failedAt = outcome.failedAt { return .failure(.invalid(at: failedAt)) }
        return .success(Array(output.prefix(outcome.written)))
    }
}
