import CPDRules
import Foundation
import GRDB

/// A correction as the register keeps it: what changed, what it replaced, and when exactly.
public struct KeptCorrection: Sendable, Hashable {
    public let correction: Correction
    /// The value (or decision) the assessment showed before, as the officer saw it.
    public let previous: String?
    /// When it was made, ISO 8601 with the time (as the register's changes).
    public let madeAt: String
}

extension ProfessionalRegister {
    /// Keeps an officer's correction of one of the worker's documents.
    public func record(_ correction: Correction, previous: String?, for iin: IIN) throws(RegisterStoreError) {
        let change: String
        do { change = String(decoding: try JSONEncoder().encode(correction.change), as: UTF8.self) } catch { throw .damaged("\(error)") }
        let now = Change.now()
        try write { db in
            guard try WorkerRows.fetch(iin, db) != nil else { throw RegisterStoreError.notRegistered }
            try db.execute(
                sql: """
                    INSERT INTO correction (workerIIN, sha256, item, change, previous, madeBy, madeOn, madeAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [iin.digits, correction.sha256, correction.item, change, previous, correction.by, correction.on.description, now])
        }
    }

    /// Every correction of the worker's documents, oldest first.
    public func corrections(of iin: IIN) throws(RegisterStoreError) -> [KeptCorrection] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM correction WHERE workerIIN = ? ORDER BY id", arguments: [iin.digits]).map { row in
                guard let on = CalendarDate(row["madeOn"] as String),
                    let change = try? JSONDecoder().decode(Correction.Change.self, from: Data((row["change"] as String).utf8))
                else { throw RegisterStoreError.damaged("a correction does not read") }
                return KeptCorrection(
                    correction: Correction(sha256: row["sha256"], item: row["item"], change: change, by: row["madeBy"], on: on),
                    previous: row["previous"], madeAt: row["madeAt"])
            }
        }
    }
}
