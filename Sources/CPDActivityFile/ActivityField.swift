import CPDRules
import PersonNames

/// The fields an activity entry may have. A field not listed is a typing mistake and an error.
enum ActivityField: String, CaseIterable {
    case activity, criterion, title, documentNumber, language, notarizedTranslation
    case startDate, endDate, issueDate, year
    case hours, credits, weeks, days, reports, testQuestions, clinicalScenarios
    case significance, role, publication, authorPosition, authorCount, quartile, recommendedJournal
}

/// The fields at the top of the file.
enum FileField: String, CaseIterable {
    case worker, asOf, targetCategory, activities
}

enum WorkerField: String, CaseIterable {
    case iin, fullName
}

/// The closest known name to a mistyped one, for "did you mean" hints.
func closest<Field: RawRepresentable & CaseIterable>(to name: String, in _: Field.Type) -> String?
where Field.RawValue == String {
    let candidates = Field.allCases.map(\.rawValue)
    let scored = candidates.map { ($0, editDistance($0.lowercased(), name.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
    return best.0
}
