import Forms
import Foundation
import Testing
@testable import Watch

/// What the watch does when the inbox, a folder or the output misbehaves: it holds what it
/// cannot see, keeps one worker's fault to that worker, and never spins.
@Suite("The watch under faults, step by step")
struct InboxFaultTests {
    let worker = Shared.workers[0]
    let other = Shared.workers[1]

    func round(_ daemon: WatchDaemon, _ clock: FakeClock) async throws {
        try daemon.scan(now: clock.now)
        try await daemon.readSettledFiles()
        try daemon.reassessDueWorkers()
    }

    /// Two rounds with the settle time between: whatever was dropped is read and assessed.
    func settle(_ daemon: WatchDaemon, _ clock: FakeClock) async throws {
        try await round(daemon, clock)
        clock.advance(3)
        try await round(daemon, clock)
    }

    /// Every file of the output folder and its bytes, hidden ones included.
    func outputFiles(_ workspace: Workspace) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: workspace.output, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url) { files[String(url.path.dropFirst(workspace.output.path.count))] = data }
        }
        return files
    }

    func copyQuickFiles(of iin: String, into workspace: Workspace) throws -> [URL] {
        let folder = try workspace.folder(iin)
        let files = Shared.quickFiles(of: iin)
        for file in files { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        return files
    }

    @Test func aVanishedOrEmptiedInboxOrWorkerFolderIsHeldNotTakenForEmpty() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        _ = try copyQuickFiles(of: worker.iin, into: workspace)
        _ = try workspace.folder(other.iin)
        try await settle(daemon, clock)
        let files = try daemon.store.files()
        let forms = try outputFiles(workspace)
        #expect(!files.isEmpty && !forms.isEmpty)

        func expectHeld(_ comment: Comment) async throws {
            try await settle(daemon, clock)
            #expect(try daemon.store.files() == files, comment)
            #expect(try outputFiles(workspace) == forms, comment)
            #expect(try daemon.store.dirtyWorkers().isEmpty, comment)
        }
        let away = workspace.root.appendingPathComponent("inbox-away")
        try FileManager.default.moveItem(at: workspace.inbox, to: away)
        try await expectHeld("the inbox is gone (a share dropped)")
        try FileManager.default.createDirectory(at: workspace.inbox, withIntermediateDirectories: true)
        try await expectHeld("the inbox is an empty mount point")
        try FileManager.default.removeItem(at: workspace.inbox)
        try FileManager.default.moveItem(at: away, to: workspace.inbox)
        try await expectHeld("the inbox is back as it was")

        let folder = workspace.inbox.appendingPathComponent(worker.iin)
        let aside = workspace.root.appendingPathComponent("folder-away")
        try FileManager.default.moveItem(at: folder, to: aside)
        try await expectHeld("the worker's folder is gone")
        let status = try WatchStatus(store: daemon.store).workers.first { $0.worker == worker.iin }
        #expect(status?.problem?.contains("gone") == true)

        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try await settle(daemon, clock)
        #expect(try daemon.store.files().isEmpty, "a folder that lists without its files has lost them")
        #expect((try workspace.assessment(worker.iin)["documents"] as? [Any])?.isEmpty == true)
        #expect(try WatchStatus(store: daemon.store).workers.allSatisfy { $0.problem == nil })
    }

    @Test func aFolderThatIsNotARegisteredIINIsListedWithTheReasonAndNeverDue() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        let source = Shared.quickFiles(of: worker.iin)[0]
        for name in ["abcdefghijkl", "999999999999"] {
            try FileManager.default.copyItem(at: source, to: try workspace.folder(name).appendingPathComponent(source.lastPathComponent))
        }
        try FileManager.default.createSymbolicLink(
            at: workspace.inbox.appendingPathComponent(other.iin), withDestinationURL: try workspace.folder("elsewhere"))
        try await settle(daemon, clock)
        clock.advance(10)
        let deadline = try daemon.nextFileDeadline()
        #expect(deadline == nil || deadline! > clock.now, "nothing is due at once, so the loop sleeps")
        let problems = Dictionary(uniqueKeysWithValues: try WatchStatus(store: daemon.store).workers.map { ($0.worker, $0.problem) })
        #expect(problems["abcdefghijkl"]??.contains("not an IIN") == true)
        #expect(problems["999999999999"]??.contains("register") == true)
        #expect(problems[other.iin]??.contains("symbolic link") == true)
        #expect(WatchStatusReport(try WatchStatus(store: daemon.store)).text.contains("abcdefghijkl: the name is not an IIN"))
    }

    @Test func aFailedWriteLeavesTheOldFormSetWholeAndIsTriedAgain() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let failing = Flag()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock) { data, url in
            // A full disk, halfway through the set.
            if failing.isSet && url.lastPathComponent == "appendix2.pdf" { throw POSIXError(.ENOSPC) }
            try FormSet.writeDurably(data, url)
        }
        let files = try copyQuickFiles(of: worker.iin, into: workspace)
        try FileManager.default.removeItem(at: workspace.inbox.appendingPathComponent("\(worker.iin)/\(files[0].lastPathComponent)"))
        try await settle(daemon, clock)
        let before = try outputFiles(workspace)
        failing.set()
        try FileManager.default.copyItem(at: files[0], to: workspace.inbox.appendingPathComponent("\(worker.iin)/\(files[0].lastPathComponent)"))
        try await settle(daemon, clock)
        #expect(try outputFiles(workspace) == before, "the old set, whole, and nothing half-made beside it")
        let state = try WatchStatus(store: daemon.store).workers.first { $0.worker == worker.iin }
        #expect(state?.upToDate == false)
        #expect(state?.note?.contains("forms not written") == true)
        failing.clear()
        try await round(daemon, clock)
        #expect(try outputFiles(workspace).keys.allSatisfy { !$0.contains("/.") }, "no leftovers")
        #expect((try workspace.assessment(worker.iin)["documents"] as? [Any])?.count == files.count)
        #expect(try WatchStatus(store: daemon.store).workers.first { $0.worker == worker.iin }?.upToDate == true)
    }

    @Test func anOutputThatIsAFileOrAnOddFileNameIsThatWorkersFaultAndTheOthersGoOn() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        _ = try copyQuickFiles(of: worker.iin, into: workspace)
        let source = Shared.quickFiles(of: other.iin)[0]
        try FileManager.default.copyItem(at: source, to: try workspace.folder(other.iin).appendingPathComponent("copy\u{1}\n\u{1B}[2J.\(source.pathExtension)"))
        try Data("junk".utf8).write(to: try workspace.folder(other.iin).appendingPathComponent("bad\u{1}name.pdf"))
        try FileManager.default.createDirectory(at: workspace.output, withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: workspace.output.appendingPathComponent(worker.iin))
        try await settle(daemon, clock)
        let status = try WatchStatus(store: daemon.store).workers
        #expect(status.first { $0.worker == worker.iin }?.note?.contains("it is a file") == true)
        #expect((try workspace.assessment(other.iin)["documents"] as? [Any])?.count == 2, "the other worker's forms are written")
        let refusal = try String(contentsOf: workspace.output.appendingPathComponent("\(other.iin)/refusal.html"), encoding: .utf8)
        #expect(refusal.contains("bad\\001name.pdf"), "a name XML cannot hold is written out")
        #expect(try Data(contentsOf: workspace.output.appendingPathComponent(worker.iin)) == Data("in the way".utf8))
    }
}

extension InboxFaultTests {
    @Test func aFileThatDoesNotReadYetDoesNotHoldBackTheOthersForms() async throws {
        let workspace = try Workspace()
        let clock = FakeClock()
        let daemon = try WatchDaemon.forTests(workspace, clock: clock)
        let files = try copyQuickFiles(of: worker.iin, into: workspace)
        let pdf = try Data(contentsOf: files.first { $0.pathExtension == "pdf" }!)
        try pdf.prefix(2000).write(to: workspace.inbox.appendingPathComponent("\(worker.iin)/stalled.pdf"))
        try await settle(daemon, clock)
        #expect(try daemon.store.files().first { $0.path.hasSuffix("stalled.pdf") }?.status == .pending, "still retried")
        let documents = try #require(try workspace.assessment(worker.iin)["documents"] as? [[String: Any]])
        #expect(documents.count == files.count + 1, "the forms are written with the other files")
        let stalled = try #require(documents.first { ($0["file"] as? String)?.hasSuffix("stalled.pdf") == true })
        #expect("\(stalled)".contains("not readable yet"))
        try pdf.write(to: workspace.inbox.appendingPathComponent("\(worker.iin)/stalled.pdf"))
        try await settle(daemon, clock)
        let after = try #require(try workspace.assessment(worker.iin)["documents"] as? [[String: Any]])
        #expect(!"\(after)".contains("not readable yet"), "rewritten once it reads")
    }
}

/// A flag a test sets and clears while the watch reads it.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
    func clear() { lock.withLock { value = false } }
}
