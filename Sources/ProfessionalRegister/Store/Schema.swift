import CPDRules
import GRDB
import SharedDatabase

/// The register's tables, one named migration per version; a database is brought up to date
/// when it is opened. A migration, once released, is never edited: a change is a new one.
///
/// Dates are ISO 8601 text (`2026-03-31`), which SQLite orders as dates; amounts are exact (hours
/// as their decimal text, credit units as integer thousandths); the worker's columns are the
/// fields of `Fields` (`certificate.expiresOn` is `certificateExpiresOn`), in the camel case of
/// main's other tables.
enum Schema {
    /// Identifiers share `grdb_migrations` with `cpd watch`'s (`watch-v1`) in the same file.
    static let migrations: SchemaMigrations = {
        var migrations = SchemaMigrations()
        migrations.register("register-v1") { db in
            try db.create(table: "worker") { t in
                t.primaryKey("iin", .text)
                t.column("surname", .text).notNull()
                t.column("firstName", .text).notNull()
                for column in [
                    "patronymic", "placeOfBirth", "citizenship", "identityDocumentKind", "identityDocumentNumber",
                    "identityDocumentIssuedBy", "identityDocumentIssuedOn", "residence", "registrationPlace", "registrationDate",
                    "placeOfWork", "employerBIN", "position", "specialty", "certificateNumber", "certificateIssuedOn",
                    "certificateExpiresOn", "sqfLevel", "sqfLevelObtainedOn", "qualificationCategory", "targetCategory",
                    "totalService", "specialtyService", "postgraduateEducation",
                ] {
                    t.column(column, .text)
                }
            }
            // `expiring` and `blocked` are range scans on the expiry date.
            try db.create(index: "workerByCertificateExpiry", on: "worker", columns: ["certificateExpiresOn"])
            try db.create(index: "workerByEmployer", on: "worker", columns: ["employerBIN"])

            let tables: [(String, [String])] = [
                ("education", ["document", "institution", "specialty", "issuedOn"]),
                ("professionalDevelopment", ["title", "provider", "hours", "completedOn", "document"]),
                ("employment", ["hired", "dismissed", "placeOfWork", "employerBIN", "position", "orderNumber", "orderDate"]),
            ]
            for (name, columns) in tables {
                try db.create(table: name, options: .withoutRowID) { t in
                    t.column("workerIIN", .text).notNull().references("worker")
                    t.column("ordinal", .integer).notNull()
                    t.primaryKey(["workerIIN", "ordinal"])
                    for column in columns { t.column(column, .text) }
                }
            }
            // The reports of paragraph 6 start from an organisation's rows.
            try db.create(index: "employmentByEmployer", on: "employment", columns: ["employerBIN"])

            // Paragraph 9: every change, never overwritten. A null field is the record's entry.
            try db.create(table: "workerChange") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("workerIIN", .text).notNull().references("worker").indexed()
                t.column("field", .text)
                t.column("oldValue", .text)
                t.column("newValue", .text)
                t.column("changedBy", .text).notNull()
                t.column("changedAt", .text).notNull()
            }

            // Paragraph 14, item 2: the confirmations and the forms issued, with the worker.
            try db.create(table: "assessment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("workerIIN", .text).notNull().references("worker")
                t.column("confirmationDate", .text).notNull()
                t.column("targetCategory", .text).notNull()
                t.column("additionalEducationThousandths", .integer).notNull()
                t.column("nonFormalThousandths", .integer).notNull()
                t.column("meetsRequirements", .boolean).notNull()
            }
            try db.create(index: "assessmentByWorker", on: "assessment", columns: ["workerIIN", "confirmationDate"])
            try db.create(table: "issuedForm") { t in
                t.column("assessmentID", .integer).notNull().references("assessment")
                t.column("path", .text).notNull()
                t.primaryKey(["assessmentID", "path"])
            }
        }
        // Lengths of service, free text before, are years, months and days in ISO 8601
        // (`P18Y2M15D`). A text that does not read as one is cleared, and the change history keeps it.
        migrations.register("register-v2-service-lengths") { db in
            let now = Change.now()
            for column in ["totalService", "specialtyService"] {
                let rows = try Row.fetchAll(db, sql: "SELECT iin, \(column) FROM worker WHERE \(column) IS NOT NULL")
                for row in rows {
                    let iin: String = row[0]
                    let text: String = row[1]
                    let length = try? ServiceLength(parsing: text)
                    try db.execute(sql: "UPDATE worker SET \(column) = ? WHERE iin = ?", arguments: [length?.description, iin])
                    try db.execute(sql: """
                        INSERT INTO workerChange (workerIIN, field, oldValue, newValue, changedBy, changedAt) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [iin, column, text, length?.description, "cpd: lengths of service as years, months and days", now])
                }
            }
        }
        // Chapter 3 of order ҚР ДСМ-283/2020: the category certificate, the level applied for,
        // each education's track and country, and the specialty of each job.
        migrations.register("register-v3-qualification-levels") { db in
            for column in ["categoryCertificateNumber", "categoryCertificateIssuedOn", "categoryCertificateExpiresOn", "targetLevel"] {
                try db.alter(table: "worker") { t in t.add(column: column, .text) }
            }
            try db.alter(table: "education") { t in
                t.add(column: "track", .text)
                t.add(column: "country", .text)
            }
            try db.alter(table: "employment") { t in t.add(column: "specialty", .text) }
        }
        // An officer's corrections of documents read for a worker, against each document's
        // content: every one kept, the latest of each fact and of the decision in force.
        migrations.register("register-v4-corrections") { db in
            try db.create(table: "correction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("workerIIN", .text).notNull().references("worker")
                t.column("sha256", .text).notNull()
                t.column("item", .integer)
                t.column("change", .text).notNull()
                t.column("previous", .text)
                t.column("madeBy", .text).notNull()
                t.column("madeOn", .text).notNull()
                t.column("madeAt", .text).notNull()
            }
            try db.create(index: "correctionByWorker", on: "correction", columns: ["workerIIN", "sha256"])
        }
        return migrations
    }()

    /// `certificate.expiresOn` → `certificateExpiresOn`.
    static func column(_ field: String) -> String {
        let parts = field.split(separator: ".")
        return parts.enumerated().map { index, part in index == 0 ? String(part) : part.prefix(1).uppercased() + part.dropFirst() }.joined()
    }
}
