import Foundation
import GRDB
import SharedDatabase
import Confirmation
import Intake
import Synchronization

/// The watch's memory between runs, in SQLite: every evidence file seen (path, size, mtime,
/// content hash, status), the facts read from each content once, and each worker's last
/// assessment. Every change is one transaction, so a process killed at any moment leaves a
/// state a restart continues from.
public final class WatchStore: Sendable {
    let database: DatabasePool
    /// Readings as decoded, by their stored bytes: a page that shows a worker's sixty documents
    /// decodes them once, not at every request.
    private let decoded = DecodedReadings()

    /// Opens (creating it, readable by its owner only) the database at `path`.
    public init(path: String) throws {
        database = try SharedDatabase.open(path: path)
        try Self.migrations.apply(to: database)
    }

    /// Fails at once, rather than at the first change, when the database cannot be written.
    public func checkWritable() throws {
        try database.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE; COMMIT") }
    }

    /// Whether `error` says the database cannot be written or opened for writing (a read-only
    /// file, folder or mount): no restart helps, so the watch stops with its own exit code.
    public static func isReadOnly(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN].contains(error.resultCode)
    }

    static var migrations: SchemaMigrations {
        var migrations = SchemaMigrations()
        migrations.register("watch-v1") { db in
            try db.create(table: "watchedFile") { table in
                table.column("path", .text).primaryKey()
                table.column("worker", .text).notNull().indexed()
                table.column("size", .integer).notNull()
                table.column("modified", .double).notNull()
                table.column("firstSeen", .double).notNull()
                table.column("lastChange", .double).notNull()
                table.column("sha256", .text)
                table.column("status", .text).notNull()
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("nextAttempt", .double)
                table.column("error", .text)
            }
            try db.create(table: "extraction") { table in
                table.column("sha256", .text).notNull()
                table.column("worker", .text).notNull()
                table.column("records", .blob).notNull()
                table.primaryKey(["sha256", "worker"])
            }
            try db.create(table: "workerState") { table in
                table.column("worker", .text).primaryKey()
                table.column("dirty", .boolean).notNull().defaults(to: true)
                table.column("lastAssessed", .double)
                table.column("meets", .boolean)
                table.column("total", .text)
                table.column("note", .text)
            }
        }
        migrations.register("watch-v2") { db in
            // Folders of the inbox the watch does not take, or holds as they were, and why.
            try db.create(table: "inboxProblem") { table in
                table.column("name", .text).primaryKey()
                table.column("reason", .text).notNull()
            }
        }
        migrations.register("watch-v3") { db in
            // Which reader made the stored readings, so a new one reads every file again.
            try db.create(table: "setting") { table in
                table.column("key", .text).primaryKey()
                table.column("value", .text).notNull()
            }
        }
        migrations.register("watch-v4") { db in
            // How many documents of the last assessment wait for review or were refused: what
            // the workspace's list of workers sorts by.
            try db.alter(table: "workerState") { table in
                table.add(column: "reviewCount", .integer)
                table.add(column: "refusedCount", .integer)
            }
        }
        return migrations
    }

    /// Keeps the stored readings when `reader` made them; otherwise forgets them all, so every file
    /// is read again and every worker re-assessed (a new version of the readers, or other
    /// wordings). Returns whether the readings were forgotten.
    @discardableResult
    public func keepReadings(madeBy reader: String) throws -> Bool {
        try database.write { db in
            let stored = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'reader'")
            guard stored != reader else { return false }
            try db.execute(sql: "DELETE FROM extraction")
            try db.execute(sql: "UPDATE watchedFile SET status = 'pending', sha256 = NULL, attempts = 0, nextAttempt = NULL, error = NULL")
            try db.execute(sql: "UPDATE workerState SET dirty = 1")
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('reader', ?)", arguments: [reader])
            return stored != nil
        }
    }

    // MARK: Files

    /// A file as the store knows it.
    public struct File: Sendable, Equatable, Codable, FetchableRecord, PersistableRecord {
        public static let databaseTableName = "watchedFile"

        public enum Status: String, Sendable, Codable {
            /// Seen, not yet read: settling, or waiting for a retry.
            case pending
            /// Read; its facts are in `extraction`.
            case done
            /// Could not be read once settled and old enough; retried only when it changes.
            case failed
        }

        public var path: String
        public var worker: String
        public var size: Int64
        public var modified: Double
        public var firstSeen: Double
        public var lastChange: Double
        public var sha256: String?
        public var status: Status
        public var attempts: Int
        public var nextAttempt: Double?
        public var error: String?
    }

    public func files(worker: String? = nil) throws -> [File] {
        try database.read { db in
            if let worker { try File.filter(Column("worker") == worker).order(Column("path")).fetchAll(db) } else { try File.order(Column("path")).fetchAll(db) }
        }
    }

    /// Brings the store in line with what is on disk for one worker: new and changed files
    /// become pending, vanished ones are forgotten; the worker is marked for re-assessment when
    /// its set of files changed.
    public func reconcile(worker: String, onDisk: [(path: String, size: Int64, modified: Double)], now: Double) throws {
        try database.write { db in
            let known = Dictionary(uniqueKeysWithValues: try File.filter(Column("worker") == worker).fetchAll(db).map { ($0.path, $0) })
            var changed = false
            for file in onDisk {
                if var existing = known[file.path] {
                    guard existing.size != file.size || existing.modified != file.modified else { continue }
                    existing.size = file.size
                    existing.modified = file.modified
                    existing.lastChange = now
                    existing.status = .pending
                    existing.sha256 = nil
                    existing.attempts = 0
                    existing.nextAttempt = nil
                    existing.error = nil
                    try existing.update(db)
                } else {
                    try File(
                        path: file.path, worker: worker, size: file.size, modified: file.modified, firstSeen: now, lastChange: now,
                        sha256: nil, status: .pending, attempts: 0, nextAttempt: nil, error: nil
                    ).insert(db)
                }
                changed = true
            }
            let present = Set(onDisk.map(\.path))
            for path in known.keys where !present.contains(path) {
                _ = try File.deleteOne(db, key: path)
                changed = true
            }
            if changed { try markDirty(worker, db) }
        }
    }

    /// How many files each worker has, and of them how many wait to be read or could not be: in
    /// one query, for a list of thousands of workers.
    public func fileCounts() throws -> [String: (files: Int, pending: Int, failed: Int)] {
        try database.read { db in
            var counts: [String: (files: Int, pending: Int, failed: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT worker, COUNT(*) AS files, SUM(status = 'pending') AS pending, SUM(status = 'failed') AS failed
                    FROM watchedFile GROUP BY worker
                    """)
            {
                counts[row["worker"]] = (row["files"], row["pending"], row["failed"])
            }
            return counts
        }
    }

    /// The workers the store has files for.
    public func workers() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT DISTINCT worker FROM watchedFile")) }
    }

    /// What the last scan found wrong with folders of the inbox, by name, replacing the last.
    public func setInboxProblems(_ problems: [String: String]) throws {
        try database.write { db in
            let known = try Row.fetchAll(db, sql: "SELECT name, reason FROM inboxProblem")
            guard Dictionary(uniqueKeysWithValues: known.map { ($0["name"] as String, $0["reason"] as String) }) != problems else { return }
            try db.execute(sql: "DELETE FROM inboxProblem")
            for (name, reason) in problems {
                try db.execute(sql: "INSERT INTO inboxProblem (name, reason) VALUES (?, ?)", arguments: [name, reason])
            }
        }
    }

    public func inboxProblems() throws -> [String: String] {
        try database.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, reason FROM inboxProblem").map { ($0["name"], $0["reason"]) })
        }
    }

    /// Records the facts read from a file's content, the file as done, and the worker as due.
    public func record(_ records: [ExtractionRecord], for file: File, sha256: String) throws {
        try store(records, for: file, sha256: sha256, status: .done, error: nil)
    }

    /// The facts (or the failure) of a file's content, and the file's new status, in one
    /// transaction; a file changed since it was read keeps its own row untouched.
    private func store(_ records: [ExtractionRecord], for file: File, sha256: String, status: File.Status, error: String?) throws {
        let data = try JSONEncoder().encode(records)
        try database.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO extraction (sha256, worker, records) VALUES (?, ?, ?)",
                arguments: [sha256, file.worker, data])
            try db.execute(
                sql: "UPDATE watchedFile SET sha256 = ?, status = ?, error = ?, nextAttempt = NULL WHERE path = ? AND size = ? AND modified = ?",
                arguments: [sha256, status.rawValue, error, file.path, file.size, file.modified])
            try markDirty(file.worker, db)
        }
    }

    /// A file whose content was read before (a rename, a copy dropped again): done, no reading.
    public func reuse(for file: File, sha256: String) throws -> Bool {
        try database.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM extraction WHERE sha256 = ? AND worker = ?", arguments: [sha256, file.worker]) != nil else {
                return false
            }
            try db.execute(
                sql: "UPDATE watchedFile SET sha256 = ?, status = 'done', error = NULL, nextAttempt = NULL WHERE path = ? AND size = ? AND modified = ?",
                arguments: [sha256, file.path, file.size, file.modified])
            try markDirty(file.worker, db)
            return true
        }
    }

    /// A young file that does not read yet: tried again after `retryAt`.
    /// The first retry marks the worker for re-assessment: its forms are written with the other
    /// files, this one marked as not read yet, rather than held back for the whole window.
    public func retry(_ file: File, at retryAt: Double, error: String) throws {
        try database.write { db in
            try db.execute(
                sql: "UPDATE watchedFile SET attempts = attempts + 1, nextAttempt = ?, error = ? WHERE path = ? AND size = ? AND modified = ?",
                arguments: [retryAt, error, file.path, file.size, file.modified])
            if file.attempts == 0 && db.changesCount > 0 { try markDirty(file.worker, db) }
        }
    }

    /// A file changed or gone since it settled: left until `until`, by when a scan has seen it.
    public func postpone(_ file: File, until: Double) throws {
        try database.write { db in
            try db.execute(
                sql: "UPDATE watchedFile SET nextAttempt = ? WHERE path = ? AND size = ? AND modified = ?",
                arguments: [until, file.path, file.size, file.modified])
        }
    }

    /// A settled file that cannot be read: reported, and not tried again until it changes.
    public func fail(_ file: File, sha256: String, records: [ExtractionRecord], error: String) throws {
        try store(records, for: file, sha256: sha256, status: .failed, error: error)
    }

    /// The facts of every file of a worker that has been read, in path order: what the worker's
    /// assessment is made from. A file being retried is there as not readable yet, with its
    /// error, so the forms say which file is missing and why.
    public func records(worker: String) throws -> [ExtractionRecord] {
        try database.read { db in
            let retried = try File.filter(Column("worker") == worker && Column("status") == File.Status.pending.rawValue && Column("attempts") > 0)
                .fetchAll(db).map { file -> (String, [ExtractionRecord]) in
                    var record = ExtractionRecord(file: file.path, sha256: "pending:\(file.path)")
                    record.errors = [.notReadableYet(file.error ?? "no reason given")]
                    return (file.path, [record])
                }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.path, e.records FROM watchedFile f JOIN extraction e ON e.sha256 = f.sha256 AND e.worker = f.worker
                    WHERE f.worker = ? AND f.status IN ('done', 'failed')
                    """, arguments: [worker])
            let read = try rows.map { row -> (String, [ExtractionRecord]) in
                let path: String = row["path"]
                // The same content under another name is that name's document.
                return (path, try decoded.records(row["records"] as Data).map { $0.at(path) })
            }
            return (read + retried).sorted { WorkerFolder.precedes($0.0, $1.0) }.flatMap(\.1)
        }
    }

    // MARK: Workers

    public struct WorkerState: Sendable, Hashable, Codable, FetchableRecord {
        public var worker: String
        public var dirty: Bool
        public var lastAssessed: Double?
        public var meets: Bool?
        public var total: String?
        public var note: String?
        public var reviewCount: Int?
        public var refusedCount: Int?
    }

    private func markDirty(_ worker: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO workerState (worker, dirty) VALUES (?, 1) ON CONFLICT(worker) DO UPDATE SET dirty = 1",
            arguments: [worker])
    }

    public func dirtyWorkers() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT worker FROM workerState WHERE dirty ORDER BY worker") }
    }

    /// Whether any file of the worker still waits to settle or for its first reading: a file
    /// being retried does not hold the forms back.
    public func hasPending(worker: String) throws -> Bool {
        try database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT 1 FROM watchedFile WHERE worker = ? AND status = 'pending' AND attempts = 0 LIMIT 1", arguments: [worker]) != nil
        }
    }

    /// The worker's forms are up to date with its files as of `at`, from `assessed`: whether it
    /// meets Appendix 3, the total, and how many documents wait for review or were refused. With
    /// `readings` (the review workspace, assessing beside the watch), only while the worker's
    /// readings are still those; otherwise the worker is left for the watch to assess again.
    /// Returns whether it was noted.
    @discardableResult
    public func assessed(_ assessed: FolderAssessment, worker: String, at: Double, ifReadingsAre readings: String? = nil) throws -> Bool {
        try database.write { db in
            if let readings, try Self.readings(worker: worker, db) != readings {
                try markDirty(worker, db)
                return false
            }
            let decisions = assessed.documents.map(\.item.outcome.decision)
            try Self.noteState(
                worker, at: at, meets: assessed.assessment.meetsCPDRequirements, total: assessed.assessment.totals.total.description, note: nil,
                review: decisions.count { $0 == .review }, refused: decisions.count { $0 == .refused }, db)
            return true
        }
    }

    /// The worker has no forms, for the reason `note` gives (not in the register, blocked).
    public func notAssessed(worker: String, at: Double, note: String) throws {
        try database.write { db in try Self.noteState(worker, at: at, meets: nil, total: nil, note: note, review: nil, refused: nil, db) }
    }

    private static func noteState(
        _ worker: String, at: Double, meets: Bool?, total: String?, note: String?, review: Int?, refused: Int?, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO workerState (worker, dirty, lastAssessed, meets, total, note, reviewCount, refusedCount) VALUES (?, 0, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(worker) DO UPDATE SET dirty = 0, lastAssessed = excluded.lastAssessed, meets = excluded.meets,
                total = excluded.total, note = excluded.note, reviewCount = excluded.reviewCount, refusedCount = excluded.refusedCount
                """, arguments: [worker, at, meets, total, note, review, refused])
    }

    /// What the worker's assessment is made from: every file's path, content and status, as one
    /// text to compare. The review workspace re-assesses a worker after a correction and notes
    /// it as the watch's own only while this is unchanged.
    public func readings(worker: String) throws -> String {
        try database.read { db in try Self.readings(worker: worker, db) }
    }

    private static func readings(worker: String, _ db: Database) throws -> String {
        try Row.fetchAll(db, sql: "SELECT path, sha256, status, attempts FROM watchedFile WHERE worker = ? ORDER BY path", arguments: [worker])
            .map { "\($0["path"] as String)|\(($0["sha256"] as String?) ?? "")|\($0["status"] as String)|\($0["attempts"] as Int)" }
            .joined(separator: "\n")
    }

    /// The worker's forms could not be written: said in the status, and tried again next round.
    public func formsFailed(worker: String, reason: String) throws {
        try database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO workerState (worker, dirty, note) VALUES (?, 1, ?)
                    ON CONFLICT(worker) DO UPDATE SET dirty = 1, note = excluded.note
                    """, arguments: [worker, "forms not written: \(reason)"])
        }
    }

    public func workerStates() throws -> [WorkerState] {
        try database.read { db in try WorkerState.fetchAll(db, sql: "SELECT * FROM workerState ORDER BY worker") }
    }
}

extension ExtractionRecord {
    /// The record of the same content found under another path.
    func at(_ path: String) -> ExtractionRecord {
        var record = self
        record.file = path
        return record
    }
}

/// Stored readings decoded, under the stored bytes themselves: the same bytes are the same
/// readings, so nothing kept can go stale. Bounded: past `capacity` entries it starts over.
final class DecodedReadings: Sendable {
    static let capacity = 5_000
    private let kept = Mutex<[Data: [ExtractionRecord]]>([:])

    func records(_ data: Data) throws -> [ExtractionRecord] {
        if let records = kept.withLock({ $0[data] }) { return records }
        let records = try JSONDecoder().decode([ExtractionRecord].self, from: data)
        kept.withLock { kept in
            if kept.count >= Self.capacity { kept.removeAll(keepingCapacity: true) }
            kept[data] = records
        }
        return records
    }
}
