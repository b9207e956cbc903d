import CPDRules
import Wording

extension Forms {
    /// The summary of a level decision (chapter 3 of the rules) for the accredited
    /// organisation: every condition, its result and why, in the form's language, the paragraphs it
    /// rests on and where it was read.
    public func levelSummary(_ assignment: LevelAssignment, fullName: String, iin: String?, language: FormLanguage) throws -> Rendered {
        try render(
            "level", context: LevelFormContext.make(assignment, fullName: fullName, iin: iin, language: language), language: language,
            date: assignment.date)
    }
}

/// The facts the level templates are rendered with; every word is the templates'.
enum LevelFormContext {
    static func make(_ assignment: LevelAssignment, fullName: String, iin: String?, language: FormLanguage) -> [String: Any] {
        var context: [String: Any] = [
            "worker": ["fullName": fullName, "iin": iin as Any].compactMapValues { $0 is String ? $0 : nil },
            "target": assignment.target.description,
            "asOf": language.format(assignment.date),
            "route": [key(assignment.route): true],
            "decision": [key(assignment.status): true],
        ]
        context["conditions"] = assignment.conditions.enumerated().map { index, condition -> [String: Any] in
            [
                "index": index + 1,
                "kind": [key(condition.kind): true],
                "status": condition.waived ? ["waived": true] : [key(condition.status): true],
                "references": condition.references.enumerated().map { position, reference -> [String: Any] in
                    var values = FindingWording.context(reference)
                    values["last"] = position == condition.references.count - 1
                    return values
                },
                "reasons": condition.reasons.enumerated().map { position, finding -> [String: Any] in
                    FindingWording.context(finding, language).merging(["more": position + 1 < condition.reasons.count]) { first, _ in first }
                },
                "sources": condition.sources.enumerated().map { position, source -> [String: Any] in
                    [source.kind == .rankingList ? "rankingList" : source.kind.rawValue: ["reference": source.reference], "last": position == condition.sources.count - 1]
                },
            ]
        }
        return context
    }

    /// Template keys in camel case: `notMet`, `assessmentResult`, `nextLevel`.
    static func key(_ value: some RawRepresentable<String>) -> String {
        let words = value.rawValue.split(separator: "-")
        return (words.prefix(1) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }).joined()
    }
}
