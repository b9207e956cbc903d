import CPDRules
import Confirmation
import Foundation
import Wording

/// What the register knows about the worker for the form's items 3 to 10; nil leaves a line
/// to fill by hand.
public struct RegisterDetails: Sendable {
    public struct Employment: Sendable {
        public var hired, dismissed, placeOfWork, position, orderNumber, orderDate: String?

        public init(hired: String?, dismissed: String?, placeOfWork: String?, position: String?, orderNumber: String?, orderDate: String?) {
            self.hired = hired
            self.dismissed = dismissed
            self.placeOfWork = placeOfWork
            self.position = position
            self.orderNumber = orderNumber
            self.orderDate = orderDate
        }
    }

    /// Items 3 and 4, written by each form in its language.
    public var totalService, specialtyService: ServiceLength?
    /// Item 9, named by each form in its language.
    public var category: QualificationCategory?
    /// As the register has them: the SQF level in the regulation's notation, the rest in the
    /// words the HR service typed.
    public var placeOfWork, position, sqfLevel, postgraduateEducation: String?
    public var employment: [Employment]

    public init(
        totalService: ServiceLength? = nil, specialtyService: ServiceLength? = nil, placeOfWork: String? = nil, position: String? = nil,
        sqfLevel: String? = nil, category: QualificationCategory? = nil, postgraduateEducation: String? = nil, employment: [Employment] = []
    ) {
        self.totalService = totalService
        self.specialtyService = specialtyService
        self.placeOfWork = placeOfWork
        self.position = position
        self.sqfLevel = sqfLevel
        self.category = category
        self.postgraduateEducation = postgraduateEducation
        self.employment = employment
    }
}

/// The values a form template is rendered with: plain dictionaries, so the templates decide
/// every word and the code only supplies facts.
enum FormContext {
    static func make(_ folder: FolderAssessment, register: RegisterDetails, language: FormLanguage) -> [String: Any] {
        let assessment = folder.assessment
        let window = ConfirmationWindow(confirmationDate: assessment.confirmationDate)
        var units: [String: String] = [:]
        for criterion in Criterion.all { units["c\(criterion.number)"] = language.format(assessment.byCriterion[criterion.number] ?? 0) }
        var refused: [[String: Any]] = []
        for (index, document) in folder.documents.enumerated() where document.item.outcome.decision == .refused {
            var entry: [String: Any] = [
                "index": index + 1,
                "file": document.record.file.split(separator: "/").last.map(String.init) ?? document.record.file,
                "reasons": document.item.outcome.refusals.map { FindingWording.context($0, language) },
                "paragraphs": Set(document.item.outcome.refusals.map(\.paragraph)).sorted().map(String.init).joined(separator: ", "),
            ]
            if let activity = document.item.evidence?.activity ?? document.record.activity { entry["activity"] = [activity.rawValue: true] }
            if let criterion = document.item.criterion?.number { entry["criterion"] = criterion }
            refused.append(entry)
        }
        // Documents for review: what a person must establish, in the form's language.
        var review: [[String: Any]] = []
        for (index, document) in folder.documents.enumerated() where document.item.outcome.decision == .review {
            var entry: [String: Any] = [
                "index": index + 1,
                "file": document.record.file.split(separator: "/").last.map(String.init) ?? document.record.file,
                "findings": document.item.outcome.findings.enumerated().map { position, finding in
                    // `more`: another finding follows, for the template's separator.
                    FindingWording.context(finding, language).merging(["more": position + 1 < document.item.outcome.findings.count]) { first, _ in first }
                },
            ]
            if let activity = document.item.evidence?.activity ?? document.record.activity { entry["activity"] = [activity.rawValue: true] }
            if let criterion = document.item.criterion?.number { entry["criterion"] = criterion }
            review.append(entry)
        }
        // What a person established instead of the reading: each document's corrections in force.
        var corrected: [[String: Any]] = []
        for (index, document) in folder.documents.enumerated() where !document.corrections.isEmpty {
            let changes = document.corrections.enumerated().map { position, correction -> [String: Any] in
                var change: [String: Any] = ["more": position + 1 < document.corrections.count]
                switch correction.change {
                case .fact(let fact, let value):
                    var stated: [String: Any] = [fact.rawValue: true]
                    if let value {
                        stated["correctedValue"] = CalendarDate(value).map(language.format) ?? (language == .en ? value : value.replacingOccurrences(of: ".", with: ","))
                        // The activity partial reads `activity.<kind>`.
                        if fact == .activity { stated["correctedActivity"] = ["activity": [value: true]] }
                    }
                    change["correctedFact"] = stated
                case .accepted: change["officerAccepted"] = true
                case .refused: change["officerRefused"] = true
                }
                return change
            }
            let latest = document.corrections.max { $0.on < $1.on }!
            corrected.append([
                "index": index + 1, "file": document.record.file.split(separator: "/").last.map(String.init) ?? document.record.file,
                "changes": changes, "by": Set(document.corrections.map(\.by)).sorted().joined(separator: ", "), "on": language.format(latest.on),
            ])
        }
        var registerValues: [String: Any] = [:]
        let fields: [(String, String?)] = [
            ("workplace", register.placeOfWork), ("position", register.position), ("sqfLevel", register.sqfLevel),
            ("postgraduate", register.postgraduateEducation),
        ]
        for (key, value) in fields { if let value, !value.isEmpty { registerValues[key] = value } }
        if let length = register.totalService { registerValues["totalService"] = serviceLength(length, language) }
        if let length = register.specialtyService { registerValues["specialtyService"] = serviceLength(length, language) }
        if let category = register.category { registerValues["category"] = [category.rawValue: true] }
        if !register.employment.isEmpty {
            registerValues["employment"] = register.employment.map {
                ["hired": $0.hired ?? "", "dismissed": $0.dismissed ?? "", "place": $0.placeOfWork ?? "", "position": $0.position ?? "",
                 "orderNumber": $0.orderNumber ?? "", "orderDate": $0.orderDate ?? ""]
            }
        }
        return [
            "worker": ["fullName": folder.workerName.description, "iin": folder.workerIIN ?? ""],
            "asOf": language.format(assessment.confirmationDate),
            "periodStart": language.format(window.periodStart),
            "total": language.format(assessment.totals.total),
            "cu": units,
            "register": registerValues,
            "refused": refused,
            "review": review,
            "hasReview": !review.isEmpty,
            "corrected": corrected,
            "hasCorrected": !corrected.isEmpty,
            "translationNeeded": folder.documents.contains { $0.item.outcome.refusals.contains { $0.reason == .needsNotarizedTranslation } },
        ]
    }

    /// A length of service as the `service.<language>` partials read it: each part that is not
    /// zero (days when all are) with its number and the plural form the language gives it, and
    /// whether another part follows.
    static func serviceLength(_ length: ServiceLength, _ language: FormLanguage) -> [String: Any] {
        let parts = [("years", length.years), ("months", length.months), ("days", length.days)]
        let shown = parts.filter { $0.1 > 0 }.isEmpty ? [("days", 0)] : parts.filter { $0.1 > 0 }
        var context: [String: Any] = [:]
        for (position, (name, count)) in shown.enumerated() {
            context[name] = ["count": "\(count)", language.pluralCategory(count): true, "more": position + 1 < shown.count]
        }
        return context
    }
}
