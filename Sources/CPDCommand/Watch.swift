import ArgumentParser
import CPDReport
import CPDRules
import FactExtraction
import Forms
import Foundation
import Intake
import Logging
import OCR
import PersonNames
import Synchronization
import Watch
import Wording
import WorkerConfirmation

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch an inbox of worker folders and keep each worker's assessment and forms up to date.",
        discussion: """
            INBOX holds one folder per worker, named by the IIN. Files dropped into it (by hand, from \
            a scanner, over a share) are read once they have settled, and the worker's forms are \
            rewritten in OUTDIR/<IIN>/ as `cpd confirm` writes them. Originals are never modified. \
            State lives in the database (--db), so a restart, even after `kill -9`, continues where \
            it stopped and never counts a file twice. SIGTERM or SIGINT stops it cleanly. Workers \
            and their target categories come from the register in the same database (`cpd register \
            import`), or from the extract --register names; each confirmation is recorded there.

            Example:
              cpd watch /srv/hr/inbox --out /srv/hr/forms --register workers.json \\
                --journals scimago.csv --recommended-journals recommended.csv
            """)

    @Argument(help: "The inbox: one folder per worker, named by the IIN.", completion: .directory)
    var inbox: String

    @Option(help: "Where each worker's forms are written (OUTDIR/<IIN>/).", completion: .directory)
    var out: String

    @Option(help: "The state database (default: $CPD_DB, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
    var db: String?

    @Option(help: "Language of the forms: ru, kk or en.")
    var lang: FormLanguage = .ru

    @Option(name: .customLong("as-of"), help: "Fixed confirmation date, YYYY-MM-DD (default: the day of each assessment).")
    var asOf: CalendarDate?

    @Option(help: "Seconds a file's size and time must stay unchanged before it is read.")
    var settle: Double = 2

    @Option(help: "Seconds between full rescans of the inbox (events or not).")
    var rescan: Double = 60

    @Option(help: "Text-recognition engines and files read at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Log what happens to each file in detail (paths included).")
    var debug = false

    @OptionGroup(title: "Whose evidence, and the journal lists")
    var context: EvidenceContextOptions

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    func validate() throws {
        guard settle >= 0, rescan > 0 else { throw ValidationError("--settle must be 0 or more and --rescan more than 0 seconds.") }
    }

    func run() async throws {
        // Caught from the first moment: a stop asked for while the watch starts up (systemd, an
        // operator) ends it as cleanly as one asked for later.
        let stopRequest = StopRequest()
        let signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { stopRequest.request() }
            source.resume()
            return source
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = debug ? .debug : .info
            return handler
        }
        let lists = try context.loadJournalLists()
        let lexicon = try context.loadLexicon()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure.cannotRead(inbox, "no such folder; the inbox must exist when the watch starts")
        }
        let path = db ?? DatabaseLocation.default
        let lock: DaemonLock
        do {
            lock = try DaemonLock(beside: path)
        } catch let held as DaemonLock.Held {
            throw CommandFailure.busy("\(held)")
        } catch let unavailable as DaemonLock.Unavailable {
            if unavailable.isReadOnly { throw CommandFailure.readOnlyDatabase(path, "\(unavailable)") }
            throw CommandFailure.cannotWrite("\(unavailable)")
        }
        // An extract is read before SQLite opens the database, whose file nothing else may open.
        let extract = try context.loadRegister()
        let store: WatchStore
        do {
            store = try WatchStore(path: path)
            try store.checkWritable()
            if try store.keepReadings(madeBy: FactExtractor.readerIdentity(lexicon)) {
                Logger(label: "cpd.watch").notice("the readers or their wordings changed since the last run: every file is read again")
            }
        } catch {
            if WatchStore.isReadOnly(error) { throw CommandFailure.readOnlyDatabase(path, "\(error)") }
            throw CommandFailure.cannotWrite("cannot open the database \(path): \(error)")
        }
        // The register's own tables in the same database, unless an extract is named.
        let register: WorkerDirectory
        if let extract { register = extract } else {
            do { register = try WorkerDirectory.database(path) } catch { throw CommandFailure(error) }
        }
        let pseudonyms: Pseudonyms
        do { pseudonyms = try Pseudonyms(beside: path) } catch { throw CommandFailure.cannotWrite("cannot keep the log key beside \(path): \(error.localizedDescription)") }
        let forms: Forms
        do { forms = try Forms() } catch { throw CommandFailure.brokenTemplates("\(error)") }
        var options = WatchOptions(inbox: URL(fileURLWithPath: inbox), output: URL(fileURLWithPath: out))
        options.settle = settle
        options.rescanInterval = rescan
        options.concurrency = jobs
        var settings = WorkerConfirmation.Settings()
        settings.language = lang
        settings.confirmationDate = asOf
        settings.interpretation = readings.interpretation
        let pool = OCRPool(size: jobs)
        defer { pool.shutDown() }
        let intake = Intake(
            options: IntakeOptions(quartiles: lists.quartiles, recommendedJournals: lists.recommended, interpretation: readings.interpretation, lexicon: lexicon),
            ocr: pool)
        let daemon = WatchDaemon(
            options: options, store: store, intake: intake, forms: forms, register: register, settings: settings, pseudonyms: pseudonyms)
        stopRequest.whenRequested { daemon.stop() }
        do {
            try await daemon.run()
        } catch let failure as WorkerDirectory.Failure {
            throw CommandFailure(failure)
        } catch {
            if WatchStore.isReadOnly(error) { throw CommandFailure.readOnlyDatabase(path, "\(error)") }
            throw error
        }
        withExtendedLifetime((signals, lock)) {}
    }
}

/// A stop asked for by a signal, remembered until there is something to stop.
private final class StopRequest: Sendable {
    private let state = Mutex<(requested: Bool, action: (@Sendable () -> Void)?)>((false, nil))

    func request() {
        let action = state.withLock { state in
            state.requested = true
            return state.action
        }
        action?()
    }

    /// Runs `action` at the request, or now if it was already made.
    func whenRequested(_ action: @escaping @Sendable () -> Void) {
        let requested = state.withLock { state in
            state.action = action
            return state.requested
        }
        if requested { action() }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show, per worker watched, the files, what is pending or failed, and the last assessment.",
        discussion: """
            Example:
              cpd status --db /var/lib/cpd/cpd.sqlite
            """)

    @Option(help: "The state database (default: $CPD_DB, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
    var db: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let path = db ?? DatabaseLocation.default
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure.cannotRead(path, "no such database; has `cpd watch` run?") }
        let store: WatchStore
        do { store = try WatchStore(path: path) } catch { throw CommandFailure.cannotRead(path, "\(error)") }
        let report = WatchStatusReport(try WatchStatus(store: store))
        print(format == .json ? encodeJSON(report) : report.text, terminator: "")
    }
}

/// Where the state database lives unless `--db` says otherwise.
enum DatabaseLocation {
    static var `default`: String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CPD_DB"], !path.isEmpty { return path }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share").path
        return URL(fileURLWithPath: data).appendingPathComponent("cpd/cpd.sqlite").path
    }
}
