import Foundation

/// A delimited text table as journal lists come: SCImago's export (semicolons, quoted fields,
/// decimal commas) or a plain comma-separated list typed by hand.
struct CSVTable {
    let header: [String]
    /// Rows with the line each starts on.
    let rows: [(line: Int, fields: [String])]

    /// Parses `text`, choosing the delimiter the header line uses most (";" or "," or tab).
    init(_ text: String) throws(JournalListError) {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Character = [";", ",", "\t"].max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count }!
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
            field = ""
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == delimiter {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                endRecord()
                line += 1
                recordLine = line
            } else if character != "\r" {
                field.append(character)
            }
        }
        if quoted { throw .unterminatedQuote(line: recordLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw .empty }
        header = first.1.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = records.dropFirst().map { (line: $0.0, fields: $0.1.map { $0.trimmingCharacters(in: .whitespaces) }) }
    }

    func column(_ names: [String]) -> Int? {
        names.lazy.compactMap { name in header.firstIndex(of: name) }.first
    }
}
