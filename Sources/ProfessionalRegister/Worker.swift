import CPDRules

/// A healthcare worker as the register keeps them: every item of paragraph 8 of the rules
/// (order ҚР ДСМ-253/2020), the labour activity table, the qualification facts and the free-text
/// lines of the Appendix 2 confirmation form (order ҚР ДСМ-283/2020).
///
/// Date of birth and gender are the IIN's own (paragraph 8, items 3 and 4), so they cannot
/// disagree with it. Optional fields are nil until the HR service states them.
public struct Worker: Sendable, Hashable {
    public let iin: IIN
    public var surname: String
    public var firstName: String
    public var patronymic: String?
    public var placeOfBirth: String?
    public var citizenship: String?
    public var identityDocument = IdentityDocument()
    /// Place of residence.
    public var residence: String?
    /// Place and date of registration at an address.
    public var registrationPlace: String?
    public var registrationDate: CalendarDate?
    /// Education documents with their institutions (item 11).
    public var education: [Education] = []
    /// The current place of work and its BIN (item 12), and position (item 13).
    public var placeOfWork: String?
    public var employerBIN: BIN?
    public var position: String?
    public var specialty: String?
    /// The specialist certificate (item 14): its expiry drives the warnings and the blocking of
    /// paragraph 14, items 4 and 5.
    public var certificate = Certificate()
    /// The certificate of the qualification category held (`qualificationCategory`): its expiry,
    /// or that it is indefinite, decides paragraph 12's last sentence and paragraph 19.
    public var categoryCertificate = CategoryCertificate()
    /// Professional development (item 15).
    public var professionalDevelopment: [ProfessionalDevelopment] = []
    /// The labour activity table of Appendix 2: hiring and dismissal, place, position, order.
    public var employment: [Employment] = []
    /// The level of the sectoral qualifications framework and the day it was obtained, from
    /// which Appendix 5 counts the years to the next level.
    public var sqfLevel: QualificationLevel?
    public var sqfLevelObtainedOn: CalendarDate?
    /// The level the worker applies for (chapter 3 of order ҚР ДСМ-283/2020).
    public var targetLevel: QualificationLevel?
    public var qualificationCategory: QualificationCategory?
    /// The category the worker is to be confirmed for.
    public var targetCategory: QualificationCategory?
    /// Length of service, total and in the specialty (Appendix 2, items 3 and 4), read from what
    /// the HR service types ("18 лет 2 месяца 15 дней") and written by each form in its language.
    public var totalService: ServiceLength?
    public var specialtyService: ServiceLength?
    /// Postgraduate education as the form prints it.
    public var postgraduateEducation: String?

    public init(iin: IIN, surname: String, firstName: String, patronymic: String? = nil) {
        self.iin = iin
        self.surname = surname
        self.firstName = firstName
        self.patronymic = patronymic
    }

    public var dateOfBirth: CalendarDate { iin.dateOfBirth }
    public var gender: Gender { iin.gender }

    /// "Surname First Patronymic", as register extracts and forms write it.
    public var fullName: String { [surname, firstName, patronymic].compactMap { $0 }.joined(separator: " ") }

    public struct IdentityDocument: Sendable, Hashable {
        public var kind: String?
        public var number: String?
        public var issuedBy: String?
        public var issuedOn: CalendarDate?

        public init() {}
    }

    public struct Education: Sendable, Hashable {
        /// The document's kind, series and number ("диплом ЖБ-Б № 0123456").
        public var document: String?
        public var institution: String?
        public var specialty: String?
        public var issuedOn: CalendarDate?
        /// The row of Appendices 4 and 5 the education belongs to, for paragraph 12, item 1.
        public var track: EducationTrack?
        /// Where it was issued; nil or Kazakhstan for a domestic document (paragraph 15).
        public var country: String?

        public init() {}
    }

    public struct CategoryCertificate: Sendable, Hashable {
        public var number: String?
        public var issuedOn: CalendarDate?
        /// The last day it is valid, or indefinite.
        public var expiresOn: LevelAssignment.CategoryCertificate.Validity?

        public init() {}
    }

    public struct Certificate: Sendable, Hashable {
        public var number: String?
        public var issuedOn: CalendarDate?
        /// The last day the certificate is valid.
        public var expiresOn: CalendarDate?

        public init() {}
    }

    public struct ProfessionalDevelopment: Sendable, Hashable {
        public var title: String?
        public var provider: String?
        public var hours: Hours?
        public var completedOn: CalendarDate?
        public var document: String?

        public init() {}
    }

    /// One row of the labour activity table. `hired` is required on import and entry.
    public struct Employment: Sendable, Hashable {
        public var hired: CalendarDate?
        /// The last working day; nil while the worker is employed there.
        public var dismissed: CalendarDate?
        public var placeOfWork: String?
        public var employerBIN: BIN?
        public var position: String?
        public var orderNumber: String?
        public var orderDate: CalendarDate?
        /// The specialty worked in, for Appendix 5's continuous experience in the specialty.
        public var specialty: String?

        public init() {}
    }
}
