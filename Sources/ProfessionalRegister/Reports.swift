import CPDRules
import GRDB

/// A reporting period: a month (paragraph 6) or a quarter (paragraph 7).
public enum ReportPeriod: Sendable, Hashable, LosslessStringConvertible {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)

    /// `2026-10` or `2026-Q4`.
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), year >= 1900 else { return nil }
        if parts[1].hasPrefix("Q"), let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) {
            self = .quarter(year: year, quarter: quarter)
        } else if parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) {
            self = .month(year: year, month: month)
        } else {
            return nil
        }
    }

    /// The month or quarter before the one `date` falls in: the one due for reporting.
    public static func previous(quarterly: Bool, before date: CalendarDate) -> ReportPeriod {
        if quarterly {
            let quarter = (date.month - 1) / 3
            return quarter == 0 ? .quarter(year: date.year - 1, quarter: 4) : .quarter(year: date.year, quarter: quarter)
        }
        return date.month == 1 ? .month(year: date.year - 1, month: 12) : .month(year: date.year, month: date.month - 1)
    }

    public var isQuarter: Bool { if case .quarter = self { true } else { false } }

    public var description: String {
        switch self {
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .quarter(let year, let quarter): "\(year)-Q\(quarter)"
        }
    }

    public var first: CalendarDate {
        switch self {
        case .month(let year, let month): CalendarDate(year: year, month: month, day: 1)!
        case .quarter(let year, let quarter): CalendarDate(year: year, month: quarter * 3 - 2, day: 1)!
        }
    }

    public var last: CalendarDate {
        let (year, month) =
            switch self {
            case .month(let year, let month): (year, month)
            case .quarter(let year, let quarter): (year, quarter * 3)
            }
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }
}

/// One organisation's report for a period: the movement of its workforce (paragraph 6) and the
/// forecast of when its workers reach the next qualification level (paragraph 7).
///
/// The counts come from the labour activity table. Registered: hired here in the period. Moved
/// in: of those, who had worked before (another row of theirs starts earlier). Moved out:
/// dismissed here in the period and working on afterwards (another row continues past the
/// dismissal). Outflow: dismissed here in the period with no work after it in the register.
public struct OrganisationReport: Sendable, Hashable {
    public struct Forecast: Sendable, Hashable {
        public let iin: IIN
        public let fullName: String
        public let level: QualificationLevel
        public let obtainedOn: CalendarDate
        public let nextLevel: QualificationLevel
        /// The day Appendix 5's years since `obtainedOn` are complete.
        public let eligibleFrom: CalendarDate
    }

    public let employer: BIN
    public let period: ReportPeriod
    public let employedAtStart: Int
    public let registered: Int
    public let movedIn: Int
    public let movedOut: Int
    public let outflow: Int
    public let employedAtEnd: Int
    /// The organisation's current workers with a known level and date and a level above it,
    /// soonest first.
    public let forecast: [Forecast]
}

extension ProfessionalRegister {
    public func report(_ period: ReportPeriod, employer: BIN) throws(RegisterStoreError) -> OrganisationReport {
        try read { db in
            // Every row of every worker who has ever worked here: moves are judged on them all.
            let rows = try Row.fetchAll(db, sql: """
                SELECT workerIIN, employerBIN, hired, dismissed FROM employment
                WHERE workerIIN IN (SELECT workerIIN FROM employment WHERE employerBIN = ?)
                """, arguments: [employer.digits])
            let employment = Dictionary(grouping: rows.map(EmploymentSpan.init), by: \.worker)
            let dayBefore = period.first.adding(days: -1)
            var counts = (start: 0, registered: 0, movedIn: 0, movedOut: 0, outflow: 0, end: 0)
            for spans in employment.values {
                let here = spans.filter { $0.employer == employer.digits }
                if here.contains(where: { $0.covers(dayBefore) }) { counts.start += 1 }
                if here.contains(where: { $0.covers(period.last) }) { counts.end += 1 }
                let hires = here.filter { ($0.hired.map { period.first <= $0 && $0 <= period.last }) ?? false }
                if !hires.isEmpty {
                    counts.registered += 1
                    if hires.contains(where: { hire in spans.contains { $0 != hire && $0.hired.map { $0 < hire.hired! } ?? false } }) {
                        counts.movedIn += 1
                    }
                }
                let dismissals = here.filter { ($0.dismissed.map { period.first <= $0 && $0 <= period.last }) ?? false }
                if let last = dismissals.compactMap(\.dismissed).max() {
                    if spans.contains(where: { span in span.dismissed.map { $0 > last } ?? (span.hired != nil) }) {
                        counts.movedOut += 1
                    } else {
                        counts.outflow += 1
                    }
                }
            }
            return OrganisationReport(
                employer: employer, period: period, employedAtStart: counts.start, registered: counts.registered,
                movedIn: counts.movedIn, movedOut: counts.movedOut, outflow: counts.outflow, employedAtEnd: counts.end,
                forecast: try forecast(employer, db))
        }
    }

    private func forecast(_ employer: BIN, _ db: Database) throws -> [OrganisationReport.Forecast] {
        try Row.fetchAll(db, sql: """
            SELECT iin, surname, firstName, patronymic, sqfLevel, sqfLevelObtainedOn FROM worker
            WHERE employerBIN = ? AND sqfLevel IS NOT NULL AND sqfLevelObtainedOn IS NOT NULL
            """, arguments: [employer.digits]
        ).compactMap { row in
            guard let iin = try? IIN(row["iin"]), let level = QualificationLevel(row["sqfLevel"] as String),
                let obtained = CalendarDate(row["sqfLevelObtainedOn"] as String)
            else { throw RegisterStoreError.damaged("a worker's IIN or qualification level does not read") }
            guard let next = level.next, let years = next.minimumYearsSincePreviousLevel else { return nil }
            return OrganisationReport.Forecast(
                iin: iin, fullName: fullName(row), level: level, obtainedOn: obtained, nextLevel: next,
                eligibleFrom: obtained.adding(years: years))
        }
        .sorted { ($0.eligibleFrom, $0.iin) < ($1.eligibleFrom, $1.iin) }
    }
}

/// The dates of one row of the labour activity table.
private struct EmploymentSpan: Hashable {
    let worker: String
    let employer: String?
    let hired: CalendarDate?
    let dismissed: CalendarDate?

    init(_ row: Row) {
        worker = row["workerIIN"]
        employer = row["employerBIN"]
        hired = (row["hired"] as String?).flatMap { CalendarDate($0) }
        dismissed = (row["dismissed"] as String?).flatMap { CalendarDate($0) }
    }

    /// Employed on `date`: hired by then and not yet gone (the dismissal day is worked).
    func covers(_ date: CalendarDate) -> Bool {
        guard let hired, hired <= date else { return false }
        return dismissed.map { date <= $0 } ?? true
    }
}
