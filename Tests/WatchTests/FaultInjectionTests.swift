import Foundation
import GRDB
import Testing

extension Tag {
    /// Runs the watch process through many faults; kept to a few workers so it stays under a few minutes.
    @Tag static var slow: Self
}

/// The watch as a process, in the spirit of SQLite's crash tests: a full output disk,
/// `kill -9` at random moments with `cpd status` and `cpd register` running beside it, the inbox
/// vanishing and coming back, files with odd names and a folder that is no IIN. Afterwards the
/// database is intact, every confirmation is recorded once, and the forms equal a clean run's
/// byte for byte.
extension WatchProcessTests {
    /// The watch's arguments without `--register`: workers come from the register in its database.
    func databaseRegisterArguments(output: URL, database: URL) -> [String] {
        var arguments = arguments(output: output, database: database)
        let index = arguments.firstIndex(of: "--register")!
        arguments.removeSubrange(index...index + 1)
        return arguments
    }

    func startWatch(output: URL, database: URL) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = databaseRegisterArguments(output: output, database: database)
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `cpd` and waits for it, its output thrown away.
    static func runQuietly(_ arguments: [String]) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try? process.run()
        process.waitUntilExit()
    }

    /// Waits until every registered worker's forms are current and nothing is pending.
    func waitUntilAllCurrent(database: URL, workers: Set<String>, timeout: Double = 180) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            try await Task.sleep(for: .milliseconds(300))
            guard let status = try? status(database: database) else { continue }
            let current = status.filter { workers.contains($0["worker"] as! String) }
            if current.count == workers.count,
                current.allSatisfy({ $0["pending"] as? Int == 0 && $0["upToDate"] as? Bool == true && $0["problem"] == nil })
            { return }
        }
        Issue.record("the watch did not bring every worker up to date within \(timeout) s")
    }

    /// Mounts a tmpfs of `size` at `folder`; false where mounting is not allowed.
    static func mountTmpfs(_ folder: URL, size: String, remount: Bool = false) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = remount ? ["-o", "remount,size=\(size)", folder.path] : ["-t", "tmpfs", "-o", "size=\(size),mode=0700", "tmpfs", folder.path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func unmount(_ folder: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [folder.path]
        try? process.run()
        process.waitUntilExit()
    }

    /// Each worker's confirmations as the register keeps them, without the forms' folder.
    func confirmations(in database: URL) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: database.path)
        return try queue.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM assessment ORDER BY id")
            return Dictionary(grouping: rows, by: { $0["workerIIN"] as String }).mapValues { rows in
                rows.map { "\($0["confirmationDate"] as String) \($0["targetCategory"] as String) \($0["additionalEducationThousandths"] as Int) \($0["nonFormalThousandths"] as Int) \($0["meetsRequirements"] as Bool)" }
            }
        }
    }

    func integrityCheck(_ database: URL) throws -> String? {
        try DatabaseQueue(path: database.path).read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
    }

    @Test(.tags(.slow), .timeLimit(.minutes(8)))
    func killsFullDiskVanishingInboxAndOddNamesLoseNothingAndCountNothingTwice() async throws {
        let workers = Array(Shared.workers.prefix(4))
        for worker in workers {
            let folder = try workspace.folder(worker.iin)
            for file in Shared.quickFiles(of: worker.iin) { try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent)) }
        }
        let odd = workspace.inbox.appendingPathComponent(workers[0].iin)
        let first = Shared.quickFiles(of: workers[0].iin)[0]
        try FileManager.default.copyItem(at: first, to: odd.appendingPathComponent("copy\u{1}.\(first.pathExtension)"))
        try FileManager.default.copyItem(at: first, to: odd.appendingPathComponent("two\nlines\u{1B}[2J.\(first.pathExtension)"))
        try FileManager.default.copyItem(at: first, to: try workspace.folder("abcdefghijkl").appendingPathComponent(first.lastPathComponent))
        let iins = Set(workers.map(\.iin))
        let database = workspace.database
        Self.runQuietly(["register", "import", Shared.register.path, "--db", database.path, "--by", "test"])

        // The output on a disk too small for one worker's forms, where mounting is allowed.
        let output = workspace.root.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let mounted = Self.mountTmpfs(output, size: "8k")
        defer { if mounted { Self.unmount(output) } }
        if mounted {
            let daemon = try startWatch(output: output, database: database)
            try await waitForStatus(timeout: 120) { status in
                status.contains { ($0["note"] as? String)?.contains("forms not written") == true }
            }
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
            #expect(daemon.terminationReason == .uncaughtSignal, "a full disk is the workers' fault, not the watch's")
            #expect(Self.mountTmpfs(output, size: "64m", remount: true))
        }

        // Status and register commands beside the watch the whole time, one of them writing.
        let stop = Flag()
        let beside = Thread {
            while !stop.isSet {
                Self.runQuietly(["status", "--db", database.path, "--format", "json"])
                Self.runQuietly(["register", "show", workers[1].iin, "--db", database.path])
                Self.runQuietly(["register", "import", Shared.register.path, "--db", database.path, "--by", "test"])
            }
        }
        beside.start()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4 {
            let daemon = try startWatch(output: output, database: database)
            try await Task.sleep(for: .milliseconds(Int.random(in: 200...1500, using: &generator)))
            if round == 2 {
                // The share drops and comes back while the watch runs.
                let away = workspace.root.appendingPathComponent("inbox-away")
                try FileManager.default.moveItem(at: workspace.inbox, to: away)
                try await Task.sleep(for: .milliseconds(1500))
                try FileManager.default.createDirectory(at: workspace.inbox, withIntermediateDirectories: true)
                try await Task.sleep(for: .milliseconds(1500))
                try FileManager.default.removeItem(at: workspace.inbox)
                try FileManager.default.moveItem(at: away, to: workspace.inbox)
            }
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
        }
        let survivor = try startWatch(output: output, database: database)
        try await waitUntilAllCurrent(database: database, workers: iins)
        stop.set()
        while beside.isExecuting { try await Task.sleep(for: .milliseconds(50)) }
        survivor.terminate()
        survivor.waitUntilExit()
        #expect(survivor.terminationStatus == 0)

        let clean = workspace.root.appendingPathComponent("clean")
        let cleanDatabase = workspace.root.appendingPathComponent("clean.sqlite")
        Self.runQuietly(["register", "import", Shared.register.path, "--db", cleanDatabase.path, "--by", "test"])
        let reference = try startWatch(output: clean, database: cleanDatabase)
        try await waitUntilAllCurrent(database: cleanDatabase, workers: iins)
        reference.terminate()
        reference.waitUntilExit()

        #expect(try integrityCheck(database) == "ok")
        let recorded = try confirmations(in: database), cleanRecorded = try confirmations(in: cleanDatabase)
        #expect(recorded == cleanRecorded, "every confirmation recorded once")
        let status = try #require(try status(database: database))
        #expect(status.first { $0["worker"] as? String == "abcdefghijkl" }?["problem"] != nil)
        for worker in iins {
            let names = try FileManager.default.contentsOfDirectory(atPath: clean.appendingPathComponent(worker).path).sorted()
            #expect(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(worker).path).sorted() == names)
            for name in names {
                let faulted = try Data(contentsOf: output.appendingPathComponent("\(worker)/\(name)"))
                #expect(faulted == (try Data(contentsOf: clean.appendingPathComponent("\(worker)/\(name)"))), "\(worker)/\(name) equals a clean run's")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).allSatisfy { !$0.hasPrefix(".") }, "no half-made sets left")
    }
}
