import ArgumentParser
import CPDRules
import Foundation
import Hummingbird
import Logging
import ReviewWorkspace
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

            Example:
              cpd user add aigerim --role officer --db /var/lib/cpd/cpd.sqlite
              cpd serve --db /var/lib/cpd/cpd.sqlite --out /srv/hr/forms --inbox /srv/hr/inbox
            """)

    @Option(help: "The database of the watch and the register (default: $CPD_DB, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
    var db: String?

    @Option(help: "Where the watch writes each worker's forms (its --out).", completion: .directory)
    var out: String

    @Option(help: "The watch's inbox: files an officer drops on a worker's page are written into its folder there.", completion: .directory)
    var inbox: String?

    @Option(help: "Address and port to listen on.")
    var listen: String = "127.0.0.1:8080"

    @Option(help: "Language of the forms rewritten after a correction, as the watch's --lang: ru, kk or en.")
    var lang: FormLanguage = .ru

    @Option(name: .customLong("as-of"), help: "Fixed confirmation date, YYYY-MM-DD (default: today), as the watch's --as-of.")
    var asOf: CalendarDate?

    @Flag(help: "Mark cookies Secure: the workspace is reached over TLS through a proxy.")
    var secureCookies = false

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    func validate() throws {
        guard Self.address(listen) != nil else { throw ValidationError("--listen must be HOST:PORT, for example 127.0.0.1:8080.") }
    }

    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else { return nil }
        let host = text[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host.isEmpty ? nil : (host, port)
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let path = db ?? DatabaseLocation.default
        var configuration = ReviewServer.Configuration(database: path, output: URL(fileURLWithPath: out))
        configuration.settings.confirmationDate = asOf
        configuration.settings.language = lang
        configuration.settings.interpretation = readings.interpretation
        configuration.secureCookies = secureCookies
        configuration.inbox = inbox.map { URL(fileURLWithPath: $0) }
        let server: ReviewServer
        do { server = try ReviewServer(configuration: configuration) } catch { throw CommandFailure.cannotRead(path, "\(error)") }
        let (host, port) = Self.address(listen)!
        let logger = Logger(label: "cpd.serve")
        logger.info("serving", metadata: ["address": "\(host):\(port)"])
        try await server.application(host: host, port: port, logger: logger).runService()
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
