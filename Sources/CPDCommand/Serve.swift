import ArgumentParser
import CPDRules
import Foundation
import Hummingbird
import Logging
import ReviewWorkspace
import ServiceLifecycle
import Wording
import WorkerConfirmation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the officer's review workspace: workers, their documents and decisions, the forms, the register.",
        discussion: """
            A web workspace over the database `cpd watch` and `cpd register` use: the workers, sorted \
            by what needs the officer first, with Appendix 3 for each; a worker's documents with \
            the decision on each and why; the forms to print; the register's records and lists. \
            It listens on loopback unless --listen says otherwise, and shows nothing without a \
            sign-in: add accounts with `cpd user add`. Behind a TLS proxy, pass --secure-cookies.

            With --watch, the same process also watches --inbox as `cpd watch` does, with the same \
            --lang, --as-of and readings of the rules, so a correction in the workspace and the \
            watch's own assessment write the same forms; its workers come from the register in \
            the database. It holds the database's watch lock, so a separate `cpd watch` on it is \
            refused. SIGTERM or SIGINT stops both cleanly; if either fails, the other is stopped \
            and the command exits with the failure.

            Examples:
              cpd user add aigerim --role officer --db /var/lib/cpd/cpd.sqlite
              cpd serve --db /var/lib/cpd/cpd.sqlite --out /srv/hr/forms --inbox /srv/hr/inbox
              cpd serve --watch --db /var/lib/cpd/cpd.sqlite --out /srv/hr/forms --inbox /srv/hr/inbox \\
                --journals scimago.csv --recommended-journals recommended.csv
            """)

    @Option(help: "The database of the watch and the register (default: $CPD_DB, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
    var db: String?

    @Option(help: "Where the watch writes each worker's forms (its --out).", completion: .directory)
    var out: String

    @Option(help: "The watch's inbox: files an officer drops on a worker's page are written into its folder there; with --watch, this process watches it.", completion: .directory)
    var inbox: String?

    @Option(help: "Address and port to listen on.")
    var listen: String = "127.0.0.1:8080"

    @OptionGroup var form: FormSettingsOptions

    @Flag(help: "Mark cookies Secure: the workspace is reached over TLS through a proxy.")
    var secureCookies = false

    @Flag(help: "Watch --inbox in this process too, as `cpd watch` does.")
    var watch = false

    @OptionGroup(title: "The watch, with --watch")
    var running: WatchRunOptions

    @OptionGroup(title: "The watch, with --watch")
    var lists: EvidenceListOptions

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    func validate() throws {
        guard Self.address(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, for example 127.0.0.1:8080.") }
        if watch {
            guard inbox != nil else { throw ValidationError("--watch needs --inbox: the folder of worker folders to watch.") }
        } else if running.isGiven || lists.isGiven {
            throw ValidationError("--settle, --rescan, --jobs, --debug, --journals, --recommended-journals and --lexicon are the watch's: add --watch.")
        }
    }

    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        let host = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host.isEmpty ? nil : (host, port)
    }

    /// The workspace, and with --watch the watch, as the services of one group: a signal shuts
    /// the group down gracefully, and so does either service ending or failing, whose failure
    /// the group then throws.
    func run() async throws {
        let (stopRequest, signals) = StopRequest.onSignals()
        running.startLogging()
        let path = db ?? DatabaseLocation.default
        let settings = form.settings(readings)
        // The watch first: a database another watch holds is refused before anything listens.
        let watching = watch
            ? try RunningWatch(inbox: inbox!, out: out, database: path, settings: settings, options: running, lists: lists, register: nil) : nil
        var configuration = ReviewServer.Configuration(database: path, output: URL(fileURLWithPath: out))
        configuration.settings = settings
        configuration.secureCookies = secureCookies
        configuration.inbox = inbox.map { URL(fileURLWithPath: $0) }
        let server: ReviewServer
        do { server = try ReviewServer(configuration: configuration) } catch { throw CommandFailure.cannotRead(path, "\(error)") }
        let (host, port) = Self.address(listen)!
        let logger = Logger(label: "cpd.serve")
        logger.info("serving", metadata: ["address": "\(host):\(port)", "watching": "\(watching != nil)"])
        let services: [any Service] = [server.application(host: host, port: port, logger: logger)] + (watching.map { [$0] } ?? [])
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map {
                    .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
                },
                logger: logger))
        stopRequest.whenRequested { Task { await group.triggerGracefulShutdown() } }
        try await group.run()
        withExtendedLifetime(signals) {}
    }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage the review workspace's accounts.",
        discussion: """
            Accounts live in the database `cpd serve` uses. An officer reads, corrects, accepts, \
            refuses and uploads; a viewer reads and prints.

            Examples:
              cpd user add aigerim --role officer --db /var/lib/cpd/cpd.sqlite
              cpd user list --db /var/lib/cpd/cpd.sqlite
              cpd user remove aigerim --db /var/lib/cpd/cpd.sqlite
            """,
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an account: an officer corrects, accepts and refuses; a viewer only reads.",
            discussion: """
                The password (12 characters or more) is asked for without echo, or read from the \
                first line of standard input with --password-stdin. It is kept as a bcrypt hash.

                Example:
                  cpd user add aigerim --role officer --db /var/lib/cpd/cpd.sqlite
                """)

        @Argument(help: "The account's name: letters, digits, dots, hyphens, underscores.")
        var name: String

        @Option(help: "officer or viewer.")
        var role: AccountRole

        @Option(help: "The database (default: $CPD_DB, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
        var db: String?

        @Flag(help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func run() throws {
            let password: String
            if passwordStdin || isatty(STDIN_FILENO) == 0 {
                password = readLine(strippingNewline: true) ?? ""
            } else {
                guard let typed = getpass("Password for \(name): ") else { throw CommandFailure.invalidInput("no password given") }
                password = String(cString: typed)
            }
            do {
                try UserCommand.accounts(db).add(name, role: role, password: password)
            } catch let failure as Accounts.Failure {
                throw CommandFailure.invalidInput("\(failure)")
            }
            print("added \(name) (\(role.rawValue))")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts and their roles.")

        @Option(help: "The database (default: $CPD_DB, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
        var db: String?

        func run() throws {
            for account in try UserCommand.accounts(db).list() { print("\(account.name)\t\(account.role.rawValue)") }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an account and close its sessions.")

        @Argument(help: "The account's name.")
        var name: String

        @Option(help: "The database (default: $CPD_DB, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
        var db: String?

        func run() throws {
            do { try UserCommand.accounts(db).remove(name) } catch let failure as Accounts.Failure { throw CommandFailure.invalidInput("\(failure)") }
            print("removed \(name)")
        }
    }

    static func accounts(_ db: String?) throws -> Accounts {
        let path = db ?? DatabaseLocation.default
        do { return try Accounts(path: path) } catch { throw CommandFailure.cannotWrite("cannot open the database \(path): \(error)") }
    }
}

extension AccountRole: ExpressibleByArgument {}
