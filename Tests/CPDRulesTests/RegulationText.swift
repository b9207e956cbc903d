import Foundation

/// The regulation's English text from `../shared/regulations`, cut into the tables the tests
/// compare the code with.
enum RegulationText {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/regulations")

    static func load() throws -> String {
        try String(contentsOf: directory.appendingPathComponent("cpd-confirmation-rules.en.txt"), encoding: .utf8)
    }

    /// The text between two headings.
    static func section(of text: String, from start: String, to end: String) -> Substring? {
        guard let startRange = text.range(of: start),
            let endRange = text.range(of: end, range: startRange.upperBound..<text.endIndex)
        else { return nil }
        return text[startRange.upperBound..<endRange.lowerBound]
    }

    /// Collapses runs of whitespace, as the table's cells wrap and indent freely.
    static func normalize<S: StringProtocol>(_ text: S) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The table's rows as lists of cells. In the text a cell opens with a line holding only a
    /// tab, and a row opens with such a line right after an empty one.
    static func tableRows(_ table: Substring) -> [[String]] {
        var rows: [[String]] = []
        var row: [[Substring]] = []
        var previousWasEmpty = true
        func closeRow() {
            if !row.isEmpty { rows.append(row.map { normalize($0.joined(separator: " ")) }) }
            row = []
        }
        for line in table.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) && line.contains("\t") {
                if previousWasEmpty { closeRow() }
                row.append([])
                previousWasEmpty = false
            } else if line.isEmpty {
                previousWasEmpty = true
            } else if line.allSatisfy(\.isWhitespace) {
                previousWasEmpty = false  // a line of no-break spaces inside a cell
            } else {
                if row.isEmpty { row.append([]) }
                row[row.count - 1].append(line)
                previousWasEmpty = false
            }
        }
        closeRow()
        return rows
    }
}
