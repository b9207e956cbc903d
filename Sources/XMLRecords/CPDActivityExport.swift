import CPDRules

/// A worker's activities exported as XML (namespace `urn:kz:cpd:activities:1`, described in
/// README.md): the facts of a YAML activity file, checked against `cpd-activities-1.xsd`.
public struct CPDActivityExport: Sendable {
    /// An activity and the line its element starts on, so output can point back at the file.
    public struct Entry: Sendable, Hashable {
        public let line: Int
        public let evidence: Evidence
    }

    public var workerIIN: String?
    public var workerName: String?
    public var confirmationDate: CalendarDate?
    public var targetCategory: QualificationCategory?
    public var activities: [Entry]
}

/// Maps a `cpdActivities` document that its schema accepts; the checks the schema cannot express
/// (facts that contradict one another) are made here, every problem collected.
func activityExport(_ root: ParsedElement) throws(XMLRecordError.Reason) -> CPDActivityExport {
    try validateActivityExport(root)
    var problems: [String] = []
    let activities = root.children("activity").compactMap { element in
        evidence(element, problems: &problems).map { CPDActivityExport.Entry(line: element.line, evidence: $0) }
    }
    guard problems.isEmpty else { throw .inconsistentActivities(problems) }
    let worker = root.child("worker")
    return CPDActivityExport(
        workerIIN: worker?.attribute("iin"),
        workerName: worker?.attribute("fullName"),
        confirmationDate: root.attribute("asOf").flatMap { CalendarDate($0) },
        targetCategory: root.attribute("targetCategory").flatMap(QualificationCategory.init(rawValue:)),
        activities: activities)
}

/// One `activity` element as evidence. The schema has checked every value's form and range, so
/// each conversion here succeeds for a present attribute.
private func evidence(_ element: ParsedElement, problems: inout [String]) -> Evidence? {
    let before = problems.count
    func report(_ message: String) { problems.append("line \(element.line): \(message)") }
    func number(_ name: String) -> Int? { element.attribute(name).flatMap { Int($0) } }
    func date(_ name: String) -> CalendarDate? { element.attribute(name).flatMap { CalendarDate($0) } }
    func hours(_ name: String) -> Hours? { element.attribute(name).flatMap { Hours($0) } }
    func flag(_ name: String) -> Bool? { element.attribute(name).map { $0 == "true" || $0 == "1" } }

    let kind = element.attribute("kind").flatMap(ActivityKind.init(rawValue:))
    let quartile = element.attribute("quartile").flatMap(Quartile.init(rawValue:))
    let criterion: Int
    switch (number("criterion"), kind) {
    case (let stated?, let kind?):
        let expected = kind.possibleCriteria
        guard expected.contains(stated) else {
            report("criterion is \(stated), but a(n) \(kind.rawValue) is criterion \(expected.map(String.init).joined(separator: " or "))")
            return nil
        }
        criterion = stated
    case (let stated?, nil): criterion = stated
    case (nil, let kind?):
        guard let derived = kind.criterion(quartile: quartile, inRecommendedJournal: flag("recommendedJournal")) else {
            report("an article needs `criterion` (8, 9 or 10), `quartile` or `recommendedJournal`")
            return nil
        }
        criterion = derived
    case (nil, nil):
        report("an activity needs `kind` or `criterion`")
        return nil
    }

    var evidence = Evidence(criterion: criterion)
    evidence.activity = kind
    evidence.quartile = quartile
    evidence.title = element.attribute("title")
    evidence.documentNumber = element.attribute("documentNumber")
    evidence.language = element.attribute("language")
    evidence.hasNotarizedTranslation = flag("notarizedTranslation") ?? false
    evidence.startDate = date("startDate")
    evidence.endDate = date("endDate")
    evidence.issueDate = date("issueDate")
    evidence.publicationYear = number("year")
    evidence.hours = hours("hours")
    evidence.credits = hours("credits")
    evidence.weeks = number("weeks")
    evidence.days = number("days")
    evidence.reports = number("reports")
    evidence.testQuestions = number("testQuestions")
    evidence.clinicalScenarios = number("clinicalScenarios")
    evidence.significance = element.attribute("significance").flatMap(Significance.init(word:))
    evidence.role = element.attribute("role").flatMap(Role.init(rawValue:))
    evidence.publicationKind = element.attribute("publication").flatMap(PublicationKind.init(rawValue:))
    evidence.authorPosition = number("authorPosition")
    evidence.authorCount = number("authorCount")
    if let position = evidence.authorPosition, let count = evidence.authorCount, position > count {
        report("authorPosition is \(position), more than authorCount \(count)")
    }
    if let start = evidence.startDate, let end = evidence.endDate, start > end {
        report("endDate \(end) is before startDate \(start)")
    }
    evidence.fingerprint = evidence.listedFingerprint
    return problems.count == before ? evidence : nil
}
