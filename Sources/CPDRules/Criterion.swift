/// Credit units by level, for the rows of Appendix 1 that price an activity by its significance.
/// A nil rate means the row gives no credit at that level.
public struct LevelRates: Sendable, Hashable {
    public let regionalOrCity: CreditUnits?
    public let republican: CreditUnits?
    public let international: CreditUnits?

    public func rate(for significance: Significance) -> CreditUnits? {
        switch significance {
        case .regional, .city: regionalOrCity
        case .republican: republican
        case .international: international
        }
    }
}

/// How a criterion turns volume into credit units (column 4 of Appendix 1).
public enum UnitRule: Sendable, Hashable {
    /// Criteria 1, 3, 4: a rate per hour.
    case perHour(CreditUnits)
    /// Criterion 2: a rate per week by significance.
    case perWeek(LevelRates)
    /// Criterion 5: a rate per day of participation and per report, by significance.
    case conference(perDay: LevelRates, perReport: LevelRates)
    /// Criterion 6: one price for a monograph and another for guidelines.
    case publication(monograph: CreditUnits, guidelines: CreditUnits)
    /// Criterion 10: a price by journal quartile.
    case byQuartile([Quartile: CreditUnits])
    /// Criteria 11, 16, 17: one item priced by its level.
    case perItemByLevel(LevelRates)
    /// Criteria 13 and 14: a price for each year spent as a tutor.
    case perYearOfTutoring(CreditUnits)
    /// Criterion 20: one unit per so many test questions and per so many clinical scenarios.
    case examMaterial(testQuestionsPerUnit: Int, clinicalScenariosPerUnit: Int)
    /// Every other row: a fixed price per document.
    case perDocument(CreditUnits)
}

/// Which dates a criterion's document must fall in, relative to the confirmation date.
public enum WindowRule: Sendable, Hashable {
    /// Paragraph 6: the last 5 years before the confirmation date.
    case confirmationPeriod
    /// Criterion 18: within one year before the confirmation date.
    case lastYear
    /// Criteria 16 and 17: active at the confirmation date, and for at least this many years.
    case activeMembership(minimumYears: Int)
    /// Criteria 13 and 14: each year of tutoring that begins inside the confirmation period.
    case tutoringYears
}

/// One row of Appendix 1: what the law asks of a document and what it is worth.
public struct Criterion: Sendable, Hashable, Identifiable {
    public let number: Int
    public let chapter: Chapter
    /// Column 2, as the regulation names the criterion.
    public let name: String
    /// Column 3, the requirement a document must meet (paragraph 11 refuses it otherwise).
    public let requirement: String
    /// Column 4, the measuring unit as the regulation states it; where the row splits by
    /// significance, each level's unit follows its column-3 wording and a colon.
    public let unitText: String
    /// Column 5, the supporting document.
    public let supportingDocument: String
    public let unitRule: UnitRule
    public let window: WindowRule
    /// The last author position that earns credit: 1 for "first author or mono-authorship",
    /// 3 for "the first 3 authors"; nil where the row sets no limit.
    public let authorPositionLimit: Int?
    /// True where the evidence is the work itself (a book or an article) rather than a document
    /// issued to the worker; see `Interpretation.publicationsNeedTranslation`.
    public let isPublication: Bool

    public var id: Int { number }

    /// The row with this number, or nil outside 1...21.
    public static func number(_ number: Int) -> Criterion? {
        all.indices.contains(number - 1) ? all[number - 1] : nil
    }

    /// The 21 rows of Appendix 1 to order ҚР ДСМ-283/2020, in the regulation's words.
    public static let all: [Criterion] = [
        Criterion(
            number: 1, chapter: .additionalEducation,
            name: "Additional education (advanced training cycle)",
            requirement: "in accordance with the profile of the declared specialty; in accordance with the level of the educational program; indication of the number of hours or credits",
            unitText: "1 hour = 1 credit unit",
            supportingDocument: "a copy of the certificate of completion of advanced training",
            unitRule: .perHour(1), window: .confirmationPeriod),
        Criterion(
            number: 2, chapter: .nonFormalEducation,
            name: "Internship in the field of specialty",
            requirement: "of regional, city, republican significance; of international significance",
            unitText: "of regional, city, republican significance: 1 week = 10 credit units; of international significance: 1 week = 30 credit units",
            supportingDocument: "a copy of the report on the implementation of the individual internship plan, information on the knowledge, skills and abilities acquired during the internship, a review by the head of the structural unit of the healthcare specialist based on the results of the internship",
            unitRule: .perWeek(LevelRates(regionalOrCity: 10, republican: 10, international: 30)),
            window: .confirmationPeriod),
        Criterion(
            number: 3, chapter: .nonFormalEducation,
            name: "Participation in face-to-face training seminars, trainings, masterclasses",
            requirement: "in accordance with the profile of the declared specialty; indication of the number of hours or credits",
            unitText: "1 hour = 0,5 credit unit",
            supportingDocument: "a copy of the training certificate",
            unitRule: .perHour(CreditUnits(thousandths: 500)), window: .confirmationPeriod),
        Criterion(
            number: 4, chapter: .nonFormalEducation,
            name: "Participation in webinars, online courses, and other educational events conducted using distance learning technologies",
            requirement: "in accordance with the profile of the declared specialty; indication of the number of hours or credits",
            unitText: "1 hour = 0,5 credit unit",
            supportingDocument: "a copy of the training certificate",
            unitRule: .perHour(CreditUnits(thousandths: 500)), window: .confirmationPeriod),
        Criterion(
            number: 5, chapter: .additionalCompetences,
            name: "Participation in the work of a meeting, congress, conference",
            requirement: "of regional, city, significance; of republican significance; of international significance",
            unitText: "of regional, city, significance: 1 day = 5 credit units; report = 10 credit units; of republican significance: 1 day = 10 credit units; report = 50 credit units; of international significance: day = 40 credit units; report = 100 credit units",
            supportingDocument: "a document of the participant and/or conference program indicating the full name of the speaker, topic, venue, organizer, date",
            unitRule: .conference(
                perDay: LevelRates(regionalOrCity: 5, republican: 10, international: 40),
                perReport: LevelRates(regionalOrCity: 10, republican: 50, international: 100)),
            window: .confirmationPeriod),
        Criterion(
            number: 6, chapter: .additionalCompetences,
            name: "Publication of a monograph, guidelines, methodological recommendations",
            requirement: "in accordance with the profile of the claimed specialty; first author or mono-authorship",
            unitText: "1 monograph = 180 credit units; guidelines, methodological recommendations = 30 credit units",
            supportingDocument: "an electronic copy of a monograph, guidelines, methodological recommendations, first author",
            unitRule: .publication(monograph: 180, guidelines: 30), window: .confirmationPeriod,
            authorPositionLimit: 1, isPublication: true),
        Criterion(
            number: 7, chapter: .additionalCompetences,
            name: "Publication of a textbook (book)",
            requirement: "in accordance with the profile of the claimed specialty; first author or mono-authorship",
            unitText: "1 textbook (book) = 180 credit units",
            supportingDocument: "an electronic copy of a published textbook (book)",
            unitRule: .perDocument(180), window: .confirmationPeriod,
            authorPositionLimit: 1, isPublication: true),
        Criterion(
            number: 8, chapter: .additionalCompetences,
            name: "Publication of a scientific article in periodicals included in the list of those recommended by the Quality Assurance Committee in Science and Higher Education of the Ministry of Science and Higher Education of the Republic of Kazakhstan",
            requirement: "in accordance with the profile of the claimed specialty; the first 3 authors",
            unitText: "1 article = 20 credit units",
            supportingDocument: "an electronic copy of a published article, first 3 authors",
            unitRule: .perDocument(20), window: .confirmationPeriod,
            authorPositionLimit: 3, isPublication: true),
        Criterion(
            number: 9, chapter: .additionalCompetences,
            name: "Publication of an article in national and foreign editions not included in the list recommended by the Quality Assurance Committee in Science and Higher Education of the Ministry of Science and Higher Education of the Republic of Kazakhstan.",
            requirement: "in accordance with the profile of the claimed specialty; the first 3 authors",
            unitText: "1 article = 10 credit units",
            supportingDocument: "an electronic copy of a published article, first 3 authors",
            unitRule: .perDocument(10), window: .confirmationPeriod,
            authorPositionLimit: 3, isPublication: true),
        Criterion(
            number: 10, chapter: .additionalCompetences,
            name: "Publication of a scientific article in periodicals indexed in Scopus, WebofScience, Springer",
            requirement: "in accordance with the profile of the claimed specialty",
            unitText: "1 article, journal quartile Q4 = 90 credits; 1 article, journal quartile Q3 = 120 credit units; 1 article, journal quartile Q2 = 150 credit units; 1 article, journal quartile Q1 = 180 credit units.",
            supportingDocument: "link to the published article in Scopus, Web of Science, Springer databases",
            unitRule: .byQuartile([.q4: 90, .q3: 120, .q2: 150, .q1: 180]), window: .confirmationPeriod,
            isPublication: true),
        Criterion(
            number: 11, chapter: .additionalCompetences,
            name: "Obtaining a patent",
            requirement: "in accordance with the profile of the declared specialty",
            unitText: "1 national level patent = 60 credit units; 1 foreign level patent = 180 credit units",
            supportingDocument: "patent copy",
            unitRule: .perItemByLevel(LevelRates(regionalOrCity: nil, republican: 60, international: 180)),
            window: .confirmationPeriod),
        Criterion(
            number: 12, chapter: .additionalCompetences,
            name: "Obtaining an Intellectual Property Certificate of the Republic of Kazakhstan",
            requirement: "in accordance with the profile of the declared specialty",
            unitText: "1 certificate = 30 credit units",
            supportingDocument: "a copy of the intellectual property certificate",
            unitRule: .perDocument(30), window: .confirmationPeriod),
        Criterion(
            number: 13, chapter: .additionalCompetences,
            name: "Tutoring, teaching activities",
            requirement: "in accordance with the profile of the declared specialty",
            unitText: "within a year as a tutor or mentor for trainees of medical education organisations = 10 credit units",
            supportingDocument: "a copy of the order from the medical organization on the appointment as a tutor, and (or) a certificate of advanced training in tutoring and (or) mentoring",
            unitRule: .perYearOfTutoring(10), window: .tutoringYears),
        Criterion(
            number: 14, chapter: .additionalCompetences,
            name: "Tutoring for young and newly hired specialists",
            requirement: "in accordance with the profile of the declared specialty",
            unitText: "within a year as a tutor = 10 credit units",
            supportingDocument: "a copy of the order on the appointment as a tutor",
            unitRule: .perYearOfTutoring(10), window: .tutoringYears),
        Criterion(
            number: 15, chapter: .additionalCompetences,
            name: "Introduction into practice of innovative scientific or practical methods of diagnostics, treatment, prevention of a disease",
            requirement: "in accordance with the profile of the declared specialty",
            unitText: "1 act of implementation = 60 credit units",
            supportingDocument: "an implementation report with the participation of the local health authority",
            unitRule: .perDocument(60), window: .confirmationPeriod),
        Criterion(
            number: 16, chapter: .additionalCompetences,
            name: "Membership in a professional association",
            requirement: "in accordance with the profile of the declared specialty; at least 1 year with active membership at the time of confirmation",
            unitText: "regional level = 10 credit units; national level = 30 credit units; international level = 60 credit units",
            supportingDocument: "a copy of the document confirming membership",
            unitRule: .perItemByLevel(LevelRates(regionalOrCity: 10, republican: 30, international: 60)),
            window: .activeMembership(minimumYears: 1)),
        Criterion(
            number: 17, chapter: .additionalCompetences,
            name: "Membership in expert bodies",
            requirement: "in accordance with the profile of the declared specialty; for 5 years with at least 1 year of active membership at the time of confirmation",
            unitText: "national level = 90 credit units",
            supportingDocument: "a copy of the document confirming an expert activity",
            unitRule: .perItemByLevel(LevelRates(regionalOrCity: nil, republican: 90, international: nil)),
            window: .activeMembership(minimumYears: 1)),
        Criterion(
            number: 18, chapter: .additionalCompetences,
            name: "Expert and/or coaching activities",
            requirement: "in accordance with the profile of the declared specialty; within one year at the time of confirmation",
            unitText: "1 document = 10 credit units",
            supportingDocument: "a copy of the document confirming expert and coaching activities",
            unitRule: .perDocument(10), window: .lastYear),
        Criterion(
            number: 19, chapter: .additionalCompetences,
            name: "Participation in the development of regulatory legal and other regulatory acts",
            requirement: "In accordance with the profile of the declared specialty; at the national level (clinical protocols, clinical nursing guidelines, operating procedure standards, industry programs, state educational standards)",
            unitText: "1 document = 30 credit units",
            supportingDocument: "a copy of the order on the composition of the working group",
            unitRule: .perDocument(30), window: .confirmationPeriod),
        Criterion(
            number: 20, chapter: .additionalCompetences,
            name: "Participation in the substantive or testing expertise of the examination material (test questions and clinical scenarios) of an accredited institution to evaluate the knowledge and skills of students, professional preparedness of graduates and health professionals",
            requirement: "In accordance with the profile of the declared specialty",
            unitText: "50 test questions = 1 credit unit; 10 clinical scenarios = 1 credit unit",
            supportingDocument: "a copy of the act of examination of the examination material",
            unitRule: .examMaterial(testQuestionsPerUnit: 50, clinicalScenariosPerUnit: 10),
            window: .confirmationPeriod),
        Criterion(
            number: 21, chapter: .additionalCompetences,
            name: "Participation in the work of an independent expert commission for the purpose of establishing and confirming the existence (absence) of the fact of causing harm to a patient's life and health as a result of medical activities",
            requirement: "In accordance with the profile of the declared specialty within 5 years at the time of confirmation",
            unitText: "1 document = 90 credit units",
            supportingDocument: "an extract from the minutes of the meeting of the independent expert commission on the participation of the expert and a copy of the order approving the composition of the independent expert commission",
            unitRule: .perDocument(90), window: .confirmationPeriod),
    ]

    init(
        number: Int, chapter: Chapter, name: String, requirement: String, unitText: String,
        supportingDocument: String, unitRule: UnitRule, window: WindowRule,
        authorPositionLimit: Int? = nil, isPublication: Bool = false
    ) {
        self.number = number
        self.chapter = chapter
        self.name = name
        self.requirement = requirement
        self.unitText = unitText
        self.supportingDocument = supportingDocument
        self.unitRule = unitRule
        self.window = window
        self.authorPositionLimit = authorPositionLimit
        self.isPublication = isPublication
    }
}
