import CPDRules

/// What a CSV journal list cannot be read for, with the line where it went wrong.
public enum JournalListError: Error, Equatable, CustomStringConvertible {
    case empty
    case unterminatedQuote(line: Int)
    case missingColumn(String)

    public var description: String {
        switch self {
        case .empty: "the list is empty"
        case .unterminatedQuote(let line): "a quoted field opened on line \(line) never closes"
        case .missingColumn(let name): "no \(name) column in the header line"
        }
    }
}

/// An ISSN in one canonical form, "1234-567X", whatever the list or record wrote.
public struct ISSN: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// Accepts "1471-2458", "14712458", "1812-289x", and an ISSN with its check digit wrong
    /// (lists carry such typos; the check digit is not what identifies the journal here).
    public init?(_ text: some StringProtocol) {
        let characters = text.uppercased().filter { $0.isNumber || $0 == "X" }
        guard characters.count == 8, characters.dropLast().allSatisfy(\.isNumber) else { return nil }
        value = "\(characters.prefix(4))-\(characters.suffix(4))"
    }

    public var description: String { value }
}

/// The SCImago-style table the user supplies: journal quartiles by ISSN (criterion 10).
public struct QuartileList: Sendable {
    public struct Entry: Sendable, Hashable {
        public let title: String
        public let quartile: Quartile
        public let line: Int
    }

    private var entries: [ISSN: Entry] = [:]

    /// Reads SCImago's export: a `Title` column, an `Issn` column holding one or more ISSNs
    /// ("15424863, 00079235"), and `SJR Best Quartile`. Rows without a quartile ("-") are skipped.
    public init(csv text: String) throws(JournalListError) {
        let table = try CSVTable(text)
        guard let issnColumn = table.column(["issn", "issns"]) else { throw .missingColumn("Issn") }
        guard let quartileColumn = table.column(["sjr best quartile", "quartile", "best quartile"]) else { throw .missingColumn("SJR Best Quartile") }
        let titleColumn = table.column(["title", "journal", "source title"])
        for (line, fields) in table.rows where fields.count > max(issnColumn, quartileColumn) {
            guard let quartile = Quartile(rawValue: fields[quartileColumn].uppercased()) else { continue }
            let title = titleColumn.flatMap { fields.indices.contains($0) ? fields[$0] : nil } ?? ""
            for issn in fields[issnColumn].split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).compactMap({ ISSN($0) }) {
                // A journal listed twice keeps its best quartile.
                if let existing = entries[issn], existing.quartile.rawValue <= quartile.rawValue { continue }
                entries[issn] = Entry(title: title, quartile: quartile, line: line)
            }
        }
    }

    public func entry(for issns: [ISSN]) -> Entry? { issns.lazy.compactMap { entries[$0] }.first }

    public var count: Int { Set(entries.values).count }
}

/// Journals recommended by the Quality Assurance Committee (criterion 8 rather than 9), by ISSN
/// or, for a row without one, by title.
public struct RecommendedJournals: Sendable {
    private var issns: Set<ISSN> = []
    private var titles: Set<String> = []

    public init(csv text: String) throws(JournalListError) {
        let table = try CSVTable(text)
        let issnColumn = table.column(["issn", "issn/eissn", "eissn"])
        let titleColumn = table.column(["title", "journal", "name", "наименование", "название"])
        guard issnColumn != nil || titleColumn != nil else { throw .missingColumn("title or issn") }
        for (_, fields) in table.rows {
            if let column = issnColumn, fields.indices.contains(column) {
                issns.formUnion(fields[column].split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).compactMap { ISSN($0) })
            }
            if let column = titleColumn, fields.indices.contains(column), !fields[column].isEmpty {
                titles.insert(Self.fold(fields[column]))
            }
        }
    }

    public func contains(issns candidates: [ISSN], title: String?) -> Bool {
        candidates.contains(where: issns.contains) || title.map { titles.contains(Self.fold($0)) } == true
    }

    /// Titles compare without case, punctuation or spacing.
    static func fold(_ title: String) -> String { title.lowercased().filter { $0.isLetter || $0.isNumber } }
}
