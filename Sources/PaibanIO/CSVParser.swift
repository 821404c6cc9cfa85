/// One record of a delimited text file, with the place it came from.
struct CSVRecord: Sendable, Hashable {
    /// 1-based record number: the row a spreadsheet shows (blank lines count, line breaks inside quotes do not).
    var row: Int
    /// 1-based line of the file the record starts on.
    var line: Int
    var fields: [String]

    /// The field in 1-based `column`, or "" past the end of a short row.
    func field(_ column: Int) -> String { column >= 1 && column <= fields.count ? fields[column - 1] : "" }

    /// A blank line, or a row of empty cells (",,,,", what Excel writes for a blank table row).
    var isBlank: Bool { fields.allSatisfy { Cell.trim($0).isEmpty } }
}

struct CSVTable: Sendable {
    var records: [CSVRecord]
    /// "," or "\t".
    var delimiter: Character
}

/// RFC 4180 reading, lenient where spreadsheets are: fields separated by commas (or tabs, for Excel's
/// "Unicode text"), records by CRLF, LF or a lone CR; a field in double quotes may hold the separator,
/// line breaks and doubled quotes. A quote inside an unquoted field is an ordinary character, and text
/// after a closing quote is kept. Only a quote that is never closed is an error: it swallows the rest of the file.
enum CSVParser {
    static func parse(_ text: String, file: String) throws -> CSVTable {
        let scalars = Array(text.unicodeScalars)
        let delimiter = detectDelimiter(scalars)
        let quote: Unicode.Scalar = "\"", cr: Unicode.Scalar = "\r", lf: Unicode.Scalar = "\n"

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var fieldWasQuoted = false
        var recordHasContent = false
        var line = 1, recordLine = 1
        var inQuotes = false
        var quoteOpened = (line: 0, column: 0)

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            records.append(CSVRecord(row: records.count + 1, line: recordLine, fields: fields))
            fields = []
            recordHasContent = false
        }

        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < scalars.count && scalars[i + 1] == quote {
                        field.append(quote)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else if c == cr || c == lf {
                    // A line break inside a cell; CRLF becomes one "\n".
                    if c == cr && i + 1 < scalars.count && scalars[i + 1] == lf { i += 1 }
                    field.append(lf)
                    line += 1
                } else {
                    field.append(c)
                }
                i += 1
                continue
            }
            if c == delimiter {
                recordHasContent = true
                endField()
            } else if c == cr || c == lf {
                if c == cr && i + 1 < scalars.count && scalars[i + 1] == lf { i += 1 }
                if recordHasContent || !field.isEmpty || !fields.isEmpty {
                    endRecord()
                } else {
                    records.append(CSVRecord(row: records.count + 1, line: recordLine, fields: [""]))
                }
                line += 1
                recordLine = line
            } else if c == quote && field.isEmpty && !fieldWasQuoted {
                inQuotes = true
                fieldWasQuoted = true
                recordHasContent = true
                quoteOpened = (line, fields.count + 1)
            } else {
                recordHasContent = true
                field.append(c)
            }
            i += 1
        }
        if inQuotes {
            let row = records.count + 1
            throw InputError(file: file, line: row, column: quoteOpened.column,
                             message: "cell \(Cell.reference(row: row, column: quoteOpened.column)): the quote that opens this cell "
                             + "(line \(quoteOpened.line) of the file) is never closed; a \" inside a quoted cell must be doubled (\"\")")
        }
        if recordHasContent || !field.isEmpty || !fields.isEmpty { endRecord() }
        return CSVTable(records: records, delimiter: delimiter == "\t" ? "\t" : ",")
    }

    /// Tab if the first lines hold more tabs than commas (outside quotes), else comma.
    static func detectDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var tabs = 0, commas = 0, lines = 0, inQuotes = false
        for c in scalars {
            if c == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if c == "\t" { tabs += 1 } else if c == "," { commas += 1 } else if c == "\n" {
                lines += 1
                if lines >= 20 { break }
            }
        }
        return tabs > commas ? "\t" : ","
    }
}
