import CPDRules
import Yams

/// Walks the YAML (or JSON) tree of an activity file, checking each field where it stands.
struct ActivityFileReader {
    let name: String
    private var problems: [ActivityFileError.Problem] = []

    init(name: String) { self.name = name }

    mutating func read(_ text: String) throws(ActivityFileError) -> ActivityFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw fail(syntax: error)
        } catch {
            throw ActivityFileError(file: name, problems: [.init(line: 1, column: 1, field: "file", message: "\(error)")])
        }
        var file = ActivityFile()
        guard let root, let top = mapping(root, "file") else {
            if root == nil { report(nil, "file", "is empty; expected a mapping with an `activities` list") }
            throw ActivityFileError(file: name, problems: problems)
        }
        var sawActivities = false
        for (key, value) in top {
            guard let field = fieldName(key, FileField.self, path: "") else { continue }
            switch field {
            case .worker: readWorker(value, into: &file)
            case .asOf: file.confirmationDate = date(value, "asOf")
            case .targetCategory: file.targetCategory = enumeration(value, "targetCategory", QualificationCategory.self)
            case .activities:
                sawActivities = true
                guard case .sequence(let list) = value else {
                    report(value, "activities", "must be a list of entries")
                    continue
                }
                for (index, item) in list.enumerated() {
                    if let evidence = readEntry(item, path: "activities[\(index + 1)]") {
                        file.entries.append(ActivityFile.Entry(line: item.mark?.line ?? 0, evidence: evidence))
                    }
                }
            }
        }
        if !sawActivities { report(root, "activities", "is missing: list the documents under `activities:`") }
        guard problems.isEmpty else { throw ActivityFileError(file: name, problems: problems) }
        return file
    }

    // MARK: Problems

    private mutating func report(_ node: Node?, _ field: String, _ message: String) {
        problems.append(.init(line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, field: field, message: message))
    }

    private func fail(syntax error: YamlError) -> ActivityFileError {
        let (mark, problem): (Mark?, String) =
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                (mark, problem)
            default: (nil, "\(error)")
            }
        return ActivityFileError(file: name, problems: [
            .init(line: mark?.line ?? 1, column: mark?.column ?? 1, field: "syntax", message: problem)
        ])
    }

    // MARK: Structure

    private mutating func mapping(_ node: Node, _ path: String) -> Node.Mapping? {
        switch node {
        case .mapping(let mapping): return mapping
        default: report(node, path, "must be a mapping of field names to values")
        }
        return nil
    }

    private mutating func fieldName<Field: RawRepresentable & CaseIterable>(
        _ key: Node, _ type: Field.Type, path: String
    ) -> Field? where Field.RawValue == String {
        let name = key.scalar?.string ?? ""
        if let field = Field(rawValue: name) { return field }
        let hint = closest(to: name, in: type).map { "; did you mean `\($0)`?" } ?? ""
        report(key, path.isEmpty ? name : "\(path).\(name)", "is not a known field\(hint)")
        return nil
    }

    private mutating func readWorker(_ node: Node, into file: inout ActivityFile) {
        guard let fields = mapping(node, "worker") else { return }
        for (key, value) in fields {
            switch fieldName(key, WorkerField.self, path: "worker") {
            case .iin:
                guard let iin = string(value, "worker.iin") else { continue }
                if iin.count == 12, iin.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    file.workerIIN = iin
                } else {
                    report(value, "worker.iin", "must be the 12 digits of the IIN, quoted (got \"\(iin)\")")
                }
            case .fullName: file.workerName = string(value, "worker.fullName")
            case nil: continue
            }
        }
    }

    // MARK: Entries

    private mutating func readEntry(_ node: Node, path: String) -> Evidence? {
        guard let fields = mapping(node, path) else { return nil }
        let before = problems.count
        var values: [ActivityField: Node] = [:]
        for (key, value) in fields {
            guard let field = fieldName(key, ActivityField.self, path: path) else { continue }
            values[field] = value
        }
        func at(_ field: ActivityField) -> (Node, String)? { values[field].map { ($0, "\(path).\(field.rawValue)") } }

        let activity = at(.activity).flatMap { enumeration($0.0, $0.1, ActivityKind.self) }
        let quartile = at(.quartile).flatMap { enumeration($0.0, $0.1, Quartile.self) }
        let recommended = at(.recommendedJournal).flatMap { boolean($0.0, $0.1) }
        let statedCriterion = at(.criterion).flatMap { whole($0.0, $0.1, in: 1...21) }
        let criterion: Int
        switch (statedCriterion, activity) {
        case (let stated?, let activity?):
            let expected = activity.possibleCriteria
            guard expected.contains(stated) else {
                report(values[.criterion], "\(path).criterion", "is \(stated), but a(n) \(activity.rawValue) is criterion \(expected.map(String.init).joined(separator: " or "))")
                return nil
            }
            criterion = stated
        case (let stated?, nil): criterion = stated
        case (nil, let activity?):
            guard let derived = activity.criterion(quartile: quartile, inRecommendedJournal: recommended) else {
                report(values[.activity], "\(path).activity", "an article needs `criterion` (8, 9 or 10), `quartile` or `recommendedJournal`")
                return nil
            }
            criterion = derived
        case (nil, nil):
            if values[.criterion] == nil && values[.activity] == nil {
                report(node, path, "needs `activity` or `criterion`")
            }
            return nil
        }

        var evidence = Evidence(criterion: criterion)
        evidence.activity = activity
        evidence.quartile = quartile
        evidence.title = at(.title).flatMap { string($0.0, $0.1) }
        evidence.documentNumber = at(.documentNumber).flatMap { string($0.0, $0.1) }
        evidence.language = at(.language).flatMap { languageCode($0.0, $0.1) }
        evidence.hasNotarizedTranslation = at(.notarizedTranslation).flatMap { boolean($0.0, $0.1) } ?? false
        evidence.startDate = at(.startDate).flatMap { date($0.0, $0.1) }
        evidence.endDate = at(.endDate).flatMap { date($0.0, $0.1) }
        evidence.issueDate = at(.issueDate).flatMap { date($0.0, $0.1) }
        evidence.publicationYear = at(.year).flatMap { whole($0.0, $0.1, in: 1900...9999) }
        evidence.hours = at(.hours).flatMap { hours($0.0, $0.1) }
        evidence.credits = at(.credits).flatMap { hours($0.0, $0.1) }
        evidence.weeks = at(.weeks).flatMap { whole($0.0, $0.1, in: 0...520) }
        evidence.days = at(.days).flatMap { whole($0.0, $0.1, in: 0...3660) }
        evidence.reports = at(.reports).flatMap { whole($0.0, $0.1, in: 1...100) }
        evidence.testQuestions = at(.testQuestions).flatMap { whole($0.0, $0.1, in: 0...1_000_000) }
        evidence.clinicalScenarios = at(.clinicalScenarios).flatMap { whole($0.0, $0.1, in: 0...1_000_000) }
        evidence.significance = at(.significance).flatMap { significance($0.0, $0.1) }
        evidence.role = at(.role).flatMap { enumeration($0.0, $0.1, Role.self) }
        evidence.publicationKind = at(.publication).flatMap { enumeration($0.0, $0.1, PublicationKind.self) }
        evidence.authorPosition = at(.authorPosition).flatMap { whole($0.0, $0.1, in: 1...10_000) }
        evidence.authorCount = at(.authorCount).flatMap { whole($0.0, $0.1, in: 1...10_000) }
        if let position = evidence.authorPosition, let count = evidence.authorCount, position > count {
            report(values[.authorPosition], "\(path).authorPosition", "is \(position), more than authorCount \(count)")
        }
        if let start = evidence.startDate, let end = evidence.endDate, start > end {
            report(values[.endDate], "\(path).endDate", "\(end) is before startDate \(start)")
        }
        evidence.fingerprint = evidence.listedFingerprint
        return problems.count == before ? evidence : nil
    }

    // MARK: Scalars

    private mutating func string(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, path, "must be a single value, not a list or mapping")
            return nil
        }
        return scalar.string
    }

    private mutating func whole(_ node: Node, _ path: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, path) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(node, path, "must be a whole number from \(range.lowerBound) to \(range.upperBound) (got \"\(text)\")")
            return nil
        }
        return value
    }

    /// Hours and credits: exact, not negative, at most two decimals (so half-unit rates stay exact).
    private mutating func hours(_ node: Node, _ path: String) -> Hours? {
        guard let text = string(node, path) else { return nil }
        guard let value = Hours(text), value.thousandths % 10 == 0 else {
            report(node, path, "must be a number such as 16 or 1.5, with at most two decimals (got \"\(text)\")")
            return nil
        }
        guard !value.isNegative else {
            report(node, path, "must not be negative (got \(text))")
            return nil
        }
        guard value.thousandths <= 100_000_000 else {
            report(node, path, "is implausibly large (got \(text))")
            return nil
        }
        return value
    }

    private mutating func date(_ node: Node, _ path: String) -> CalendarDate? {
        guard let text = string(node, path) else { return nil }
        if let date = CalendarDate(text) { return date }
        let parts = text.split(separator: "-")
        let shaped = parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
        report(node, path, shaped ? "\(text) is not a date that exists" : "must be a date written YYYY-MM-DD (got \"\(text)\")")
        return nil
    }

    private mutating func boolean(_ node: Node, _ path: String) -> Bool? {
        guard let text = string(node, path) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(node, path, "must be true or false (got \"\(text)\")")
            return nil
        }
    }

    private mutating func languageCode(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        let code = text.lowercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            report(node, path, "must be a two-letter ISO 639-1 code such as kk, ru, en or de (got \"\(text)\")")
            return nil
        }
        return code
    }

    private mutating func significance(_ node: Node, _ path: String) -> Significance? {
        guard let text = string(node, path) else { return nil }
        if let value = Significance(word: text) { return value }
        report(node, path, "must be regional, city, republican (national) or international (foreign) (got \"\(text)\")")
        return nil
    }

    private mutating func enumeration<Value: RawRepresentable & CaseIterable>(
        _ node: Node, _ path: String, _: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let text = string(node, path) else { return nil }
        if let value = Value(rawValue: text) ?? Value.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
            return value
        }
        let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
        report(node, path, "must be one of \(allowed) (got \"\(text)\")")
        return nil
    }
}
