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
    private let stopping = Stopping()

    public init(
        options: WatchOptions, store: WatchStore, intake: Intake, forms: Forms, clock: any WatchClock = SystemClock(),
        logger: Logger = Logger(label: "cpd.watch"), identify: @escaping @Sendable (String) -> WorkerIdentity?,
        confirmed: @escaping @Sendable (FolderAssessment, [String]) throws -> Void = { _, _ in }
    ) {
        self.confirmed = confirmed
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
            await wakeup.wait(timeout: min(nextRescan, try nextFileDeadline() ?? .infinity) - clock.now)
        }
        withExtendedLifetime(events) {}
        logger.info("stopped")
    }

    // MARK: Scanning

    func scan(now: Double) throws {
        let folders = (try? FileManager.default.contentsOfDirectory(at: options.inbox, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])) ?? []
        var present: Set<String> = []
        for folder in folders where (try? folder.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true && !WorkerFolder.isIgnored(folder.lastPathComponent) {
            let worker = folder.lastPathComponent
            present.insert(worker)
            let files = (try? WorkerFolder.evidenceFiles(in: folder)) ?? []
            let onDisk = files.compactMap { url -> (path: String, size: Int64, modified: Double)? in
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey]) else { return nil }
                return (url.path, Int64(values.fileSize ?? 0), values.contentModificationDate?.timeIntervalSince1970 ?? 0)
            }
            try store.reconcile(worker: worker, onDisk: onDisk, now: now)
        }
        try store.forgetWorkers(except: present)
    }

    /// When the earliest pending file settles or is due for a retry.
    func nextFileDeadline() throws -> Double? {
        try store.files().filter { $0.status == .pending }.map { $0.nextAttempt ?? $0.lastChange + options.settle }.min()
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
        // Still as it was when it settled? A file written since is left for the next round.
        guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey]),
            Int64(values.fileSize ?? -1) == file.size, values.contentModificationDate?.timeIntervalSince1970 == file.modified,
            let sha256 = try? FileDigest.sha256(of: url)
        else { return }
        let label = Self.label(sha256, url)
        if try store.reuse(for: file, sha256: sha256) {
            logger.info("content already read, reused", metadata: ["file": "\(label)"])
            return
        }
        guard let worker = identify(file.worker) else { return }
        let records = await intake.with(worker: worker.name).read(file.path, knownSHA256: sha256)
        if let error = records.first(where: { !$0.errors.isEmpty })?.errors.first {
            let age = clock.now - file.firstSeen
            if age < options.youngWindow {
                let delay = min(60, pow(2, Double(file.attempts)))
                logger.info("not readable yet, retrying", metadata: ["file": "\(label)", "in": "\(Int(delay))s"])
                logger.debug("not readable yet", metadata: ["path": "\(file.path)", "error": "\(error)"])
                try store.retry(file, at: clock.now + delay, error: error.description)
                return
            }
            logger.info("unreadable, reported until it changes", metadata: ["file": "\(label)"])
            try store.fail(file, sha256: sha256, records: records, error: error.description)
            return
        }
        logger.info("read", metadata: ["file": "\(label)", "records": "\(records.count)", "activity": "\(records.first?.activity?.rawValue ?? "unrecognized")"])
        try store.record(records, for: file, sha256: sha256)
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
            try ConfirmationOutputs.write(assessed, register: identity.details, language: options.language, to: directory, forms: forms)
            try confirmed(assessed, ["appendix2.pdf", "refusal.pdf"].map { directory.appendingPathComponent($0).path }
                .filter { FileManager.default.fileExists(atPath: $0) })
            try store.assessed(
                worker: worker, at: now, meets: assessed.assessment.meetsCPDRequirements,
                total: assessed.assessment.totals.total.description, note: nil)
            logger.info("forms rewritten", metadata: [
                "worker": "\(Self.pseudonym(worker))", "documents": "\(assessed.documents.count)",
                "meets": "\(assessed.assessment.meetsCPDRequirements)",
            ])
        }
    }

    /// A name for logs that is not the IIN: the same worker always gets the same one.
    static func pseudonym(_ worker: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in worker.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "w-" + String(hash, radix: 16).prefix(8)
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
