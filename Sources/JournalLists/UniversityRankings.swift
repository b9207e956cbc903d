import CPDRules

/// The user's list of universities and their places in the three rankings paragraph 15 of order
/// ҚР ДСМ-283/2020 names (QS World University Rankings, ARWU, Times Higher Education): a CSV with
/// an `institution` column and `qs`, `arwu`, `the` columns of positions, blank where a university
/// is not ranked. A range as the rankings print beyond their first hundreds ("201-250") counts
/// at its worst place.
public struct UniversityRankings: Sendable {
    private var entries: [String: LevelAssignment.UniversityRanking] = [:]

    /// `name` names the list in the sources a decision cites ("rankings.csv:12").
    public init(csv text: String, name: String) throws(JournalListError) {
        let table = try CSVTable(text)
        guard let institution = table.column(["institution", "university", "name", "title"]) else { throw .missingColumn("institution") }
        let columns = (qs: table.column(["qs"]), arwu: table.column(["arwu", "shanghai"]), the: table.column(["the", "times"]))
        guard columns.qs != nil || columns.arwu != nil || columns.the != nil else { throw .missingColumn("qs, arwu or the") }
        for (line, fields) in table.rows where fields.indices.contains(institution) && !fields[institution].isEmpty {
            func position(_ column: Int?) -> Int? {
                guard let column, fields.indices.contains(column) else { return nil }
                return fields[column].split(whereSeparator: { $0 == "-" || $0 == "–" }).last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            }
            entries[Self.fold(fields[institution])] = LevelAssignment.UniversityRanking(
                qs: position(columns.qs), arwu: position(columns.arwu), the: position(columns.the),
                source: LevelAssignment.Source(.rankingList, "\(name):\(line)"))
        }
    }

    /// The institution's line, its name compared without case, punctuation or spacing.
    public func ranking(of institution: String) -> LevelAssignment.UniversityRanking? { entries[Self.fold(institution)] }

    public var count: Int { entries.count }

    static func fold(_ name: String) -> String { name.lowercased().filter { $0.isLetter || $0.isNumber } }
}
