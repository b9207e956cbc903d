import GRDB

/// Workers to rows and back, through the field catalogue: a field's text is what its column
/// holds. The first field set on row N + 1 of a table adds that row.
enum WorkerRows {
    /// The worker's fields with a column: all but the IIN (the key) and what the IIN encodes.
    static let stored = Fields.scalars.filter { !["iin", "dateOfBirth", "gender"].contains($0.name) }

    private static let insertWorker =
        "INSERT INTO worker (iin, \(stored.map { Schema.column($0.name) }.joined(separator: ", "))) VALUES (?\(String(repeating: ", ?", count: stored.count)))"
    private static let updateWorker =
        "UPDATE worker SET \(stored.map { "\(Schema.column($0.name)) = ?" }.joined(separator: ", ")) WHERE iin = ?"

    static func insert(_ worker: Worker, _ db: Database) throws {
        try db.cachedStatement(sql: insertWorker).execute(arguments: StatementArguments(([worker.iin.digits] + stored.map { $0.get(worker) }).map(\.databaseValue)))
        for table in Fields.tables { try insertRows(table, of: worker, db) }
    }

    /// Rewrites the worker's row, and the tables that differ from `old`.
    static func update(_ worker: Worker, from old: Worker, _ db: Database) throws {
        try db.cachedStatement(sql: updateWorker).execute(arguments: StatementArguments((stored.map { $0.get(worker) } + [worker.iin.digits]).map(\.databaseValue)))
        for table in Fields.tables where table.rows(of: worker) != table.rows(of: old) {
            try db.execute(sql: "DELETE FROM \(table.name) WHERE workerIIN = ?", arguments: [worker.iin.digits])
            try insertRows(table, of: worker, db)
        }
    }

    private static func insertRows(_ table: Table, of worker: Worker, _ db: Database) throws {
        let rows = table.rows(of: worker)
        guard !rows.isEmpty else { return }
        let columns = table.fields.map(Schema.column)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO \(table.name) (workerIIN, ordinal, \(columns.joined(separator: ", "))) \
            VALUES (?, ?\(String(repeating: ", ?", count: columns.count)))
            """)
        for (index, cells) in rows.enumerated() {
            let arguments: [(any DatabaseValueConvertible)?] = [worker.iin.digits, index + 1] + cells
            try statement.execute(arguments: StatementArguments(arguments))
        }
    }

    static func fetch(_ iin: IIN, _ db: Database) throws -> Worker? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM worker WHERE iin = ?"), arguments: [iin.digits]) else {
            return nil
        }
        var worker = try worker(iin, row)
        for table in Fields.tables {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.name) WHERE workerIIN = ? ORDER BY ordinal", arguments: [iin.digits])
            for (index, row) in rows.enumerated() { try fill(table, row: index + 1, from: row, into: &worker) }
        }
        return worker
    }

    /// Every worker, by IIN: the tables are read whole, once each, not worker by worker.
    static func fetchAll(_ db: Database) throws -> [Worker] {
        var workers: [String: Worker] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM worker") {
            let worker = try worker(try IIN(row["iin"]), row)
            workers[worker.iin.digits] = worker
        }
        for table in Fields.tables {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.name) ORDER BY workerIIN, ordinal") {
                let iin: String = row["workerIIN"]
                guard var worker = workers[iin] else { continue }
                try fill(table, row: table.rowCount(of: worker) + 1, from: row, into: &worker)
                workers[iin] = worker
            }
        }
        return workers.values.sorted { $0.iin < $1.iin }
    }

    private static func worker(_ iin: IIN, _ row: Row) throws -> Worker {
        var worker = Worker(iin: iin, surname: "", firstName: "")
        for field in stored { try setStored(field.name, row[Schema.column(field.name)], &worker) }
        return worker
    }

    private static func fill(_ table: Table, row: Int, from stored: Row, into worker: inout Worker) throws {
        for field in table.fields {
            try setStored("\(table.name)[\(row)].\(field)", stored[Schema.column(field)], &worker)
        }
    }

    /// A stored value that no longer reads is a damaged database, not a user's mistake.
    private static func setStored(_ path: String, _ text: String?, _ worker: inout Worker) throws {
        do {
            try Fields.set(path, to: text, in: &worker)
        } catch {
            throw RegisterStoreError.damaged("the stored \(path) \(error.message)")
        }
    }
}
