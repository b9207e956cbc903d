import CPDRules
import Foundation
import GRDB
import SharedDatabase

/// The professional register (order ҚР ДСМ-253/2020): healthcare workers, every change to their
/// records, their CPD assessments, and the questions paragraph 14 asks of it. One SQLite file,
/// shared with the other `cpd` commands; nothing it holds is ever logged.
public final class ProfessionalRegister: Sendable {
    private let database: any DatabaseWriter

    /// Opens the register at `path`, creating it (and its folder) readable by its owner only, and
    /// brings its tables up to date.
    public init(path: String) throws(RegisterStoreError) {
        do {
            database = try SharedDatabase.open(path: path)
            try Schema.migrations.apply(to: database)
        } catch let error as RegisterStoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// A register in memory, gone when released: for tests and trials.
    public init() throws(RegisterStoreError) {
        do {
            database = try DatabaseQueue()
            try Schema.migrations.apply(to: database)
        } catch {
            throw .cannotOpen(path: ":memory:", reason: "\(error)")
        }
    }

    // MARK: Workers

    public func worker(_ iin: IIN) throws(RegisterStoreError) -> Worker? {
        try read { db in try WorkerRows.fetch(iin, db) }
    }

    /// Every worker, by IIN.
    public func workers() throws(RegisterStoreError) -> [Worker] {
        try read { db in try WorkerRows.fetchAll(db) }
    }

    /// Enters `worker`, or writes the changes to the record of the same IIN; returns what was
    /// recorded (paragraph 9). Nothing is recorded when nothing changed.
    @discardableResult
    public func save(_ worker: Worker, by person: String) throws(RegisterStoreError) -> [Change] {
        let problems = Fields.problems(in: worker).map { RegisterProblem(line: nil, field: $0.path, message: $0.message) }
        guard problems.isEmpty else { throw .invalid(file: nil, problems: problems) }
        let now = Change.now()
        return try write { db in try Self.save(worker, existing: WorkerRows.fetch(worker.iin, db), by: person, at: now, db) }
    }

    /// Sets fields by name (`position`, `certificate.expiresOn`, `employment[2].dismissed`; nil
    /// clears) on the worker `iin`, which `entering` says must be new or must exist: the `add`
    /// and `edit` commands.
    @discardableResult
    public func set(
        _ fields: [(field: String, value: String?)], on iin: IIN, entering: Bool, by person: String
    ) throws(RegisterStoreError) -> [Change] {
        var record = SourceRecord(line: nil)
        for (field, value) in fields { record.add(field, value, line: nil) }
        let now = Change.now()
        return try write { db in
            let existing = try WorkerRows.fetch(iin, db)
            if entering, existing != nil { throw RegisterStoreError.alreadyRegistered }
            if !entering, existing == nil { throw RegisterStoreError.notRegistered }
            switch record.worker(iin, existing: existing) {
            case .valid(let worker): return try Self.save(worker, existing: existing, by: person, at: now, db)
            case .refused(let problems): throw RegisterStoreError.invalid(file: nil, problems: problems)
            }
        }
    }

    /// Paragraph 9: who changed which field of the record, from what to what, and when; the
    /// entry of the record first.
    public func history(of iin: IIN) throws(RegisterStoreError) -> [Change] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT field, oldValue, newValue, changedBy, changedAt FROM workerChange WHERE workerIIN = ? ORDER BY id",
                arguments: [iin.digits]
            ).map { Change(field: $0[0], oldValue: $0[1], newValue: $0[2], changedBy: $0[3], changedAt: $0[4]) }
        }
    }

    // MARK: Import

    /// Imports a file in one of the register's layouts (README.md). Each worker is checked whole
    /// before anything is written. When any is refused, nothing is imported, unless
    /// `skipInvalid` asks for the others, whose problems then come back in the summary. The
    /// import is one transaction: a failure part-way leaves the register as it was.
    public func importFile(
        _ data: Data, name: String, format: RegisterFileFormat, skipInvalid: Bool = false, by person: String
    ) throws(RegisterStoreError) -> ImportSummary {
        let records: [SourceRecord]
        do {
            records = try RegisterFileReader.records(data, format: format, name: name)
        } catch {
            throw .invalid(file: name, problems: [error])
        }
        let now = Change.now()
        return try write { db in
            var summary = ImportSummary()
            var firstLine: [IIN: Int?] = [:]
            for record in records {
                let iin: IIN
                switch record.iin() {
                case .success(let value): iin = value
                case .failure(let problem):
                    summary.refused += record.problems + [problem]
                    continue
                }
                if let earlier = firstLine[iin] {
                    let message = "the file lists this worker already\(earlier.map { " on line \($0)" } ?? "")"
                    summary.refused.append(RegisterProblem(line: record.line, field: "iin", message: message))
                    continue
                }
                firstLine[iin] = record.line
                let existing = try WorkerRows.fetch(iin, db)
                switch record.worker(iin, existing: existing) {
                case .refused(let problems): summary.refused += problems
                case .valid(let worker):
                    let changes = try Self.save(worker, existing: existing, by: person, at: now, db)
                    if existing == nil { summary.added += 1 } else if changes.isEmpty { summary.unchanged += 1 } else { summary.changed += 1 }
                }
            }
            // Thrown inside the transaction, so that what was written is rolled back.
            if !skipInvalid, !summary.refused.isEmpty { throw RegisterStoreError.invalid(file: name, problems: summary.refused) }
            return summary
        }
    }

    // MARK: Database access

    func read<Value>(_ body: (Database) throws -> Value) throws(RegisterStoreError) -> Value {
        do { return try database.read(body) } catch { throw RegisterStoreError(error) }
    }

    func write<Value>(_ body: (Database) throws -> Value) throws(RegisterStoreError) -> Value {
        do { return try database.write(body) } catch { throw RegisterStoreError(error) }
    }

    private static func save(_ worker: Worker, existing: Worker?, by person: String, at now: String, _ db: Database) throws -> [Change] {
        guard let existing else {
            try WorkerRows.insert(worker, db)
            return [try Change.record(field: nil, from: nil, to: nil, of: worker.iin, by: person, at: now, db)]
        }
        let old = Dictionary(uniqueKeysWithValues: Fields.values(of: existing).map { ($0.path, $0.text) })
        let new = Dictionary(uniqueKeysWithValues: Fields.values(of: worker).map { ($0.path, $0.text) })
        let paths = Fields.values(of: existing).map(\.path).filter { new[$0] == nil } + Fields.values(of: worker).map(\.path)
        var changes: [Change] = []
        for path in paths where old[path] != new[path] {
            changes.append(try Change.record(field: path, from: old[path], to: new[path], of: worker.iin, by: person, at: now, db))
        }
        if !changes.isEmpty { try WorkerRows.update(worker, from: existing, db) }
        return changes
    }
}

/// What an import did. The refused workers' problems are here when `skipInvalid` let the
/// others in.
public struct ImportSummary: Sendable, Hashable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    public var refused: [RegisterProblem] = []

    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0, refused: [RegisterProblem] = []) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
        self.refused = refused
    }
}

/// One entry of a record's history (paragraph 9).
public struct Change: Sendable, Hashable, Encodable {
    /// The field's path; nil for the entry of the record itself.
    public let field: String?
    public let oldValue: String?
    public let newValue: String?
    public let changedBy: String
    /// An instant in UTC, ISO 8601 (`2026-11-22T09:30:00Z`), not a calendar day.
    public let changedAt: String

    static func now() -> String { Date.now.formatted(.iso8601) }

    static func record(
        field: String?, from old: String?, to new: String?, of iin: IIN, by person: String, at now: String, _ db: Database
    ) throws -> Change {
        try db.cachedStatement(sql: """
            INSERT INTO workerChange (workerIIN, field, oldValue, newValue, changedBy, changedAt) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [iin.digits, field, old, new, person, now])
        return Change(field: field, oldValue: old, newValue: new, changedBy: person, changedAt: now)
    }
}

public enum RegisterStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notRegistered
    case alreadyRegistered
    /// Values refused, each with its field and, from a file, its line.
    case invalid(file: String?, problems: [RegisterProblem])
    /// A confirmation for a worker whose certificate has expired (paragraph 14, item 5).
    case blocked(certificateExpiredOn: CalendarDate)
    /// The database holds what the register never writes.
    case damaged(String)
    /// SQLite's own failure (disk full, locked too long).
    case database(String)

    init(_ error: any Error) {
        self = (error as? RegisterStoreError) ?? .database("\(error)")
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the register \(path): \(reason)"
        case .notRegistered: "the register has no worker with this IIN"
        case .alreadyRegistered: "the register already has a worker with this IIN; change the record with `edit`"
        case .invalid(let file, let problems):
            ([
                "\(file.map { "\($0): " } ?? "")\(problems.count) problem\(problems.count == 1 ? "" : "s")\(file == nil ? "" : ", nothing imported"):"
            ] + problems.map(\.description)).joined(separator: "\n  ")
        case .blocked(let date): "the record is blocked: the specialist certificate expired on \(date) and must be renewed first"
        case .damaged(let reason): "the register's database is damaged: \(reason)"
        case .database(let message): "the register's database failed: \(message)"
        }
    }
}
