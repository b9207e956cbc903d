import CPDRules
import Foundation
import GRDB
@testable import ProfessionalRegister
import Synchronization
import Testing

@Suite("A database written by an earlier version")
struct MigrationTests {
    /// Lengths of service typed as text before are years, months and days; a text that does not
    /// read is cleared, and the history keeps it.
    @Test func lengthsOfServiceTypedAsTextBecomeYearsMonthsAndDays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("cpd.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrations.apply(to: queue, upTo: "register-v1")
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO worker (iin, surname, firstName, totalService, specialtyService) VALUES (?, ?, ?, ?, ?)",
                    arguments: ["850314410007", "Сапарова", "Жанар", "18 лет 2 месяца 15 дней", "около десяти лет"])
            }
            try queue.close()
        }
        let register = try ProfessionalRegister(path: path)
        let iin = try IIN("850314410007")
        let worker = try #require(try register.worker(iin))
        #expect(worker.totalService == ServiceLength(years: 18, months: 2, days: 15))
        #expect(worker.specialtyService == nil)
        let changes = try register.history(of: iin).map { [$0.field, $0.oldValue, $0.newValue] }
        #expect(changes.contains(["totalService", "18 лет 2 месяца 15 дней", "P18Y2M15D"]))
        #expect(changes.contains(["specialtyService", "около десяти лет", nil]))
    }

    /// `cpd status` started while `cpd watch` creates the file: both find the tables missing, and
    /// the second must wait for the first rather than create them again ("table already exists").
    @Test func connectionsOpeningANewFileAtOnceEachFindItUpToDate() throws {
        for _ in 0..<20 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("cpd.sqlite").path
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do { _ = try ProfessionalRegister(path: path) } catch { failures.withLock { $0.append("\(error)") } }
            }
            #expect(failures.withLock { $0 } == [])
        }
    }
}
