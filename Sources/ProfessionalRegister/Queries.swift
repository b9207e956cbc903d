import CPDRules
import GRDB

/// How far ahead `expiring` looks: months (`2m`, paragraph 14 item 4's two months) or days
/// (`45d`).
public enum Lookahead: Sendable, Hashable, LosslessStringConvertible {
    case months(Int)
    case days(Int)

    public init?(_ text: String) {
        guard let unit = text.last, let count = Int(text.dropLast()), (0...120).contains(count) else { return nil }
        switch unit {
        case "m": self = .months(count)
        case "d": self = .days(count)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .months(let count): "\(count)m"
        case .days(let count): "\(count)d"
        }
    }

    /// The last day of the window that starts on `date`. A month later than 31 December is the
    /// end of January; two months later is the end of February, the 29th in a leap year.
    public func end(from date: CalendarDate) -> CalendarDate {
        switch self {
        case .days(let count): return date.adding(days: count)
        case .months(let count):
            let months = date.year * 12 + date.month - 1 + count
            let year = months / 12, month = months % 12 + 1
            return CalendarDate(year: year, month: month, day: min(date.day, CalendarDate.daysIn(month: month, year: year)))!
        }
    }
}

/// A worker's specialist certificate and the day it expires.
public struct CertificateExpiry: Sendable, Hashable {
    public let iin: IIN
    public let fullName: String
    public let employerBIN: BIN?
    public let certificateNumber: String?
    /// The last day it is valid.
    public let expiresOn: CalendarDate
}

/// A worker on the list for advanced training (paragraph 14, item 3), and why.
public struct TrainingDue: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// No assessment is recorded.
        case noConfirmation
        /// The last assessment is older than the 5-year window.
        case confirmationOutsideWindow(last: CalendarDate)
        /// The last assessment in the window falls short of Appendix 3 for the target category:
        /// the minimums not met.
        case shortfall([ThresholdCheck])
    }

    public let iin: IIN
    public let fullName: String
    public let targetCategory: QualificationCategory
    public let reason: Reason
}

extension ProfessionalRegister {
    /// Paragraph 14, item 4: certificates valid on `date` that expire within `lookahead` of it
    /// (both days counted), soonest first; of one organisation's workers if `employer` is given.
    public func expiring(
        on date: CalendarDate, within lookahead: Lookahead = .months(2), employer: BIN? = nil
    ) throws(RegisterStoreError) -> [CertificateExpiry] {
        try certificates(from: date, through: lookahead.end(from: date), employer: employer)
    }

    /// Paragraph 14, item 5: records blocked on `date` because the certificate expired before it.
    public func blocked(on date: CalendarDate, employer: BIN? = nil) throws(RegisterStoreError) -> [CertificateExpiry] {
        try certificates(from: nil, through: date.adding(days: -1), employer: employer)
    }

    /// Whether the worker's record is blocked on `date`: a blocked worker cannot be confirmed
    /// until the certificate is renewed. A worker with no certificate stated is not blocked.
    public func isBlocked(_ iin: IIN, on date: CalendarDate) throws(RegisterStoreError) -> Bool {
        let expiry = try read { db in
            try Row.fetchOne(db, sql: "SELECT certificateExpiresOn FROM worker WHERE iin = ?", arguments: [iin.digits])
        }
        guard let expiry else { throw .notRegistered }
        return (expiry[0] as String?).flatMap { CalendarDate($0) }.map { $0 < date } ?? false
    }

    /// An index range scan on the expiry date: ISO dates order as text.
    private func certificates(
        from start: CalendarDate?, through end: CalendarDate, employer: BIN?
    ) throws(RegisterStoreError) -> [CertificateExpiry] {
        var sql = """
            SELECT iin, surname, firstName, patronymic, employerBIN, certificateNumber, certificateExpiresOn FROM worker
            WHERE certificateExpiresOn <= ?
            """
        var arguments: StatementArguments = [end.description]
        if let start {
            sql += " AND certificateExpiresOn >= ?"
            arguments += [start.description]
        }
        if let employer {
            sql += " AND employerBIN = ?"
            arguments += [employer.digits]
        }
        return try read { db in
            try Row.fetchAll(db, sql: sql + " ORDER BY certificateExpiresOn, iin", arguments: arguments).map { row in
                guard let iin = try? IIN(row["iin"]), let expires = CalendarDate(row["certificateExpiresOn"] as String) else {
                    throw RegisterStoreError.damaged("a certificate's worker or expiry date does not read")
                }
                return CertificateExpiry(
                    iin: iin, fullName: fullName(row), employerBIN: (row["employerBIN"] as String?).flatMap { try? BIN($0) },
                    certificateNumber: row["certificateNumber"], expiresOn: expires)
            }
        }
    }

    /// Paragraph 14, item 3: the workers with a target category who need advanced training on
    /// `date`, judged from their last assessment on or before it: none recorded, older than the
    /// 5-year window (`ConfirmationWindow`), or short of Appendix 3 for the category they now
    /// target. An assessment that met the requirements for that same category clears them.
    public func dueForTraining(on date: CalendarDate, employer: BIN? = nil) throws(RegisterStoreError) -> [TrainingDue] {
        let window = ConfirmationWindow(confirmationDate: date)
        var arguments: StatementArguments = [date.description]
        var sql = """
            SELECT w.iin, w.surname, w.firstName, w.patronymic, w.targetCategory AS target, a.* FROM worker w
            LEFT JOIN assessment a ON a.id = (
              SELECT id FROM assessment WHERE workerIIN = w.iin AND confirmationDate <= ? ORDER BY confirmationDate DESC, id DESC LIMIT 1)
            WHERE w.targetCategory IN ('second', 'first', 'highest')
            """
        if let employer {
            sql += " AND w.employerBIN = ?"
            arguments += [employer.digits]
        }
        return try read { db in
            try Row.fetchAll(db, sql: sql + " ORDER BY w.iin", arguments: arguments).compactMap { row -> TrainingDue? in
                guard let iin = try? IIN(row["iin"]), let target = QualificationCategory(rawValue: row["target"]),
                    let requirements = CPDRequirements.forCategory(target)
                else { throw RegisterStoreError.damaged("a worker's IIN or target category does not read") }
                let reason: TrainingDue.Reason
                if row["id"] as Int64? == nil {
                    reason = .noConfirmation
                } else {
                    let last = try AssessmentRecord(row, forms: [])
                    if last.confirmationDate < window.periodStart {
                        reason = .confirmationOutsideWindow(last: last.confirmationDate)
                    } else if last.meetsRequirements && last.targetCategory == target {
                        return nil
                    } else {
                        let check = RequirementsCheck(requirements: requirements, totals: last.totals, commissionParticipations: 0, interpretation: .default)
                        let unmet = check.checks.filter { !$0.isMet }
                        guard !unmet.isEmpty else { return nil }
                        reason = .shortfall(unmet)
                    }
                }
                return TrainingDue(iin: iin, fullName: fullName(row), targetCategory: target, reason: reason)
            }
        }
    }
}

/// "Surname First Patronymic" from a row of `worker`.
func fullName(_ row: Row) -> String {
    [row["surname"], row["firstName"], row["patronymic"]].compactMap { $0 as String? }.joined(separator: " ")
}
