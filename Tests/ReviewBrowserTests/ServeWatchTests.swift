import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `cpd serve --watch`: the watch and the workspace in one real process, on a temporary inbox,
/// forms folder and database with the sample register imported. No browser: the workspace is
/// asked over HTTP. The deadlines are generous: beside the rest of the suite on two cores, the
/// test's own tasks can wait a long time for a thread.
@Suite("The workspace and the watch in one process", .serialized, .timeLimit(.minutes(5)))
struct ServeWatchTests {
    static let worker = ServedWorkspace.workers[0].0
    static let file = "01_advanced-training.pdf"
    static let deadline = Duration.seconds(120)

    let root: URL
    let inbox: URL
    let output: URL
    let database: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-serve-watch-\(UUID().uuidString)")
        inbox = root.appendingPathComponent("inbox")
        output = root.appendingPathComponent("out")
        database = root.appendingPathComponent("cpd.sqlite").path
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent(Self.worker), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try ServedWorkspace.run(["register", "import", ServedWorkspace.samples.appendingPathComponent("register.json").path, "--db", database])
    }

    /// `cpd serve --watch` on `port`, its log in the temporary folder.
    func serveAndWatch(port: Int) throws -> ChildProcess {
        try ChildProcess(
            ServedWorkspace.executable.path, ServedWorkspace.serveArguments(database: database, output: output, port: port, watching: inbox),
            log: root.appendingPathComponent("serve-\(port).log"))
    }

    /// The exit status once the process has ended, or nil if it still runs after `timeout` (it
    /// is then killed).
    func exitStatus(of child: ChildProcess, within timeout: Duration) async -> (reason: Process.TerminationReason, status: Int32)? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while child.isRunning && clock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        guard !child.isRunning else {
            child.stop()
            return nil
        }
        return (child.process.terminationReason, child.process.terminationStatus)
    }

    /// The files named in the worker's assessment.json, once it lists `count` of them; nil if it
    /// has not within `timeout` or the process ended. It looks at least once, however late the
    /// task gets a thread.
    func assessedFiles(count: Int, while child: ChildProcess, timeout: Duration = Self.deadline) async -> [String]? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        let assessment = output.appendingPathComponent("\(Self.worker)/assessment.json")
        repeat {
            if let data = try? Data(contentsOf: assessment),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let documents = json["documents"] as? [[String: Any]], documents.count == count
            {
                return documents.compactMap { ($0["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
            }
            try? await Task.sleep(for: .milliseconds(200))
        } while clock.now < deadline && child.isRunning
        return nil
    }

    @Test func oneProcessWatchesTheInboxServesTheWorkspaceHoldsTheLockAndStopsOnSIGTERM() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try Loopback.freePort()
        let child = try serveAndWatch(port: port)
        defer { child.stop() }
        #expect(await Loopback.waitUntilAnswering(port: port, "/login", process: child, timeout: Self.deadline), "no answer on \(port): \(child.output)")
        let signInPage = try await LoopbackHTTP.send(port: port, "GET", "/login", timeout: 60)
        #expect(signInPage.status == 200)

        // A file dropped into the worker's folder while it runs is read and the forms written.
        try FileManager.default.copyItem(
            at: ServedWorkspace.samples.appendingPathComponent("inbox/\(Self.worker)/\(Self.file)"),
            to: inbox.appendingPathComponent("\(Self.worker)/\(Self.file)"))
        let files = await assessedFiles(count: 1, while: child)
        #expect(files == [Self.file], "\(child.output)")
        for name in ["appendix2.html", "appendix2.pdf"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(Self.worker)/\(name)").path), "\(name)")
        }
        // The workspace still answers while the watch runs.
        #expect(try await LoopbackHTTP.send(port: port, "GET", "/login", timeout: 60).status == 200)

        // A second watch on the same database is refused: this process holds its lock.
        let other = root.appendingPathComponent("other-out")
        let refused = #expect(throws: ServedWorkspace.CommandFailed.self) {
            try ServedWorkspace.run(["watch", inbox.path, "--out", other.path, "--db", database])
        }
        #expect(refused?.status == 75 && refused?.message.contains("another cpd watch") == true, "\(String(describing: refused))")

        child.process.terminate()
        let ended = await exitStatus(of: child, within: Self.deadline)
        #expect(ended?.reason == .exit && ended?.status == 0, "SIGTERM stops both cleanly: \(child.output)")
        #expect(child.output.contains("[Watch] stopped"))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func eitherSignalStopsTheWorkspaceAndTheWatch(signal: Int32) async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let port = try Loopback.freePort()
        let child = try serveAndWatch(port: port)
        defer { child.stop() }
        #expect(await Loopback.waitUntilAnswering(port: port, "/login", process: child, timeout: Self.deadline), "no answer on \(port): \(child.output)")
        kill(child.process.processIdentifier, signal)
        let ended = await exitStatus(of: child, within: Self.deadline)
        #expect(ended?.reason == .exit && ended?.status == 0, "\(child.output)")
        #expect(child.output.contains("[Watch] stopped"), "\(child.output)")
    }

    /// systemd may stop the service while the watch still waits for its database (a register
    /// import holding it), before the workspace exists: a clean stop of both too.
    @Test func aStopAskedForWhileItWaitsForTheDatabaseIsACleanExit() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: database, configuration: configuration)
        try await holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        let child = try serveAndWatch(port: try Loopback.freePort())
        defer { child.stop() }
        // The watch's lock is taken once the signals are caught, before the database is opened.
        let clock = ContinuousClock()
        let deadline = clock.now + Self.deadline
        while !FileManager.default.fileExists(atPath: database + ".lock") && child.isRunning && clock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(FileManager.default.fileExists(atPath: database + ".lock"), "\(child.output)")
        kill(child.process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(200))
        try await holder.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        let ended = await exitStatus(of: child, within: Self.deadline)
        #expect(ended?.reason == .exit && ended?.status == 0, "\(child.output)")
    }

    @Test func aWorkspaceThatCannotListenStopsTheWatchAndFails() async throws {
        defer { try? FileManager.default.removeItem(at: root) }
        // The port is taken by a socket that listens on it.
        let taken = try Loopback.boundSocket()
        defer { close(taken.socket) }
        try #require(listen(taken.socket, 1) == 0)
        let child = try serveAndWatch(port: taken.port)
        let ended = await exitStatus(of: child, within: Self.deadline)
        #expect(ended?.reason == .exit && ended.map { $0.status != 0 } == true, "\(child.output)")
        #expect(child.output.contains("Address already in use"), "\(child.output)")
        #expect(child.output.contains("[Watch] stopped"), "the watch is stopped, not abandoned: \(child.output)")
    }

    @Test func watchWithoutAnInboxIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let refused = #expect(throws: ServedWorkspace.CommandFailed.self) {
            try ServedWorkspace.run(["serve", "--watch", "--out", output.path, "--db", database])
        }
        #expect(refused?.status == 64 && refused?.message.contains("--watch needs --inbox") == true, "\(String(describing: refused))")
    }
}
