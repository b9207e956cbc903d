import CPDRules
import Confirmation
import Forms
import Foundation
import Intake
import Logging
import PersonNames
import WorkerConfirmation

/// The time the watch runs by: real for the daemon, a fake in tests. Its day is the day of each
/// assessment, unless the confirmation date is fixed.
public protocol WatchClock: CalendarClock {
    /// Seconds since 1970.
    var now: Double { get }
}

extension WatchClock {
    public var today: CalendarDate { CalendarDate(localDay: Date(timeIntervalSince1970: now)) }
}

public struct SystemClock: WatchClock {
    public init() {}
    public var now: Double { Date().timeIntervalSince1970 }
}

public struct WatchOptions: Sendable {
    public var inbox: URL
    public var output: URL
    /// A file is read once its size and modification time have not changed for this long.
    public var settle: Double = 2
    /// Every this many seconds the whole inbox is scanned, events or not.
    public var rescanInterval: Double = 60
    /// A file that does not read within this long of first being seen is failed, not retried.
    public var youngWindow: Double = 300
    public var concurrency: Int = ProcessInfo.processInfo.activeProcessorCount

    public init(inbox: URL, output: URL) {
        self.inbox = inbox
        self.output = output
    }
}

/// Turns an inbox of worker folders (named by IIN) into each worker's assessment and forms in
/// `output/<IIN>/`, and keeps them up to date. Originals are only ever read. Work is keyed by
/// content: a renamed or copied file is not read again, a changed one is.
public final class WatchDaemon: Sendable {
    let options: WatchOptions
    let store: WatchStore
    let intake: Intake
    let forms: Forms
    /// Who each folder's worker is, and the steps of a confirmation: the same as `cpd confirm`'s.
    let confirmation: WorkerConfirmation
    let clock: any WatchClock
    let wakeup = Wakeup()
    let logger: Logger
    let pseudonyms: Pseudonyms
    /// Writes each file of a form set: the disk, or a failure a test injects.
    let writeFile: FormSet.FileWriter
    private let stopping = Stopping()

    /// `register` and `settings` set up the confirmation, on the watch's `clock`.
    public init(
        options: WatchOptions, store: WatchStore, intake: Intake, forms: Forms, register: any WorkerRegister,
        settings: WorkerConfirmation.Settings = .init(), clock: any WatchClock = SystemClock(),
        logger: Logger = Logger(label: "cpd.watch"), pseudonyms: Pseudonyms = .random(),
        writeFile: @escaping FormSet.FileWriter = FormSet.writeDurably
    ) {
        confirmation = WorkerConfirmation(register: register, settings: settings, clock: clock)
        self.pseudonyms = pseudonyms
        self.writeFile = writeFile
        self.options = options
        self.store = store
        self.intake = intake
        self.forms = forms
        self.clock = clock
        self.logger = logger
    }

    /// Asks the loop to finish the work in hand and return.
    public func stop() {
        stopping.set()
        wakeup.signal()
    }

    /// Runs until `stop()`: scan, read what has settled, re-assess the workers whose evidence
    /// changed, then sleep until an event, a retry or the next rescan.
    public func run() async throws {
        let events = InotifyEvents(inbox: options.inbox, wakeup: wakeup)
        if events == nil { logger.warning("inotify unavailable: changes are found by rescanning only") }
        logger.info("watching", metadata: ["settle": "\(options.settle)", "rescan": "\(options.rescanInterval)"])
        FormSet.removeLeftovers(in: options.output)
        var nextRescan = 0.0
        while !stopping.isSet {
            let now = clock.now
            // Events say something changed; what changed is found by looking, which also
            // covers network shares and dropped events. A scan only stats files.
            try scan(now: now)
            if now >= nextRescan { nextRescan = now + options.rescanInterval }
            try await readSettledFiles()
            try reassessDueWorkers()
            guard !stopping.isSet else { break }
            // Never less than a tenth of a second: whatever is due now was just done.
            await wakeup.wait(timeout: max(0.1, min(nextRescan, try nextFileDeadline() ?? .infinity) - clock.now))
        }
        withExtendedLifetime(events) {}
        logger.info("stopped")
    }

    // MARK: Scanning

    /// Brings the store in line with the inbox. What cannot be seen is held as it was, never
    /// taken for empty: an inbox that cannot be listed or lists no folders while workers had
    /// files (a share that dropped, an unmounted disk), a worker folder that is gone or cannot
    /// be listed. A worker's files count as removed only when its folder lists without them.
    func scan(now: Double) throws {
        let entries: [URL]
        do {
            entries = try FileManager.default.contentsOfDirectory(
                at: options.inbox, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
        } catch {
            logger.warning("the inbox cannot be listed: holding every worker as it was until it can", metadata: ["error": "\(error.localizedDescription)"])
            return
        }
        var problems: [String: String] = [:]
        var folders: [(worker: String, url: URL)] = []
        var subfolders = 0
        for entry in entries where !WorkerFolder.isIgnored(entry.lastPathComponent) {
            let name = entry.lastPathComponent
            let values = try? entry.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true {
                problems[name] = "a symbolic link, not a folder: not followed, nothing in it is read"
                continue
            }
            guard values?.isDirectory == true else { continue }
            subfolders += 1
            guard confirmation.isRegistered(name) else {
                problems[name] = WorkerFolder.isIINShaped(name)
                    ? "no worker with this IIN in the register: nothing in it is read"
                    : "the name is not an IIN (12 digits): nothing in it is read"
                continue
            }
            folders.append((name, entry))
        }
        let known = try store.workers()
        if subfolders == 0 && !known.isEmpty {
            logger.warning("the inbox has no folders, but workers had files: holding them as they were until it has")
            return
        }
        for (worker, folder) in folders {
            let files: [URL]
            do {
                files = try WorkerFolder.evidenceFiles(in: folder)
            } catch {
                problems[worker] = "the folder cannot be read (\(error.localizedDescription)): its files are held as they were"
                continue
            }
            let onDisk = files.compactMap { url -> (path: String, size: Int64, modified: Double)? in
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey]) else { return nil }
                return (url.path, Int64(values.fileSize ?? 0), values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            }
            try store.reconcile(worker: worker, onDisk: onDisk, now: now)
        }
        let present = Set(folders.map(\.worker))
        for worker in known where !present.contains(worker) && problems[worker] == nil {
            problems[worker] = "the folder is gone: its files and forms are held as they were"
        }
        try store.setInboxProblems(problems)
    }

    /// When the earliest pending file of a worker to be assessed settles or is due for a retry;
    /// files of folders the register does not know, or blocks, wait for no time.
    func nextFileDeadline() throws -> Double? {
        let toRead = workersToRead()
        return try store.files().filter { $0.status == .pending && toRead($0.worker) }
            .map { $0.nextAttempt ?? $0.lastChange + options.settle }.min()
    }

    /// Whether a worker's files are to be read: the register knows the worker and does not block
    /// the record. Asked once per worker: a register database answers each question with a query.
    func workersToRead() -> (String) -> Bool {
        var known: [String: Bool] = [:]
        return { worker in
            if let answer = known[worker] { return answer }
            let answer = (try? self.confirmation.worker(iin: worker)) != nil
            known[worker] = answer
            return answer
        }
    }

    // MARK: Reading

    func readSettledFiles() async throws {
        let now = clock.now
        let toRead = workersToRead()
        let ready = try store.files().filter { file in
            file.status == .pending && now - file.lastChange >= options.settle && (file.nextAttempt ?? 0) <= now && toRead(file.worker)
        }
        guard !ready.isEmpty else { return }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var queue = ready[...]
            func startNext() {
                guard !stopping.isSet, let file = queue.popFirst() else { return }
                group.addTask { try await self.read(file) }
            }
            for _ in 0..<max(1, options.concurrency) { startNext() }
            while try await group.next() != nil { startNext() }
        }
    }

    /// Reads one settled file, unless its content was read before; a young file that does not
    /// read yet is retried with backoff, an old one is failed until it changes.
    func read(_ file: WatchStore.File) async throws {
        let url = URL(fileURLWithPath: file.path)
        // Still as it was when it settled? A file written or removed since is left to the next scan.
        guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey]),
            Int64(values.fileSize ?? -1) == file.size, values.contentModificationDate?.timeIntervalSince1970 == file.modified
        else {
            try store.postpone(file, until: clock.now + options.settle)
            return
        }
        let sha256: String
        do {
            sha256 = try FileDigest.sha256(of: url)
        } catch {
            // Listed but not openable (permissions, a share's hiccup): as a file that does not read.
            var record = ExtractionRecord(file: file.path, sha256: "unopened:\(file.path)")
            record.errors = [.cannotOpen(error.localizedDescription)]
            try notReadable(file, sha256: record.sha256, records: [record], label: "unopened.\(url.pathExtension.lowercased())")
            return
        }
        let label = Self.label(sha256, url)
        if try store.reuse(for: file, sha256: sha256) {
            logger.info("content already read, reused", metadata: ["file": "\(label)"])
            return
        }
        guard let worker = try? confirmation.worker(iin: file.worker) else { return }
        let records = await intake.with(worker: worker.name).read(file.path, knownSHA256: sha256)
        if records.contains(where: { !$0.errors.isEmpty }) {
            try notReadable(file, sha256: sha256, records: records, label: label)
            return
        }
        logger.info("read", metadata: ["file": "\(label)", "records": "\(records.count)", "activity": "\(records.first?.activity?.rawValue ?? "unrecognized")"])
        try store.record(records, for: file, sha256: sha256)
    }

    /// A young file that does not read yet is retried with backoff; an old one is failed, and
    /// reported until it changes.
    private func notReadable(_ file: WatchStore.File, sha256: String, records: [ExtractionRecord], label: String) throws {
        let error = records.lazy.flatMap(\.errors).first.map(\.description) ?? "unreadable"
        if clock.now - file.firstSeen < options.youngWindow {
            let delay = min(60, pow(2, Double(file.attempts)))
            logger.info("not readable yet, retrying", metadata: ["file": "\(label)", "in": "\(Int(delay))s"])
            logger.debug("not readable yet", metadata: ["path": "\(file.path)", "error": "\(error)"])
            try store.retry(file, at: clock.now + delay, error: error)
            return
        }
        logger.info("unreadable, reported until it changes", metadata: ["file": "\(label)"])
        try store.fail(file, sha256: sha256, records: records, error: error)
    }

    // MARK: Assessing

    /// Re-assesses every worker whose evidence changed and has nothing left to read, and
    /// rewrites the worker's forms; a worker the register does not know or blocks is noted.
    func reassessDueWorkers() throws {
        for folder in try store.dirtyWorkers() where !stopping.isSet {
            let now = clock.now
            let worker: WorkerConfirmation.Worker
            do {
                worker = try confirmation.worker(iin: folder)
            } catch {
                try store.notAssessed(worker: folder, at: now, note: Self.note(error))
                continue
            }
            guard try !store.hasPending(worker: folder) else { continue }
            let confirmed: WorkerConfirmation.Confirmed
            do {
                confirmed = try confirmation.confirm(
                    worker, records: try store.records(worker: folder),
                    writing: (forms, .formSet(options.output.appendingPathComponent(folder), writeFile: writeFile)))
            } catch let failure as WorkerConfirmation.FormsNotWritten {
                // A fault of this worker's forms (a full disk, OUT/<IIN> a file) is this worker's:
                // reported in the status and tried again next round, while the others go on.
                logger.error("forms not written", metadata: ["worker": "\(pseudonyms.name(folder))", "error": "\(failure)"])
                try store.formsFailed(worker: folder, reason: "\(failure)")
                continue
            }
            let assessed = confirmed.assessment
            try store.assessed(assessed, worker: folder, at: now)
            logger.info("forms rewritten", metadata: [
                "worker": "\(pseudonyms.name(folder))", "documents": "\(assessed.documents.count)",
                "meets": "\(assessed.assessment.meetsCPDRequirements)",
            ])
        }
    }

    /// Why a worker has no forms, as `cpd status` shows it.
    static func note(_ stop: WorkerConfirmation.Stop) -> String {
        switch stop {
        case .noWorker, .notInRegister: "not in the register"
        case .blocked(let expired): "blocked: the certificate expired on \(expired)"
        case .noTargetCategory: "no target category in the register"
        }
    }

    /// A file as logs name it at info level: its content hash and kind, never its name.
    static func label(_ sha256: String, _ url: URL) -> String { "\(sha256.prefix(12)).\(url.pathExtension.lowercased())" }
}

/// A flag set once, read from any task.
final class Stopping: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
