import Foundation
import GRDB
import Testing

/// The watch shares its database with `cpd status` and `cpd register`, and with nobody else's
/// watch.
extension WatchProcessTests {
    /// The status as JSON, or nil while it does not read.
    func status(database: URL? = nil) throws -> [[String: Any]]? {
        try JSONSerialization.jsonObject(with: run(["status", "--db", (database ?? workspace.database).path, "--format", "json"])) as? [[String: Any]]
    }

    /// Waits until `done` holds of the status, or records an issue after `timeout` seconds.
    func waitForStatus(database: URL? = nil, timeout: Double = 120, _ done: ([[String: Any]]) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try? status(database: database), done(status) { return }
            try await Task.sleep(for: .milliseconds(300))
        }
        Issue.record("the status did not come to the expected state within \(timeout) s")
    }

    /// A watch whose workers come from the register in its own database.
    func startOnTheDatabaseRegister() throws -> Process {
        _ = try run(["register", "import", Shared.register.path, "--db", workspace.database.path, "--by", "test"])
        let process = Process()
        process.executableURL = Self.executable
        var arguments = arguments(output: workspace.output, database: workspace.database)
        let index = arguments.firstIndex(of: "--register")!
        arguments.removeSubrange(index...index + 1)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func statusBesideTheWatchKeepsItsJournalSoLaterWritesSurvive() async throws {
        let worker = Shared.workers[0]
        let files = Shared.quickFiles(of: worker.iin)
        let folder = try workspace.folder(worker.iin)
        try FileManager.default.copyItem(at: files[0], to: folder.appendingPathComponent(files[0].lastPathComponent))
        let daemon = try startOnTheDatabaseRegister()
        defer { kill(daemon.processIdentifier, SIGKILL); daemon.waitUntilExit() }
        try await waitForStatus(timeout: 60) { $0.first?["files"] as? Int == 1 && $0.first?["upToDate"] as? Bool == true }
        for _ in 0..<5 { _ = try status() }
        #expect(FileManager.default.fileExists(atPath: workspace.database.path + "-wal"), "the journal is the watch's while it runs")
        try FileManager.default.copyItem(at: files[1], to: folder.appendingPathComponent(files[1].lastPathComponent))
        try await waitForStatus(timeout: 30) { $0.first?["files"] as? Int == 2 && $0.first?["upToDate"] as? Bool == true }
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()
        let after = try #require(try status())
        #expect(after.first?["files"] as? Int == 2 && after.first?["pending"] as? Int == 0, "what the watch wrote is in the database after kill -9")
        let assessed = try #require(after.first?["lastAssessed"] as? String)
        #expect(ISO8601DateFormatter().date(from: assessed) != nil, "\(assessed) is ISO 8601")
    }

    /// systemd may stop the service while it still waits for its database (a register import
    /// holding it): SIGTERM then is a clean stop too, not a death by signal.
    @Test func aStopAskedForWhileTheWatchStartsIsACleanExit() async throws {
        _ = try run(["status", "--db", workspace.database.path])
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: workspace.database.path, configuration: configuration)
        try await holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        let daemon = try start()
        try await Task.sleep(for: .milliseconds(500))
        kill(daemon.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(200))
        try await holder.writeWithoutTransaction { try $0.execute(sql: "COMMIT") }
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
    }

    @Test func aSecondWatchOnTheSameDatabaseSaysWhoHoldsItAndExits75() async throws {
        let first = try start()
        defer { first.terminate(); first.waitUntilExit() }
        try await waitForStatus(timeout: 30) { _ in true }
        let second = Process()
        second.executableURL = Self.executable
        second.arguments = arguments(output: workspace.output, database: workspace.database)
        let errors = workspace.root.appendingPathComponent("second.err")
        try Data().write(to: errors)
        second.standardError = try FileHandle(forWritingTo: errors)
        second.standardOutput = FileHandle.nullDevice
        try second.run()
        let deadline = Date().addingTimeInterval(20)
        while second.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        if second.isRunning {
            kill(second.processIdentifier, SIGKILL)
            Issue.record("the second watch kept running")
        }
        second.waitUntilExit()
        let message = try String(contentsOf: errors, encoding: .utf8)
        #expect(second.terminationStatus == 75)
        #expect(message.contains("pid \(first.processIdentifier)"), "\(message)")
    }
}

/// A database the watch's user cannot write: one clear error and exit 77, which the systemd
/// unit does not restart, instead of exit 1 at every start.
extension WatchProcessTests {
    /// Runs the watch as `nobody` (the tests run as root, whom permissions do not stop).
    func runAsNobody(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.executable.path] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aReadOnlyDatabaseIsOneClearErrorWithItsOwnExitCode() throws {
        let folder = workspace.root.appendingPathComponent("state")
        let database = folder.appendingPathComponent("cpd.sqlite")
        _ = try run(["register", "import", Shared.register.path, "--db", database.path, "--by", "test"])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.root.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.inbox.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database.path)
        var arguments = arguments(output: workspace.output, database: database)
        let index = arguments.firstIndex(of: "--register")!
        arguments.removeSubrange(index...index + 1)
        for mode in [0o755, 0o777] {  // the folder read-only too, or only the file
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: folder.path)
            let result = try runAsNobody(arguments)
            #expect(result.status == 77, "folder \(String(mode, radix: 8)): \(result.stderr)")
            #expect(result.stderr.contains("cannot be written"), "\(result.stderr)")
        }
    }
}

/// Folders the watch does not take: it says why, and sleeps.
extension WatchProcessTests {
    /// User and system CPU seconds the process has used, from /proc.
    func cpuSeconds(_ pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.range(of: ")")!.upperBound...].split(separator: " ")
        return (Double(fields[11])! + Double(fields[12])!) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    @Test func aFolderNotNamedByARegisteredIINLeavesTheWatchIdleAndIsListed() async throws {
        let source = Shared.quickFiles(of: Shared.workers[0].iin)[0]
        for name in ["abcdefghijkl", "999999999999"] {
            try FileManager.default.copyItem(at: source, to: try workspace.folder(name).appendingPathComponent(source.lastPathComponent))
        }
        let daemon = try start()
        defer { daemon.terminate(); daemon.waitUntilExit() }
        try await waitForStatus(timeout: 30) { $0.count == 2 }
        let before = try cpuSeconds(daemon.processIdentifier)
        try await Task.sleep(for: .seconds(3))
        let used = try cpuSeconds(daemon.processIdentifier) - before
        #expect(used < 0.5, "\(used) s of CPU in 3 s: the watch should sleep")
        let problems = try #require(try status()).compactMap { $0["problem"] as? String }
        #expect(problems.count == 2 && problems.contains { $0.contains("not an IIN") } && problems.contains { $0.contains("register") })
    }

    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func anUnreadableWorkerFolderIsListedAndHeldWhileTheOthersGoOn() async throws {
        // The watch runs as `nobody`, whom the folder's permissions stop.
        let state = workspace.root.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        for path in [workspace.root.path, workspace.inbox.path] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: state.path)
        let readable = Shared.workers[0], unreadable = Shared.workers[1]
        for worker in [readable, unreadable] {
            let folder = try workspace.folder(worker.iin)
            let file = Shared.quickFiles(of: worker.iin)[0]
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: folder.appendingPathComponent(file.lastPathComponent).path)
            try FileManager.default.setAttributes([.posixPermissions: worker.iin == unreadable.iin ? 0o000 : 0o755], ofItemAtPath: folder.path)
        }
        let database = state.appendingPathComponent("cpd.sqlite")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.executable.path]
            + arguments(output: state.appendingPathComponent("forms"), database: database)
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: workspace.inbox.appendingPathComponent(unreadable.iin).path)
        }
        try await waitForStatus(database: database, timeout: 60) { status in
            status.contains { $0["worker"] as? String == readable.iin && $0["upToDate"] as? Bool == true && $0["files"] as? Int == 1 }
            && status.contains { $0["worker"] as? String == unreadable.iin && ($0["problem"] as? String)?.contains("cannot be read") == true }
        }
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("forms/\(unreadable.iin)").path), "no 0-CU forms")
    }
}
