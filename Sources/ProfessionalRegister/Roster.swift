import CPDRules
import GRDB

/// One line of the register's roster: who the worker is, the category aimed at, the certificate's
/// expiry and the latest assessment kept. What a list of thousands of workers shows, read in one
/// query rather than record by record.
public struct RosterEntry: Sendable, Hashable {
    public let iin: IIN
    public let fullName: String
    public let targetCategory: QualificationCategory?
    public let certificateExpiresOn: CalendarDate?
    public let latestAssessment: AssessmentRecord?
}

extension ProfessionalRegister {
    /// Every worker with the latest assessment kept (its forms left out), by IIN. The columns are
    /// read by position: for thousands of rows, looking each up by name was most of the time.
    public func roster() throws(RegisterStoreError) -> [RosterEntry] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT w.iin, w.surname, w.firstName, w.patronymic, w.targetCategory, w.certificateExpiresOn,
                           a.confirmationDate, a.targetCategory, a.additionalEducationThousandths, a.nonFormalThousandths, a.meetsRequirements
                    FROM worker w
                    LEFT JOIN assessment a ON a.id = (SELECT MAX(id) FROM assessment WHERE workerIIN = w.iin)
                    ORDER BY w.iin
                    """)
            var entries: [RosterEntry] = []
            while let row = try rows.next() {
                guard let iin = try? IIN(row[0] as String) else { throw RegisterStoreError.damaged("a worker's IIN does not read") }
                var latest: AssessmentRecord?
                if let date = row[6] as String? {
                    guard let date = CalendarDate(date), let category = (row[7] as String?).flatMap(QualificationCategory.init(rawValue:)) else {
                        throw RegisterStoreError.damaged("an assessment's date or category does not read")
                    }
                    var totals = Totals()
                    totals.additionalEducation = CreditUnits(thousandths: row[8])
                    totals.nonFormalAndCompetences = CreditUnits(thousandths: row[9])
                    latest = AssessmentRecord(confirmationDate: date, targetCategory: category, totals: totals, meetsRequirements: row[10], forms: [])
                }
                entries.append(
                    RosterEntry(
                        iin: iin, fullName: [row[1], row[2], row[3]].compactMap { $0 as String? }.joined(separator: " "),
                        targetCategory: (row[4] as String?).flatMap(QualificationCategory.init(rawValue:)),
                        certificateExpiresOn: (row[5] as String?).flatMap { CalendarDate($0) }, latestAssessment: latest))
            }
            return entries
        }
    }
}
