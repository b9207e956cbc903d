import CSVRows
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
        let firstLine = text.unicodeScalars.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: Unicode.Scalar = [";", ",", "\t"].max { a, b in firstLine.count(where: { $0 == a }) < firstLine.count(where: { $0 == b }) }!
        let records: [CSVRow]
        do {
            records = try csvRows(text, delimiter: delimiter)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw .unterminatedQuote(line: line)
            }
        }
        guard let first = records.first else { throw .empty }
        header = first.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        rows = records.dropFirst().map { (line: $0.line, fields: $0.cells.map { $0.trimmingCharacters(in: .whitespaces) }) }
    }

    func column(_ names: [String]) -> Int? {
        names.lazy.compactMap { name in header.firstIndex(of: name) }.first
    }
}
