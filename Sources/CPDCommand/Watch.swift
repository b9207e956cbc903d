import ArgumentParser
import CPDReport
import Foundation
import Watch

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
            import`), or from the extract --register names; each confirmation is recorded there. \
            `cpd serve --watch` runs this same watch and the review workspace in one process.

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

    @OptionGroup var form: FormSettingsOptions

    @OptionGroup var running: WatchRunOptions

    @OptionGroup(title: "Whose evidence, and the journal lists")
    var context: EvidenceContextOptions

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    func run() async throws {
        let (stopRequest, signals) = StopRequest.onSignals()
        running.startLogging()
        let watch = try RunningWatch(
            inbox: inbox, out: out, database: db ?? DatabaseLocation.default, settings: form.settings(readings), options: running,
            lists: context.lists, register: context.register)
        stopRequest.whenRequested { watch.stop() }
        try await watch.run()
        withExtendedLifetime(signals) {}
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
