import CSV

/// One record of a CSV text and the line it starts on.
public struct CSVRow: Sendable, Equatable {
    public let line: Int
    public let cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// What spoils a CSV text as a whole.
public enum CSVRowsError: Error, Equatable {
    /// A quoted cell runs to the end of the text; `line` is where its row starts.
    case unterminatedQuote(line: Int)
}

/// The records of `text` as CSV.swift parses them (RFC 4180 quoting: a cell in quotes may hold the
/// delimiter, line breaks and doubled quotes; rows end at LF, CRLF or CR), with the line each
/// starts on, which the package does not tell: a row starts one line after the previous row's
/// start plus the line breaks inside that row's quoted cells. Blank lines are no rows.
/// A byte order mark is the caller's to remove.
public func csvRows(_ text: String, delimiter: Unicode.Scalar) throws(CSVRowsError) -> [CSVRow] {
    // The reader throws only when asked to read a header row of its own, which is not asked here.
    guard let reader = try? CSVReader(string: text, delimiter: delimiter) else { return [] }
    var rows: [CSVRow] = []
    var line = 1
    var last: (line: Int, cell: String)?
    while let cells = reader.next() {
        if !(cells.count == 1 && cells[0].isEmpty) { rows.append(CSVRow(line: line, cells: cells)) }
        last = (line, cells[cells.count - 1])
        line += 1 + cells.reduce(0) { $0 + lineBreaks(in: $1) }
    }
    // The package reads an unclosed quote as a cell that runs to the end: then the text ends with
    // the opening quote, just after a delimiter or line break, and that cell with its quotes doubled.
    if let last, endsInsideQuotes(text, lastCell: last.cell) { throw .unterminatedQuote(line: last.line) }
    return rows
}

/// LF, CRLF and a lone CR each count once, as they end a row.
private func lineBreaks(in cell: String) -> Int {
    var count = 0
    var afterCarriageReturn = false
    for byte in cell.utf8 {
        if byte == UInt8(ascii: "\n") {
            if !afterCarriageReturn { count += 1 }
        } else if byte == UInt8(ascii: "\r") {
            count += 1
        }
        afterCarriageReturn = byte == UInt8(ascii: "\r")
    }
    return count
}

private func endsInsideQuotes(_ text: String, lastCell: String) -> Bool {
    let quote = UInt8(ascii: "\"")
    var source: [UInt8] = [quote]
    for byte in lastCell.utf8 {
        source.append(byte)
        if byte == quote { source.append(byte) }
    }
    let bytes = text.utf8
    guard bytes.count >= source.count, bytes.suffix(source.count).elementsEqual(source) else { return false }
    // `a,""` closes an empty cell: a quote before the opening one means it was a closing pair.
    return bytes.dropLast(source.count).last != quote
}
