import CPDRules

/// The result of `cpd level`: the decision on a qualification level (chapter 3 of the rules),
/// condition by condition, each with the paragraph it rests on and where its facts were read.
public struct LevelReport: Encodable, Sendable {
    struct Condition: Encodable {
        let condition: LevelAssignment.ConditionKind
        let status: LevelAssignment.Status
        /// Met because the rules waive it for this worker.
        let waived: Bool
        let basis: String
        /// Why: each finding's code, its English wording and its details, as `assessment.json`
        /// states a document's findings.
        let reasons: [FindingReport]
        let sources: [LevelAssignment.Source]
    }

    let worker: AssessmentReport.Worker
    let target: String
    let date: CalendarDate
    let route: LevelAssignment.Route
    let decision: LevelAssignment.Status
    let conditions: [Condition]

    public init(_ assignment: LevelAssignment, worker: AssessmentReport.Worker) {
        self.worker = worker
        target = assignment.target.description
        date = assignment.date
        route = assignment.route
        decision = assignment.status
        conditions = assignment.conditions.map {
            Condition(condition: $0.kind, status: $0.status, waived: $0.waived, basis: $0.basis, reasons: $0.reasons.map(FindingReport.init), sources: $0.sources)
        }
    }

    static let titles: [LevelAssignment.ConditionKind: String] = [
        .education: "Education of the level", .assessmentResult: "Assessment of professional preparedness",
        .workFunctions: "Work functions of the level", .cpd: "Confirmed CPD", .sequence: "Sequence of levels",
        .experience: "Continuous experience in the specialty",
    ]

    static let routes: [LevelAssignment.Route: String] = [
        .initialLevel: "an initial level for a graduate (paragraph 17, Appendix 4)",
        .nextLevel: "the next level in the same education (paragraph 19, Appendix 5)",
        .categoryEquivalent: "the level equivalent to the category held (paragraph 12, last sentence; paragraph 19)",
        .nursingEducation: "a nurse's level kept with new nursing education (paragraph 19, last paragraph)",
    ]

    static let statuses: [LevelAssignment.Status: String] = [.met: "met", .notMet: "NOT MET", .cannotTell: "CANNOT TELL"]

    public var text: String {
        let who = [worker.fullName, worker.iin.map { "IIN \($0)" }].compactMap { $0 }.joined(separator: ", ")
        var lines = [
            "Qualification level \(target) for \(who) on \(date): \(Self.statuses[decision]!)",
            "Route: \(Self.routes[route]!)",
        ]
        for condition in conditions {
            lines.append("")
            lines.append("  \(Self.statuses[condition.status]!)\(condition.waived ? " (waived)" : ""): \(Self.titles[condition.condition]!) — \(condition.basis)")
            for reason in condition.reasons {
                lines += wrap("\(reason.message) [\(reason.code.rawValue)]", indent: 6)
            }
            if !condition.sources.isEmpty {
                lines += wrap(condition.sources.map(\.description).joined(separator: "; "), indent: 6, label: "from ")
            }
        }
        lines.append("")
        func named(_ status: LevelAssignment.Status) -> String {
            conditions.filter { $0.status == status }.map { title in
                let words = Self.titles[title.condition]!
                return words.prefix(1).lowercased() + words.dropFirst()
            }.joined(separator: ", ")
        }
        let undecided = named(.cannotTell)
        switch decision {
        case .met: lines.append("Every condition of chapter 3 is met.")
        case .notMet: lines += wrap("Not met: \(named(.notMet)).\(undecided.isEmpty ? "" : " A person must also decide: \(undecided).")", indent: 0)
        case .cannotTell: lines += wrap("A person must decide: \(undecided).", indent: 0)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
