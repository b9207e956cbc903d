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
    /// Every worker with the latest assessment kept (its forms left out), by IIN. Read with a
    /// cursor over only the columns it needs: a row of the statement finds a column by name at
    /// once, where a copied row of every column searched them one by one.
    public func roster() throws(RegisterStoreError) -> [RosterEntry] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT w.iin, w.surname, w.firstName, w.patronymic, w.targetCategory AS target, w.certificateExpiresOn,
                           a.confirmationDate, a.targetCategory, a.additionalEducationThousandths, a.nonFormalThousandths, a.meetsRequirements
                    FROM worker w
                    LEFT JOIN assessment a ON a.id = (SELECT MAX(id) FROM assessment WHERE workerIIN = w.iin)
                    ORDER BY w.iin
                    """)
            var entries: [RosterEntry] = []
            while let row = try rows.next() {
                guard let iin = try? IIN(row["iin"]) else { throw RegisterStoreError.damaged("a worker's IIN does not read") }
                entries.append(
                    RosterEntry(
                        iin: iin, fullName: fullName(row), targetCategory: (row["target"] as String?).flatMap(QualificationCategory.init(rawValue:)),
                        certificateExpiresOn: (row["certificateExpiresOn"] as String?).flatMap { CalendarDate($0) },
                        latestAssessment: (row["confirmationDate"] as String?) == nil ? nil : try AssessmentRecord(row, forms: [])))
            }
            return entries
        }
    }
}
