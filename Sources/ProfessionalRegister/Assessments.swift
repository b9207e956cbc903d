import CPDRules
import GRDB

/// A CPD assessment kept with the worker (paragraph 14, item 2): when, for which category, the
/// totals by chapter, whether Appendix 3 was met, and the forms issued.
public struct AssessmentRecord: Sendable, Hashable {
    public let confirmationDate: CalendarDate
    public let targetCategory: QualificationCategory
    public let totals: Totals
    public let meetsRequirements: Bool
    /// The paths of the forms written (Appendix 2, the refusal notice).
    public var forms: [String]

    public init(
        confirmationDate: CalendarDate, targetCategory: QualificationCategory, totals: Totals, meetsRequirements: Bool,
        forms: [String]
    ) {
        self.confirmationDate = confirmationDate
        self.targetCategory = targetCategory
        self.totals = totals
        self.meetsRequirements = meetsRequirements
        self.forms = forms
    }

    /// What `cpd confirm` decided, and the forms it wrote.
    public init(_ assessment: Assessment, forms: [String]) {
        self.init(
            confirmationDate: assessment.confirmationDate, targetCategory: assessment.targetCategory,
            totals: assessment.totals, meetsRequirements: assessment.meetsCPDRequirements, forms: forms)
    }
}

extension ProfessionalRegister {
    /// Keeps an assessment with the worker, and notes it in the record's history. A worker whose
    /// certificate had expired on the confirmation date cannot be confirmed (paragraph 14,
    /// item 5): an assessment that meets the requirements is refused for them. An assessment
    /// equal to the worker's latest is not kept again: a watch killed after writing the forms
    /// and before noting it repeats the assessment when it restarts, and it counts once.
    public func record(_ assessment: AssessmentRecord, for iin: IIN, by person: String) throws(RegisterStoreError) {
        let now = Change.now()
        try write { db in
            guard let worker = try WorkerRows.fetch(iin, db) else { throw RegisterStoreError.notRegistered }
            if assessment.meetsRequirements, let expired = worker.certificate.expiresOn, expired < assessment.confirmationDate {
                throw RegisterStoreError.blocked(certificateExpiredOn: expired)
            }
            if let latest = try Row.fetchOne(db, sql: "SELECT * FROM assessment WHERE workerIIN = ? ORDER BY id DESC LIMIT 1", arguments: [iin.digits]) {
                let forms = try String.fetchAll(db, sql: "SELECT path FROM issuedForm WHERE assessmentID = ? ORDER BY path", arguments: [latest["id"]])
                let kept = try AssessmentRecord(latest, forms: forms)
                var asked = assessment
                asked.forms = Set(assessment.forms).sorted()
                if kept == asked { return }
            }
            try db.execute(
                sql: """
                    INSERT INTO assessment (workerIIN, confirmationDate, targetCategory, additionalEducationThousandths,
                      nonFormalThousandths, meetsRequirements) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    iin.digits, assessment.confirmationDate.description, assessment.targetCategory.rawValue,
                    assessment.totals.additionalEducation.thousandths, assessment.totals.nonFormalAndCompetences.thousandths,
                    assessment.meetsRequirements,
                ])
            let id = db.lastInsertedRowID
            for path in Set(assessment.forms) {
                try db.execute(sql: "INSERT INTO issuedForm (assessmentID, path) VALUES (?, ?)", arguments: [id, path])
            }
            let summary = "\(assessment.confirmationDate), \(assessment.targetCategory.rawValue): \(assessment.totals.total) CU, "
                + (assessment.meetsRequirements ? "met" : "not met")
            _ = try Change.record(field: "assessment", from: nil, to: summary, of: iin, by: person, at: now, db)
        }
    }

    /// The worker's assessments, oldest first.
    public func assessments(of iin: IIN) throws(RegisterStoreError) -> [AssessmentRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM assessment WHERE workerIIN = ? ORDER BY confirmationDate, id", arguments: [iin.digits])
                .map { row in
                    let forms = try String.fetchAll(db, sql: "SELECT path FROM issuedForm WHERE assessmentID = ? ORDER BY path", arguments: [row["id"]])
                    return try AssessmentRecord(row, forms: forms)
                }
        }
    }
}

extension AssessmentRecord {
    /// From a row of `assessment` (or a query that selects its columns).
    init(_ row: Row, forms: [String]) throws {
        guard let date = CalendarDate(row["confirmationDate"] as String),
            let category = QualificationCategory(rawValue: row["targetCategory"])
        else { throw RegisterStoreError.damaged("an assessment's date or category does not read") }
        var totals = Totals()
        totals.additionalEducation = CreditUnits(thousandths: row["additionalEducationThousandths"])
        totals.nonFormalAndCompetences = CreditUnits(thousandths: row["nonFormalThousandths"])
        self.init(confirmationDate: date, targetCategory: category, totals: totals, meetsRequirements: row["meetsRequirements"], forms: forms)
    }
}
