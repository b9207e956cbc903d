import GRDB

/// Named schema changes, applied to a database in order, once each, by one process at a time.
///
/// `cpd watch`, `cpd status` and `cpd register` open the same file and may start at the same
/// moment. GRDB's `DatabaseMigrator` reads which migrations are applied before it takes the write
/// lock, so two processes opening a new file both create the first tables and one of them fails
/// ("table already exists"). Here the check and the changes are one `BEGIN IMMEDIATE`
/// transaction: the second process waits for the first and then finds nothing left to do.
///
/// The identifiers live in `grdb_migrations`, the table GRDB's migrator kept, so databases it
/// created carry on.
public struct SchemaMigrations: Sendable {
    public typealias Migration = @Sendable (Database) throws -> Void

    private var migrations: [(identifier: String, migrate: Migration)] = []

    public init() {}

    /// Adds the change called `identifier`. A released one is never edited: a change is a new one.
    public mutating func register(_ identifier: String, _ migrate: @escaping Migration) {
        precondition(!migrations.contains { $0.identifier == identifier }, "two schema changes called \(identifier)")
        migrations.append((identifier, migrate))
    }

    /// Applies, in one transaction, every change not yet applied, up to and including `last`
    /// (every change when nil).
    public func apply(to writer: any DatabaseWriter, upTo last: String? = nil) throws {
        var end = migrations.endIndex
        if let last {
            guard let index = migrations.firstIndex(where: { $0.identifier == last }) else { preconditionFailure("no schema change called \(last)") }
            end = index + 1
        }
        try writer.barrierWriteWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                for migration in migrations[..<end] where !applied.contains(migration.identifier) {
                    try migration.migrate(db)
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
                }
                try db.checkForeignKeys()
                return .commit
            }
        }
    }
}
