import Foundation
import Testing
@testable import Watch
import CPDRules

/// The watch's decisions, step by step, on a fake clock: when a file is taken, what is read
/// again, what is retried and what is forgotten.
@Suite("The watch, step by step")
struct WatchDaemonTests {
    let worker = Shared.workers[0]

    /// One round of the loop without waiting: scan, read what settled, re-assess.
    func round(_ daemon: WatchDaemon, _ clock: FakeClock) async throws {
        try daemon.scan(now: clock.now)
        try await daemon.readSettledFiles()
        try daemon.reassessDueWorkers()
    }

    @Test func aFileIsTakenOnlyOnceItHasSettled() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        let source = Shared.quickFiles(of: worker.iin).first { $0.pathExtension == "pdf" }!
        let target = try workspace.folder(worker.iin).appendingPathComponent("scan.pdf")
        let bytes = try Data(contentsOf: source)
        try bytes.prefix(bytes.count / 2).write(to: target)  // half written
        try await round(daemon, clock)
        #expect(try daemon.store.files().map(\.status) == [.pending])
        clock.advance(1)
        try await round(daemon, clock)
        #expect(try daemon.store.files().map(\.status) == [.pending], "not settled yet")
        try bytes.write(to: target)  // the copy finishes: size and time change
        clock.advance(1.5)
        try await round(daemon, clock)
        #expect(try daemon.store.files().map(\.status) == [.pending], "settling starts again after a change")
        clock.advance(2)
        try await round(daemon, clock)
        #expect(try daemon.store.files().map(\.status) == [.done])
        #expect(try daemon.store.records(worker: worker.iin).first?.errors.isEmpty == true)
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("\(worker.iin)/appendix2.pdf").path))
    }

    /// A blocked record (register rules, paragraph 14, item 5) gets no forms and its files are not
    /// read, nor waited for; once the certificate is renewed they are.
    @Test func aBlockedWorkersFilesAreNotReadUntilTheCertificateIsRenewed() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let blocked = CorpusRegister(certificateExpired: [worker.iin: CalendarDate("2026-01-31")!])
        let daemon = try WatchDaemon.forTests(workspace, clock: clock, register: blocked)
        let source = Shared.quickFiles(of: worker.iin).first { $0.pathExtension == "pdf" }!
        try FileManager.default.copyItem(at: source, to: try workspace.folder(worker.iin).appendingPathComponent("certificate.pdf"))
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
        #expect(try daemon.store.files().map(\.status) == [.pending])
        #expect(try daemon.nextFileDeadline() == nil, "nothing to wait for")
        #expect(try daemon.store.workerStates().first?.note == "blocked: the certificate expired on 2026-01-31")
        #expect(!FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent(worker.iin).path))

        let renewed = try WatchDaemon.forTests(workspace, clock: clock)
        try await round(renewed, clock)
        #expect(try renewed.store.files().map(\.status) == [.done])
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("\(worker.iin)/appendix2.pdf").path))
    }

    @Test func aYoungFileThatDoesNotReadIsRetriedThenFailedThenReadWhenItChanges() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        let source = try Data(contentsOf: Shared.quickFiles(of: worker.iin).first { $0.pathExtension == "pdf" }!)
        let target = try workspace.folder(worker.iin).appendingPathComponent("stalled.pdf")
        try source.prefix(2000).write(to: target)  // a copy that stalls longer than the settle time
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
        let retried = try #require(try daemon.store.files().first)
        #expect(retried.status == .pending)
        #expect(retried.attempts == 1)
        #expect(retried.nextAttempt.map { $0 > clock.now } == true)
        clock.advance(61)  // older than the young window
        try await round(daemon, clock)
        #expect(try daemon.store.files().first?.status == .failed)
        #expect(try daemon.store.workerStates().first?.dirty == false, "a failure is reported in the forms")
        try source.write(to: target)  // replaced by a good copy
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
        #expect(try daemon.store.files().first?.status == .done)
    }

    @Test func renamedAndCopiedFilesAreNotReadAgainAndCountOnce() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        let folder = try workspace.folder(worker.iin)
        for file in Shared.quickFiles(of: worker.iin) { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
        let before = try workspace.assessment(worker.iin)
        let extractions = try await daemon.store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM extraction") }
        let first = Shared.quickFiles(of: worker.iin)[0].lastPathComponent
        try FileManager.default.moveItem(at: folder.appendingPathComponent(first), to: folder.appendingPathComponent("renamed-\(first)"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("renamed-\(first)"), to: folder.appendingPathComponent("zz-copy-\(first)"))
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
        let extractionsAfter = try await daemon.store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM extraction") }
        #expect(extractionsAfter == extractions, "nothing read twice")
        let after = try workspace.assessment(worker.iin)
        #expect((after["totals"] as? NSDictionary) == (before["totals"] as? NSDictionary), "the copy counts once")
        let documents = after["documents"] as! [[String: Any]]
        #expect(documents.filter { ($0["reasons"] as? [String])?.contains("duplicate") == true }.count
            == (before["documents"] as! [[String: Any]]).filter { ($0["reasons"] as? [String])?.contains("duplicate") == true }.count + 1)
    }

    @Test func anotherReaderReadsEveryFileAgainAndTheSameReaderNothing() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        #expect(try daemon.store.keepReadings(madeBy: "facts-1/lexicon-a") == false, "a new database has no readings to forget")
        let folder = try workspace.folder(worker.iin)
        for file in Shared.quickFiles(of: worker.iin) { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
        func extractions() async throws -> Int? { try await daemon.store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM extraction") } }
        let read = try await extractions()
        #expect(read ?? 0 > 0)
        #expect(try daemon.store.keepReadings(madeBy: "facts-1/lexicon-a") == false)
        #expect(try await extractions() == read, "the same reader keeps its readings")
        #expect(try daemon.store.keepReadings(madeBy: "facts-2/lexicon-b") == true)
        #expect(try await extractions() == 0)
        #expect(try daemon.store.files().allSatisfy { $0.status == .pending })
        clock.advance(3)
        try await round(daemon, clock)
        #expect(try await extractions() == read, "every file read again")
        #expect(try daemon.store.files().allSatisfy { $0.status == .done })
    }

    @Test func aDeletedFileLeavesTheAssessment() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        let folder = try workspace.folder(worker.iin)
        let files = Shared.quickFiles(of: worker.iin)
        for file in files { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(files[0].lastPathComponent))
        try await round(daemon, clock)
        let documents = try workspace.assessment(worker.iin)["documents"] as! [[String: Any]]
        #expect(documents.count == files.count - 1)
        #expect(!documents.contains { ($0["file"] as? String)?.hasSuffix(files[0].lastPathComponent) == true })
    }

    @Test func temporaryAndSystemFilesAreIgnored() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        let folder = try workspace.folder(worker.iin)
        for name in ["~$lock.docx", ".hidden.pdf", "scan.pdf.part", "Thumbs.db", "download.crdownload", "x.tmp"] {
            try Data("junk".utf8).write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("@eaDir"), withIntermediateDirectories: true)
        try Data("junk".utf8).write(to: folder.appendingPathComponent("@eaDir/thumb.jpg"))
        try await round(daemon, clock)
        #expect(try daemon.store.files().isEmpty)
    }

    @Test func logsNameNeitherTheWorkerNorTheFile() throws {
        let workspace = try Workspace()
        let pseudonyms = try Pseudonyms(beside: workspace.database.path)
        let name = pseudonyms.name("850314410007")
        #expect(name == pseudonyms.name("850314410007"))
        #expect(name.count == 14 && !name.contains("850314410007"))
        #expect(try Pseudonyms(beside: workspace.database.path).name("850314410007") == name, "the key is kept")
        #expect(Pseudonyms.random().name("850314410007") != name, "another key gives other names")
        let key = try FileManager.default.attributesOfItem(atPath: workspace.database.path + ".key")
        #expect((key[.posixPermissions] as? Int) == 0o600)
        #expect(WatchDaemon.label("abcdef0123456789", URL(fileURLWithPath: "/inbox/Иванова Мадина.pdf")) == "abcdef012345.pdf")
    }
}
