import ArgumentParser
import CPDRules
import FactExtraction
import Forms
import Foundation
import Intake
import Logging
import OCR
import ServiceLifecycle
import Synchronization
import Watch
import Wording
import WorkerConfirmation

/// How the watch paces itself and how much it says: `cpd watch`'s options, and `cpd serve
/// --watch`'s. Unset, each takes the default its help names, so `cpd serve` can tell that one
/// was given without --watch.
struct WatchRunOptions: ParsableArguments {
    @Option(help: "Seconds a file's size and time must stay unchanged before it is read (default: 2).")
    var settle: Double?

    @Option(help: "Seconds between full rescans of the inbox, events or not (default: 60).")
    var rescan: Double?

    @Option(help: "Text-recognition engines and files read at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "Log what happens to each file in detail (paths included).")
    var debug = false

    func validate() throws {
        guard (settle ?? 0) >= 0, (rescan ?? 1) > 0 else { throw ValidationError("--settle must be 0 or more and --rescan more than 0 seconds.") }
    }

    /// Whether any of them was given.
    var isGiven: Bool { settle != nil || rescan != nil || jobs != nil || debug }

    /// Logs on standard error from here on, at debug level with --debug and info otherwise:
    /// PII (IINs, names, paths) is logged at debug level only.
    func startLogging() {
        let level: Logger.Level = debug ? .debug : .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

/// The language and the date of the forms: the watch writes them with these, and the workspace
/// rewrites them with the same after a correction, so both write the same forms.
struct FormSettingsOptions: ParsableArguments {
    @Option(help: "Language of the forms: ru, kk or en.")
    var lang: FormLanguage = .ru

    @Option(name: .customLong("as-of"), help: "Fixed confirmation date, YYYY-MM-DD (default: the day of each assessment).")
    var asOf: CalendarDate?

    /// The confirmation's settings, with the chosen readings of the rules.
    func settings(_ readings: ReadingOptions) -> WorkerConfirmation.Settings {
        var settings = WorkerConfirmation.Settings()
        settings.language = lang
        settings.confirmationDate = asOf
        settings.interpretation = readings.interpretation
        return settings
    }
}

/// The watch over an inbox, started: the inbox checked, the database's lock taken (one watch per
/// database), the database and the register opened, the readers set up. `cpd watch` runs it
/// alone; `cpd serve --watch` beside the workspace, as a service of its group. Every failure to
/// start is a `CommandFailure` with its exit code, the same whichever command starts it.
struct RunningWatch: Service {
    let daemon: WatchDaemon
    let database: String
    /// Held for as long as this value lives: while it runs, another watch on the database is refused.
    private let lock: DaemonLock
    private let pool: OCRPool

    /// - Parameter register: an extract (or another database) to take the workers from; nil for
    ///   the register's own tables in `database`.
    init(
        inbox: String, out: String, database path: String, settings: WorkerConfirmation.Settings, options: WatchRunOptions,
        lists: EvidenceListOptions, register registerPath: String?
    ) throws {
        let journals = try lists.loadJournalLists()
        let lexicon = try lists.loadLexicon()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure.cannotRead(inbox, "no such folder; the inbox must exist when the watch starts")
        }
        do {
            lock = try DaemonLock(beside: path)
        } catch let held as DaemonLock.Held {
            throw CommandFailure.busy("\(held)")
        } catch let unavailable as DaemonLock.Unavailable {
            if unavailable.isReadOnly { throw CommandFailure.readOnlyDatabase(path, "\(unavailable)") }
            throw CommandFailure.cannotWrite("\(unavailable)")
        }
        // An extract is read before SQLite opens the database, whose file nothing else may open.
        let extract = try EvidenceContextOptions.loadRegister(registerPath)
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
        let jobs = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var watchOptions = WatchOptions(inbox: URL(fileURLWithPath: inbox), output: URL(fileURLWithPath: out))
        watchOptions.settle = options.settle ?? watchOptions.settle
        watchOptions.rescanInterval = options.rescan ?? watchOptions.rescanInterval
        watchOptions.concurrency = jobs
        pool = OCRPool(size: jobs)
        let intake = Intake(
            options: IntakeOptions(
                quartiles: journals.quartiles, recommendedJournals: journals.recommended, interpretation: settings.interpretation, lexicon: lexicon),
            ocr: pool)
        daemon = WatchDaemon(
            options: watchOptions, store: store, intake: intake, forms: forms, register: register, settings: settings, pseudonyms: pseudonyms)
        database = path
    }

    /// Watches until `stop()`, a graceful shutdown of its service group, or the cancellation of
    /// its task; then the text-recognition engines are shut down.
    func run() async throws {
        defer { pool.shutDown() }
        do {
            try await withTaskCancellationHandler {
                try await withGracefulShutdownHandler {
                    try await daemon.run()
                } onGracefulShutdown: {
                    daemon.stop()
                }
            } onCancel: {
                daemon.stop()
            }
        } catch let failure as WorkerDirectory.Failure {
            throw CommandFailure(failure)
        } catch {
            if WatchStore.isReadOnly(error) { throw CommandFailure.readOnlyDatabase(database, "\(error)") }
            throw error
        }
    }

    func stop() { daemon.stop() }
}

/// A stop asked for by SIGTERM or SIGINT, remembered until there is something to stop: caught
/// from the first moment, a stop asked for while a command starts up (systemd, an operator) ends
/// it as cleanly as one asked for later.
final class StopRequest: Sendable {
    private let state = Mutex<(requested: Bool, action: (@Sendable () -> Void)?)>((false, nil))

    /// SIGTERM and SIGINT from now on no longer end the process at once, but make the request.
    /// The sources must be kept for as long as the signals are to be caught.
    static func onSignals() -> (request: StopRequest, sources: [any DispatchSourceSignal]) {
        let stopRequest = StopRequest()
        let sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { stopRequest.request() }
            source.resume()
            return source
        }
        return (stopRequest, sources)
    }

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
