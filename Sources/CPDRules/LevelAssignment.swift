/// Chapter 3 of the rules (paragraphs 12 to 19, Appendices 4 and 5): whether a worker may be
/// assigned or confirmed a qualification level, condition by condition. Each condition says met,
/// not met or cannot tell, the paragraph it rests on and where each fact was read (a register
/// field or a document), so that the accredited organisation sees what the decision stands on.
///
/// Nothing here reads a file: the caller gathers the register's fields, the documents' facts, the
/// worker's CPD assessment and the ranking list, and this decides.
public struct LevelAssignment: Sendable, Hashable {
    /// Where a fact was read.
    public struct Source: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A field of the professional register (`sqfLevel`, `education[2]`).
            case register
            /// A document of the worker's evidence (its file name, and page when known).
            case document
            /// The worker's CPD assessment.
            case assessment
            /// The ranking list the user supplied (paragraph 15).
            case rankingList = "ranking-list"
        }

        public let kind: Kind
        public let reference: String

        public init(_ kind: Kind, _ reference: String) {
            self.kind = kind
            self.reference = reference
        }

        public var description: String { "\(kind.rawValue): \(reference)" }
    }

    /// An education document of the register (paragraph 12, item 1).
    public struct EducationDocument: Sendable, Hashable {
        /// The row of Appendices 4 and 5 the document belongs to; nil when the register does not say.
        public var track: EducationTrack?
        public var specialty: String?
        public var issuedOn: CalendarDate?
        public var institution: String?
        /// Paragraph 15: where the document was issued.
        public var origin: Origin
        public var source: Source

        public init(track: EducationTrack?, specialty: String? = nil, issuedOn: CalendarDate? = nil, institution: String? = nil, origin: Origin = .domestic, source: Source) {
            self.track = track
            self.specialty = specialty
            self.issuedOn = issuedOn
            self.institution = institution
            self.origin = origin
            self.source = source
        }

        public enum Origin: Sendable, Hashable {
            case domestic
            /// Issued abroad; `ranking` is the institution's line of the user's ranking list, nil
            /// when the list does not name it or no list was given.
            case foreign(ranking: UniversityRanking?)
        }
    }

    /// An institution's positions in the three rankings paragraph 15 names; nil where it is not ranked.
    public struct UniversityRanking: Sendable, Hashable, Codable {
        public var qs: Int?
        public var arwu: Int?
        public var the: Int?
        public var source: Source

        public init(qs: Int?, arwu: Int?, the: Int?, source: Source) {
            self.qs = qs
            self.arwu = arwu
            self.the = the
            self.source = source
        }

        /// Paragraph 15: among the first 250 positions of two or more of QS, ARWU and THE.
        public var isRecognizedOnOriginal: Bool {
            [qs, arwu, the].count { $0.map { (1...250).contains($0) } ?? false } >= 2
        }
    }

    /// The certificate of a qualification category (the system before levels): paragraph 12's last
    /// sentence and paragraph 19's second paragraph turn it into the equivalent level.
    public struct CategoryCertificate: Sendable, Hashable {
        public enum Validity: Sendable, Hashable {
            case expires(CalendarDate)
            case indefinite
        }

        public var category: QualificationCategory
        public var validity: Validity?
        public var source: Source

        public init(category: QualificationCategory, validity: Validity?, source: Source) {
            self.category = category
            self.validity = validity
            self.source = source
        }
    }

    /// One row of the labour activity table.
    public struct EmploymentPeriod: Sendable, Hashable {
        public var hired: CalendarDate
        /// The last working day; nil while employed.
        public var dismissed: CalendarDate?
        /// The specialty worked in; nil when the register does not say.
        public var specialty: String?
        public var source: Source

        public init(hired: CalendarDate, dismissed: CalendarDate?, specialty: String?, source: Source) {
            self.hired = hired
            self.dismissed = dismissed
            self.specialty = specialty
            self.source = source
        }
    }

    /// The documents of chapter 3 the worker submits, as a finding names them.
    public enum DocumentKind: String, CaseIterable, Sendable, Codable {
        /// The certificate of the assessment of professional preparedness (paragraph 12, item 2).
        case assessmentCertificate = "assessment-certificate"
        /// The report on the work functions performed (paragraph 12, item 3).
        case workFunctionsReport = "work-functions-report"
    }

    /// Whose a document is, as its printed name says.
    public enum Holder: Sendable, Hashable {
        case worker
        /// Issued to someone else: it cannot stand for the worker.
        case someoneElse(String)
        /// The name is missing or may not be the worker's: a person checks what the finding says.
        case uncertain(Finding)
    }

    /// The result of the assessment of professional preparedness (paragraphs 12, item 2, and 16),
    /// as its certificate states it.
    public struct AssessmentResult: Sendable, Hashable {
        public var date: CalendarDate?
        /// True for a positive result ("сдал", "passed"), false for a negative one, nil when unread.
        public var passed: Bool?
        /// The level the result is for, when the certificate names it.
        public var level: QualificationLevel?
        public var holder: Holder
        public var source: Source

        public init(date: CalendarDate?, passed: Bool?, level: QualificationLevel?, holder: Holder = .worker, source: Source) {
            self.date = date
            self.passed = passed
            self.level = level
            self.holder = holder
            self.source = source
        }
    }

    /// A report on the work functions performed (paragraph 12, item 3).
    public struct WorkFunctionsReport: Sendable, Hashable {
        public enum Issuer: String, Sendable, Hashable, Codable, CaseIterable {
            /// The report of the electronic service registry.
            case electronicRegistry = "electronic-registry"
            /// A report on professional activity signed by the head of the structural unit.
            case headOfUnit = "head-of-unit"
        }

        public var date: CalendarDate?
        public var issuer: Issuer?
        /// The level the work functions are said to correspond to, when the report names it.
        public var level: QualificationLevel?
        public var holder: Holder
        public var source: Source

        public init(date: CalendarDate?, issuer: Issuer?, level: QualificationLevel?, holder: Holder = .worker, source: Source) {
            self.date = date
            self.issuer = issuer
            self.level = level
            self.holder = holder
            self.source = source
        }
    }

    /// What the decision is made on.
    public struct Application: Sendable {
        public var target: QualificationLevel
        public var date: CalendarDate
        public var currentLevel: (level: QualificationLevel, source: Source)?
        public var currentLevelObtainedOn: (date: CalendarDate, source: Source)?
        /// The worker's declared specialty, against which experience and nursing are judged.
        public var specialty: (name: String, source: Source)?
        public var categoryCertificate: CategoryCertificate?
        public var education: [EducationDocument] = []
        public var employment: [EmploymentPeriod] = []
        /// Whether the employment table comes from the register at all (an empty table then means
        /// no employment, not an unknown one).
        public var employmentSource: Source?
        public var assessmentResults: [AssessmentResult] = []
        public var workFunctionsReports: [WorkFunctionsReport] = []
        /// The worker's CPD, assessed for the target level's category column of Appendix 3.
        public var cpd: ConfirmedCPD?
        /// Whether the user supplied a ranking list for paragraph 15.
        public var rankingListGiven = false
        /// Whether the worker's documents were read at all: without them, a missing certificate or
        /// report is unknown, not absent.
        public var documentsRead = true

        public init(target: QualificationLevel, date: CalendarDate) {
            self.target = target
            self.date = date
        }
    }

    public enum Status: String, Sendable, Hashable, Codable, Comparable {
        case met
        case cannotTell = "cannot-tell"
        case notMet = "not-met"

        public static func < (lhs: Self, rhs: Self) -> Bool {
            [Status.met, .cannotTell, .notMet].firstIndex(of: lhs)! < [Status.met, .cannotTell, .notMet].firstIndex(of: rhs)!
        }
    }

    /// The conditions of chapter 3, in the order of paragraph 12 and then 19.
    public enum ConditionKind: String, Sendable, Hashable, Codable, CaseIterable {
        case education
        case assessmentResult = "assessment-result"
        case workFunctions = "work-functions"
        case cpd
        case sequence
        case experience
    }

    /// A place in the rules a decision rests on.
    public enum Reference: Sendable, Hashable, CustomStringConvertible {
        public enum Part: String, Sendable, Hashable {
            case lastSentence = "last sentence"
            case lastParagraph = "last paragraph"
        }

        case paragraph(Int, item: Int? = nil, Part? = nil)
        case appendix(Int)

        static func paragraph(_ number: Int, _ part: Part) -> Reference { .paragraph(number, item: nil, part) }

        /// "paragraph 12, item 1", "paragraph 19, last paragraph", "Appendix 5".
        public var description: String {
            switch self {
            case .paragraph(let number, let item, let part):
                (["paragraph \(number)"] + [item.map { "item \($0)" }, part?.rawValue].compactMap { $0 }).joined(separator: ", ")
            case .appendix(let number): "Appendix \(number)"
            }
        }
    }

    public struct Condition: Sendable, Hashable {
        public let kind: ConditionKind
        public let status: Status
        /// The paragraphs and appendices the decision rests on.
        public let references: [Reference]
        /// The references as one line: "paragraph 12, item 1; Appendix 5".
        public var basis: String { references.map(\.description).joined(separator: "; ") }
        /// Why, as findings a person can check: a code with its facts, worded in each language
        /// by the message catalogue. One, or one for each document the status rests on.
        public let reasons: [Finding]
        public let sources: [Source]
        /// True when the condition is met because the rules waive it for this worker.
        public let waived: Bool

        init(_ kind: ConditionKind, _ status: Status, basis: [Reference], _ reasons: [Finding], sources: [Source] = [], waived: Bool = false) {
            self.kind = kind
            self.status = status
            self.references = basis
            self.reasons = reasons
            self.sources = sources
            self.waived = waived
        }

        init(_ kind: ConditionKind, _ status: Status, basis: [Reference], _ reason: Finding, sources: [Source] = [], waived: Bool = false) {
            self.init(kind, status, basis: basis, [reason], sources: sources, waived: waived)
        }
    }

    /// How the target level is reached.
    public enum Route: String, Sendable, Hashable, Codable {
        /// Paragraph 17, Appendix 4: a graduate's initial level.
        case initialLevel = "initial-level"
        /// Paragraph 19, Appendix 5: one step above the current level in the same track.
        case nextLevel = "next-level"
        /// Paragraph 12's last sentence, or paragraph 19's second paragraph: the level equivalent
        /// to the category the worker holds.
        case categoryEquivalent = "category-equivalent"
        /// Paragraph 19's last paragraph: a nurse with new post-secondary or higher nursing
        /// education keeps the equivalent level in the new track.
        case nursingEducation = "nursing-education"
    }

    public let target: QualificationLevel
    public let date: CalendarDate
    public let route: Route
    public let conditions: [Condition]

    /// Met when every condition is; not met when any is not; otherwise a person must decide.
    public var status: Status { conditions.map(\.status).max() ?? .met }

    public func condition(_ kind: ConditionKind) -> Condition? { conditions.first { $0.kind == kind } }

    public init(_ application: Application) {
        target = application.target
        date = application.date
        route = Self.route(application)
        let decide = Decider(application: application, route: route)
        conditions = [decide.education(), decide.assessmentResult(), decide.workFunctions(), decide.cpd(), decide.sequence(), decide.experience()]
    }

    /// The route is chosen from what the register says: the target's track and step, the current
    /// level, the category certificate, the specialty.
    static func route(_ application: Application) -> Route {
        let target = application.target
        if target.isInitial { return .initialLevel }
        if let current = application.currentLevel?.level {
            if current.track == target.track { return .nextLevel }
            if NursingSpecialty.matches(application.specialty?.name), Decider.nursingTracks(from: current.track).contains(target.track),
                current.step == target.step
            {
                return .nursingEducation
            }
        }
        if let certificate = application.categoryCertificate, certificate.category == target.category,
            application.currentLevel.map({ $0.level.track == target.track ? $0.level.step < target.step : true }) ?? true
        {
            return .categoryEquivalent
        }
        return .nextLevel
    }
}

/// Confirmed CPD (paragraph 12, item 4): an assessment of the worker's evidence, or one the
/// register recorded, with the Appendix 3 column it was assessed for.
public struct ConfirmedCPD: Sendable, Hashable {
    public let confirmationDate: CalendarDate
    public let category: QualificationCategory
    public let totals: Totals
    public let meetsAppendix3: Bool
    /// The minimums missed, when the assessment says which.
    public let shortfalls: [ThresholdCheck]
    public let source: LevelAssignment.Source

    public init(_ assessment: Assessment, source: LevelAssignment.Source? = nil) {
        confirmationDate = assessment.confirmationDate
        category = assessment.targetCategory
        totals = assessment.totals
        meetsAppendix3 = assessment.meetsCPDRequirements
        shortfalls = assessment.requirementsCheck?.checks.filter { !$0.isMet } ?? []
        self.source = source ?? LevelAssignment.Source(.assessment, "the documents assessed on \(assessment.confirmationDate) for the \(assessment.targetCategory.rawValue) category")
    }

    /// A confirmation the register keeps: its totals and whether Appendix 3 was met.
    public init(confirmationDate: CalendarDate, category: QualificationCategory, totals: Totals, meetsAppendix3: Bool, source: LevelAssignment.Source) {
        self.confirmationDate = confirmationDate
        self.category = category
        self.totals = totals
        self.meetsAppendix3 = meetsAppendix3
        shortfalls = []
        self.source = source
    }
}

/// The words a specialty named "Nursing" is written with (paragraph 19's last paragraph):
/// «Сестринское дело», «Мейіргер ісі», "Nursing".
public enum NursingSpecialty {
    static let stems = ["сестрин", "мейірге", "мейірбике", "nursing"]

    public static func matches(_ specialty: String?) -> Bool {
        guard let specialty = specialty?.lowercased() else { return false }
        return stems.contains { specialty.contains($0) }
    }
}

/// The six decisions, each on its own.
private struct Decider {
    let application: Application
    let route: LevelAssignment.Route

    typealias Application = LevelAssignment.Application
    typealias Condition = LevelAssignment.Condition
    typealias Reference = LevelAssignment.Reference
    typealias Source = LevelAssignment.Source

    var target: QualificationLevel { application.target }
    var date: CalendarDate { application.date }

    /// Paragraph 12's last sentence: a category certificate that expired after 1 January 2021.
    static let categoryTransitionDay = CalendarDate(year: 2021, month: 1, day: 1)!

    /// Paragraph 19's last paragraph moves a nurse from technical and vocational education to
    /// post-secondary or higher, and from post-secondary to higher.
    static func nursingTracks(from track: EducationTrack) -> [EducationTrack] {
        switch track {
        case .technicalVocational: [.postSecondary, .higher]
        case .postSecondary: [.higher]
        default: []
        }
    }

    // MARK: 12.1 education

    func education() -> Condition {
        let basis: [Reference] = target.isInitial ? [.paragraph(12, item: 1), .paragraph(17), .appendix(4)] : [.paragraph(12, item: 1), .appendix(5)]
        let dated = application.education.filter { $0.issuedOn.map { $0 <= date } ?? true }
        let matching = dated.filter { $0.track == target.track }
        let nursing = route == .nursingEducation
        let candidates = nursing ? matching.filter { NursingSpecialty.matches($0.specialty) } : matching
        let untracked = dated.filter { $0.track == nil }
        let track: [String: FindingValue] = ["track": .track(target.track)]

        var best: (status: LevelAssignment.Status, reason: Finding, sources: [Source], foreign: Bool)?
        for document in candidates {
            let (status, reason, sources) = recognition(of: document)
            let foreign = if case .foreign = document.origin { true } else { false }
            if best == nil || status < best!.status { best = (status, reason, sources, foreign) }
            if status == .met { break }
        }
        if let best {
            return Condition(.education, best.status, basis: basis + (best.foreign ? [.paragraph(15)] : []),
                             [best.reason] + (nursing ? [Finding(.levelEducationNursing)] : []), sources: best.sources)
        }
        if nursing && !matching.isEmpty {
            return Condition(.education, .notMet, basis: basis + [.paragraph(19)], Finding(.levelEducationNotNursing, track), sources: matching.map(\.source))
        }
        if !untracked.isEmpty {
            return Condition(.education, .cannotTell, basis: basis,
                             Finding(.levelEducationUnmarked, track.merging(["count": .number(untracked.count)]) { a, _ in a }), sources: untracked.map(\.source))
        }
        if application.education.isEmpty {
            return Condition(.education, .cannotTell, basis: basis, Finding(.levelEducationNone))
        }
        return Condition(.education, .notMet, basis: basis,
                         Finding(.levelEducationOtherTrack, track.merging(["held": .tracks(dated.compactMap(\.track))]) { a, _ in a }),
                         sources: application.education.map(\.source))
    }

    /// A document of the right track, judged for paragraph 15 when it was issued abroad.
    private func recognition(of document: LevelAssignment.EducationDocument) -> (LevelAssignment.Status, Finding, [Source]) {
        var what: [String: FindingValue] = ["track": .track(document.track!)]
        if let institution = document.institution { what["institution"] = .text(institution) }
        if let issued = document.issuedOn { what["issuedOn"] = .date(issued) }
        switch document.origin {
        case .domestic:
            return (.met, Finding(.levelEducation, what), [document.source])
        case .foreign(let ranking?):
            for (name, position) in [("qs", ranking.qs), ("arwu", ranking.arwu), ("the", ranking.the)] {
                if let position { what[name] = .number(position) }
            }
            if ranking.isRecognizedOnOriginal {
                return (.met, Finding(.levelEducationForeignRanked, what), [document.source, ranking.source])
            }
            return (.cannotTell, Finding(.levelEducationForeignUnranked, what), [document.source, ranking.source])
        case .foreign(nil):
            return (.cannotTell, Finding(application.rankingListGiven ? .levelEducationForeignNotListed : .levelEducationForeignNoList, what), [document.source])
        }
    }

    // MARK: 12.2 assessment of professional preparedness

    func assessmentResult() -> Condition {
        let basis: [Reference] = [.paragraph(12, item: 2), .paragraph(16)]
        if route == .nursingEducation {
            return Condition(.assessmentResult, .met, basis: basis + [.paragraph(19)], Finding(.levelKeptByNurse),
                             sources: application.specialty.map { [$0.source] } ?? [], waived: true)
        }
        if let certificate = application.categoryCertificate, certificate.category == target.category, target.category != .none {
            switch certificate.validity {
            case .indefinite?:
                return Condition(.assessmentResult, .met, basis: basis + [.paragraph(19)],
                                 Finding(.levelAssessmentIndefiniteCategory, ["category": .category(certificate.category)]),
                                 sources: [certificate.source], waived: true)
            case .expires(let day) where day > Self.categoryTransitionDay:
                return Condition(.assessmentResult, .met, basis: basis + [.paragraph(12, .lastSentence)],
                                 Finding(.levelAssessmentCategoryInForce, ["category": .category(certificate.category), "expires": .date(day)]),
                                 sources: [certificate.source], waived: true)
            default: break
            }
        }
        let results = application.assessmentResults
        guard !results.isEmpty else {
            guard application.documentsRead else {
                return Condition(.assessmentResult, .cannotTell, basis: basis, Finding(.levelDocumentsNotRead, ["document": .levelDocument(.assessmentCertificate)]))
            }
            return Condition(.assessmentResult, .notMet, basis: basis, Finding(.levelAssessmentMissing))
        }
        var findings: [(LevelAssignment.Status, Finding, Source)] = []
        for result in results {
            if case .someoneElse(let name) = result.holder {
                findings.append((.notMet, Finding(.levelIssuedToSomeoneElse, ["holder": .text(name)]), result.source))
            } else if let day = result.date, day > date {
                findings.append((.notMet, dated(day), result.source))
            } else if result.passed == false {
                findings.append((.notMet, Finding(.levelAssessmentNegative), result.source))
            } else if let level = result.level, level != target {
                findings.append((.notMet, otherLevel(level), result.source))
            } else if case .uncertain(let finding) = result.holder {
                findings.append((.cannotTell, finding, result.source))
            } else if result.passed == nil {
                findings.append((.cannotTell, Finding(.levelAssessmentUnread), result.source))
            } else if result.level == nil {
                findings.append((.cannotTell, Finding(.levelAssessmentLevelUnnamed), result.source))
            } else if result.date == nil {
                findings.append((.cannotTell, Finding(.levelUndated, ["target": .level(target)]), result.source))
            } else {
                findings.append((.met, Finding(.levelAssessmentPassed, ["target": .level(target), "date": .date(result.date!)]), result.source))
            }
        }
        let best = findings.min { $0.0 < $1.0 }!
        let chosen = findings.filter { $0.0 == best.0 }
        return Condition(.assessmentResult, best.0, basis: basis, chosen.map(\.1), sources: chosen.map(\.2))
    }

    func dated(_ day: CalendarDate) -> Finding { Finding(.levelDatedAfter, ["dated": .date(day), "date": .date(date)]) }

    func otherLevel(_ level: QualificationLevel) -> Finding { Finding(.levelOtherLevel, ["level": .level(level), "target": .level(target)]) }

    // MARK: 12.3 work functions

    func workFunctions() -> Condition {
        let basis: [Reference] = [.paragraph(12, item: 3)]
        if target.isInitial {
            return Condition(.workFunctions, .met, basis: basis + [.paragraph(17)], Finding(.levelInitialNotAsked), waived: true)
        }
        if route == .nursingEducation {
            return Condition(.workFunctions, .met, basis: basis + [.paragraph(19)], Finding(.levelKeptByNurse), waived: true)
        }
        let reports = application.workFunctionsReports
        guard !reports.isEmpty else {
            guard application.documentsRead else {
                return Condition(.workFunctions, .cannotTell, basis: basis, Finding(.levelDocumentsNotRead, ["document": .levelDocument(.workFunctionsReport)]))
            }
            return Condition(.workFunctions, .notMet, basis: basis, Finding(.levelWorkFunctionsMissing))
        }
        var findings: [(LevelAssignment.Status, Finding, Source)] = []
        for report in reports {
            if case .someoneElse(let name) = report.holder {
                findings.append((.notMet, Finding(.levelIssuedToSomeoneElse, ["holder": .text(name)]), report.source))
            } else if let day = report.date, day > date {
                findings.append((.notMet, dated(day), report.source))
            } else if let level = report.level, level != target {
                findings.append((.notMet, otherLevel(level), report.source))
            } else if case .uncertain(let finding) = report.holder {
                findings.append((.cannotTell, finding, report.source))
            } else if report.issuer == nil {
                findings.append((.cannotTell, Finding(.levelWorkFunctionsIssuerUnknown), report.source))
            } else if report.level == nil {
                findings.append((.cannotTell, Finding(.levelWorkFunctionsLevelUnnamed, ["target": .level(target)]), report.source))
            } else if report.date == nil {
                findings.append((.cannotTell, Finding(.levelUndated, ["target": .level(target)]), report.source))
            } else {
                let code: FindingCode = report.issuer == .electronicRegistry ? .levelWorkFunctionsRegistry : .levelWorkFunctionsHeadOfUnit
                findings.append((.met, Finding(code, ["target": .level(target), "date": .date(report.date!)]), report.source))
            }
        }
        let best = findings.min { $0.0 < $1.0 }!
        let chosen = findings.filter { $0.0 == best.0 }
        return Condition(.workFunctions, best.0, basis: basis, chosen.map(\.1), sources: chosen.map(\.2))
    }

    // MARK: 12.4 confirmed CPD

    static let shortfallCodes: [ThresholdCheck.Measure: FindingCode] = [
        .total: .levelCPDShortTotal, .additionalEducation: .levelCPDShortAdditionalEducation, .nonFormalAndCompetences: .levelCPDShortNonFormal,
    ]

    /// Credit units as a finding's exact amount.
    static func amount(_ units: CreditUnits) -> FindingValue { .amount(Hours(thousandths: units.thousandths)) }

    func cpd() -> Condition {
        let basis: [Reference] = [.paragraph(12, item: 4), .paragraph(13), .paragraph(14), .appendix(3)]
        let category = target.category
        if target.isInitial {
            return Condition(.cpd, .met, basis: [.paragraph(17), .appendix(3)], Finding(.levelInitialNotAsked), waived: true)
        }
        if route == .nursingEducation {
            return Condition(.cpd, .met, basis: [.paragraph(19)], Finding(.levelKeptByNurse), waived: true)
        }
        guard let confirmed = application.cpd else {
            return Condition(.cpd, .cannotTell, basis: basis, Finding(.levelCPDNotAssessed))
        }
        let source = confirmed.source
        guard confirmed.category == category else {
            return Condition(.cpd, .cannotTell, basis: basis,
                             Finding(.levelCPDOtherCategory, ["assessed": .category(confirmed.category), "target": .level(target), "column": .category(category)]),
                             sources: [source])
        }
        let window = ConfirmationWindow(confirmationDate: date)
        guard window.contains(confirmed.confirmationDate) else {
            return Condition(.cpd, .cannotTell, basis: basis,
                             Finding(.levelCPDOutsideWindow, ["confirmed": .date(confirmed.confirmationDate), "windowStart": .date(window.start(ofLast: 5)), "windowEnd": .date(date)]),
                             sources: [source])
        }
        let totals = confirmed.totals
        let amounts: [String: FindingValue] = [
            "total": Self.amount(totals.total), "additionalEducation": Self.amount(totals.additionalEducation),
            "nonFormal": Self.amount(totals.nonFormalAndCompetences), "column": .category(category),
        ]
        if totals.total < 210 {
            return Condition(.cpd, .notMet, basis: basis, Finding(.levelCPDBelow210, amounts.filter { $0.key != "column" }), sources: [source])
        }
        guard confirmed.meetsAppendix3 else {
            let shortfalls = confirmed.shortfalls.map { Finding(Self.shortfallCodes[$0.measure]!, ["shortfall": Self.amount($0.shortfall), "required": Self.amount($0.required)]) }
            return Condition(.cpd, .notMet, basis: basis, [Finding(.levelCPDColumnNotMet, amounts)] + shortfalls, sources: [source])
        }
        return Condition(.cpd, .met, basis: basis, Finding(.levelCPDMet, amounts), sources: [source])
    }

    // MARK: paragraph 19, Appendices 4 and 5: the sequence

    func sequence() -> Condition {
        let current = application.currentLevel
        switch route {
        case .initialLevel:
            let basis: [Reference] = [.paragraph(17), .appendix(4)]
            if let current, current.level.track == target.track {
                return Condition(.sequence, .notMet, basis: basis, Finding(.levelSequenceInitialHeld, ["current": .level(current.level)]), sources: [current.source])
            }
            return Condition(.sequence, .met, basis: basis, Finding(.levelSequenceInitial, ["target": .level(target), "track": .track(target.track)]),
                             sources: current.map { [$0.source] } ?? [])
        case .nursingEducation:
            let current = current!
            return Condition(.sequence, .met, basis: [.paragraph(19, .lastParagraph)],
                             Finding(.levelSequenceNursing, [
                                 "current": .level(current.level), "category": .category(current.level.category), "track": .track(target.track), "target": .level(target),
                             ]),
                             sources: [current.source] + (application.specialty.map { [$0.source] } ?? []))
        case .categoryEquivalent:
            let certificate = application.categoryCertificate!
            let basis: [Reference] = [.paragraph(12, .lastSentence), .paragraph(19)]
            let equivalent: [String: FindingValue] = ["target": .level(target), "category": .category(certificate.category)]
            switch certificate.validity {
            case .indefinite?:
                return Condition(.sequence, .met, basis: basis, Finding(.levelSequenceIndefiniteCategory, equivalent), sources: [certificate.source])
            case .expires(let day) where day > Self.categoryTransitionDay:
                return Condition(.sequence, .met, basis: basis,
                                 Finding(.levelSequenceCategoryInForce, equivalent.merging(["expires": .date(day)]) { a, _ in a }), sources: [certificate.source])
            case .expires(let day):
                return Condition(.sequence, .notMet, basis: basis,
                                 Finding(.levelSequenceCategoryExpired, ["category": .category(certificate.category), "expired": .date(day)]), sources: [certificate.source])
            case nil:
                return Condition(.sequence, .cannotTell, basis: basis, Finding(.levelSequenceCategoryValidityUnknown, equivalent), sources: [certificate.source])
            }
        case .nextLevel:
            let basis: [Reference] = [.paragraph(19), .appendix(5)]
            guard let current else {
                return Condition(.sequence, .cannotTell, basis: basis, Finding(.levelSequenceNoCurrent, ["target": .level(target)]))
            }
            guard let next = current.level.next else {
                return Condition(.sequence, .notMet, basis: basis, Finding(.levelSequenceTop, ["current": .level(current.level)]), sources: [current.source])
            }
            guard next == target else {
                let steps: [String: FindingValue] = ["current": .level(current.level), "next": .level(next)]
                let finding = current.level.track == target.track
                    ? Finding(.levelSequenceNotNext, steps) : Finding(.levelSequenceOtherTrack, steps.merging(["target": .level(target)]) { a, _ in a })
                return Condition(.sequence, .notMet, basis: basis, finding, sources: [current.source])
            }
            return Condition(.sequence, .met, basis: basis,
                             Finding(.levelSequenceNext, ["target": .level(target), "current": .level(current.level), "track": .track(target.track)]),
                             sources: [current.source])
        }
    }

    // MARK: Appendix 5: continuous experience since the previous level

    func experience() -> Condition {
        let basis: [Reference] = [.paragraph(19), .appendix(5)]
        switch route {
        case .initialLevel:
            return Condition(.experience, .met, basis: [.paragraph(17), .appendix(4)], Finding(.levelInitialNotAsked), waived: true)
        case .nursingEducation:
            return Condition(.experience, .met, basis: [.paragraph(19, .lastParagraph)], Finding(.levelKeptByNurse), waived: true)
        case .categoryEquivalent:
            return Condition(.experience, .met, basis: [.paragraph(12, .lastSentence), .paragraph(19)], Finding(.levelExperienceCategoryEquivalent), waived: true)
        case .nextLevel:
            break
        }
        guard let required = target.minimumYearsSincePreviousLevel else {
            return Condition(.experience, .met, basis: basis, Finding(.levelExperienceNoneAsked, ["target": .level(target)]), waived: true)
        }
        guard let obtained = application.currentLevelObtainedOn else {
            return Condition(.experience, .cannotTell, basis: basis, Finding(.levelExperienceObtainedUnknown, ["required": .number(required)]))
        }
        let asked: [String: FindingValue] = ["required": .number(required), "since": .date(obtained.date)]
        guard let employmentSource = application.employmentSource, !application.employment.isEmpty else {
            return Condition(.experience, .cannotTell, basis: basis, Finding(.levelExperienceNoLabour, asked), sources: [obtained.source])
        }
        let specialty = application.specialty?.name
        func inSpecialty(_ period: LevelAssignment.EmploymentPeriod) -> Bool? {
            guard let specialty, let worked = period.specialty else { return nil }
            return Self.sameSpecialty(specialty, worked)
        }
        let strict = Self.longestRun(application.employment.filter { inSpecialty($0) == true }, from: obtained.date, to: date)
        let generous = Self.longestRun(application.employment.filter { inSpecialty($0) != false }, from: obtained.date, to: date)
        let sources = [obtained.source, employmentSource] + (application.specialty.map { [$0.source] } ?? [])
        func run(_ run: (start: CalendarDate, end: CalendarDate, years: Int)) -> [String: FindingValue] {
            asked.merging(["years": .number(run.years), "start": .date(run.start), "end": .date(run.end)]) { a, _ in a }
        }
        if let strict, strict.years >= required {
            return Condition(.experience, .met, basis: basis, Finding(.levelExperienceMet, run(strict)), sources: sources)
        }
        guard let generous, generous.years >= required else {
            let finding = generous.map {
                Finding(.levelExperienceShort, run($0).merging(["eligible": .date(obtained.date.adding(years: required))]) { a, _ in a })
            } ?? Finding(.levelExperienceNoWork, asked)
            return Condition(.experience, .notMet, basis: basis, finding, sources: sources)
        }
        return Condition(.experience, .cannotTell, basis: basis,
                         Finding(specialty == nil ? .levelExperienceSpecialtyUnknown : .levelExperienceRowSpecialtyUnknown, run(generous)), sources: sources)
    }

    /// The longest stretch without a day off the table, inside [`from`, `to`): a period runs from
    /// its hiring to the day after its last working day (or `to` while employed), and a period
    /// that starts on or before the day the previous one ends continues it. A day between two
    /// periods breaks the experience: the rules ask for continuous work.
    static func longestRun(_ periods: [LevelAssignment.EmploymentPeriod], from: CalendarDate, to: CalendarDate) -> (start: CalendarDate, end: CalendarDate, years: Int)? {
        let spans = periods.compactMap { period -> (CalendarDate, CalendarDate)? in
            let start = max(period.hired, from)
            let end = min(period.dismissed.map { $0.adding(days: 1) } ?? to, to)
            return start < end ? (start, end) : nil
        }.sorted { $0.0 < $1.0 }
        var runs: [(CalendarDate, CalendarDate)] = []
        for span in spans {
            if let last = runs.last, span.0 <= last.1 {
                runs[runs.count - 1].1 = max(last.1, span.1)
            } else {
                runs.append(span)
            }
        }
        return runs.map { (start: $0.0, end: $0.1, years: $0.0.wholeYears(until: $0.1)) }
            .max { ($0.years, $1.start) < ($1.years, $0.start) }
    }

    static func sameSpecialty(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> String { text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ") }
        return key(a) == key(b)
    }
}
