/// Comma-separated values as RFC 4180 has them (quoted cells may hold commas, quotes doubled,
/// line breaks), or separated by semicolons, as spreadsheets in Russian and Kazakh locales save
/// them: the header line tells which. Works on bytes, as 100,000 rows need.
enum CSVReader {
    struct Row {
        /// The line the row starts on.
        let line: Int
        let cells: [String]
    }

    static func rows(_ bytes: [UInt8]) throws(RegisterProblem) -> [Row] {
        let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let headerEnd = bytes.firstIndex(of: newline) ?? bytes.endIndex
        let header = bytes[..<headerEnd]
        let delimiter = header.count(where: { $0 == semicolon }) > header.count(where: { $0 == comma }) ? semicolon : comma

        var rows: [Row] = []
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var rowLine = 1
        var quoted = false
        var index = 0
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
        }
        func endRow() {
            endCell()
            // A blank line is no row.
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(line: rowLine, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    if index < bytes.count, bytes[index] == quote {
                        cell.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    cell.append(byte)
                }
            } else if byte == quote && cell.isEmpty {
                quoted = true
            } else if byte == delimiter {
                endCell()
            } else if byte == newline {
                endRow()
                line += 1
                rowLine = line
            } else if byte != carriageReturn {
                cell.append(byte)
            }
        }
        if quoted { throw RegisterProblem(line: rowLine, field: "syntax", message: "a quoted cell is not closed") }
        if !cell.isEmpty || !cells.isEmpty { endRow() }
        return rows
    }
}
