import CPDRules
import Confirmation
import Forms
import Foundation
import Intake
import Logging
import PersonNames

/// Who a worker folder belongs to, as the register says: the name, the target category and
/// what the Appendix 2 form is filled from. Nil for a folder the register does not know.
public struct WorkerIdentity: Sendable {
    public let name: PersonName
    public let targetCategory: QualificationCategory?
    public let details: RegisterDetails
    /// The day the specialist certificate expired, when it has: a blocked record is not
    /// confirmed until the certificate is renewed.
    public let blockedSince: CalendarDate?

    public init(name: PersonName, targetCategory: QualificationCategory?, details: RegisterDetails, blockedSince: CalendarDate? = nil) {
        self.name = name
        self.targetCategory = targetCategory
        self.details = details
        self.blockedSince = blockedSince
    }
}

/// The time the watch runs by: real for the daemon, a fake in tests.
public protocol WatchClock: Sendable {
    /// Seconds since 1970.
    var now: Double { get }
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
    public var language: FormLanguage = .ru
    /// Fixed confirmation date; nil for the day of each assessment.
    public var confirmationDate: CalendarDate?
    public var interpretation: Interpretation = .default
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
    let identify: @Sendable (String) -> WorkerIdentity?
    /// Told of each confirmation written (the assessment and its forms' paths), for the register.
    let confirmed: @Sendable (FolderAssessment, [String]) throws -> Void
    let clock: any WatchClock
    let wakeup = Wakeup()
    let logger: Logger
    let pseudonyms: Pseudonyms
    /// Writes each file of a form set: the disk, or a failure a test injects.
    let writeFile: FormSet.FileWriter
    private let stopping = Stopping()

    public init(
        options: WatchOptions, store: WatchStore, intake: Intake, forms: Forms, clock: any WatchClock = SystemClock(),
        logger: Logger = Logger(label: "cpd.watch"), pseudonyms: Pseudonyms = .random(),
        writeFile: @escaping FormSet.FileWriter = FormSet.writeDurably,
        identify: @escaping @Sendable (String) -> WorkerIdentity?,
        confirmed: @escaping @Sendable (FolderAssessment, [String]) throws -> Void = { _, _ in }
    ) {
        self.confirmed = confirmed
        self.pseudonyms = pseudonyms
        self.writeFile = writeFile
        self.options = options
        self.store = store
        self.intake = intake
        self.forms = forms
        self.clock = clock
        self.logger = logger
        self.identify = identify
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
            guard identify(name) != nil else {
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

    /// When the earliest pending file of a registered worker settles or is due for a retry;
    /// files of folders the register does not know wait for no time.
    func nextFileDeadline() throws -> Double? {
        var known: [String: Bool] = [:]
        return try store.files().filter { file in
            guard file.status == .pending else { return false }
            if known[file.worker] == nil { known[file.worker] = identify(file.worker) != nil }
            return known[file.worker]!
        }.map { $0.nextAttempt ?? $0.lastChange + options.settle }.min()
    }

    // MARK: Reading

    func readSettledFiles() async throws {
        let now = clock.now
        // Asked once per worker: a register database answers each question with a query.
        var known: [String: Bool] = [:]
        let ready = try store.files().filter { file in
            guard file.status == .pending, now - file.lastChange >= options.settle, (file.nextAttempt ?? 0) <= now else { return false }
            if known[file.worker] == nil { known[file.worker] = identify(file.worker) != nil }
            return known[file.worker]!
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
        guard let worker = identify(file.worker) else { return }
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
    /// rewrites the worker's forms.
    func reassessDueWorkers() throws {
        for worker in try store.dirtyWorkers() where !stopping.isSet {
            guard try !store.hasPending(worker: worker) else { continue }
            let now = clock.now
            guard let identity = identify(worker) else {
                try store.assessed(worker: worker, at: now, meets: nil, total: nil, note: "not in the register")
                continue
            }
            if let expired = identity.blockedSince {
                try store.assessed(worker: worker, at: now, meets: nil, total: nil, note: "blocked: the certificate expired on \(expired)")
                continue
            }
            guard let category = identity.targetCategory else {
                try store.assessed(worker: worker, at: now, meets: nil, total: nil, note: "no target category in the register")
                continue
            }
            let date = options.confirmationDate ?? CalendarDate(localDay: Date(timeIntervalSince1970: now))
            let assessed = FolderAssessment(
                records: try store.records(worker: worker), workerIIN: worker, workerName: identity.name, confirmationDate: date,
                targetCategory: category, interpretation: options.interpretation)
            let directory = options.output.appendingPathComponent(worker)
            let files: [(name: String, data: Data)]
            do {
                // A fault of this worker's forms (a full disk, OUT/<IIN> a file) is this worker's:
                // reported in the status and tried again next round, while the others go on.
                files = try ConfirmationOutputs.files(assessed, register: identity.details, language: options.language, forms: forms)
                try FormSet.replace(directory, with: files, writeFile: writeFile)
            } catch {
                logger.error("forms not written", metadata: ["worker": "\(pseudonyms.name(worker))", "error": "\(error)"])
                try store.formsFailed(worker: worker, reason: "\(error)")
                continue
            }
            try confirmed(assessed, ["appendix2.pdf", "refusal.pdf"].filter { name in files.contains { $0.name == name } }
                .map { directory.appendingPathComponent($0).path })
            try store.assessed(
                worker: worker, at: now, meets: assessed.assessment.meetsCPDRequirements,
                total: assessed.assessment.totals.total.description, note: nil)
            logger.info("forms rewritten", metadata: [
                "worker": "\(pseudonyms.name(worker))", "documents": "\(assessed.documents.count)",
                "meets": "\(assessed.assessment.meetsCPDRequirements)",
            ])
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

extension CalendarDate {
    /// The day `date` falls on where the HR office is (the machine's time zone).
    public init(localDay date: Date) {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        self = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
