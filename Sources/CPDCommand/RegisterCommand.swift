import ArgumentParser
import CPDReport
import CPDRules
import Foundation
import ProfessionalRegister

/// `cpd register`: the professional register of order ҚР ДСМ-253/2020 in the toolkit's database.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Keep the professional register: workers, changes, certificate expiry, training lists and reports.",
        discussion: """
            The register of order ҚР ДСМ-253/2020: every item of paragraph 8 for each worker, the \
            labour activity table, the SQF level and categories, and the CPD assessments. Every \
            change is recorded with who made it (paragraph 9). The database is one SQLite file, \
            readable by its owner only: --db, else $CPD_DB, else $XDG_DATA_HOME/cpd/cpd.sqlite, else \
            ~/.local/share/cpd/cpd.sqlite.

            Example:
              cpd register import workers.json
              cpd register expiring --within 2m
              cpd register report quarterly --org 940140000385 --period 2026-Q4 --format csv
            """,
        subcommands: [
            Import.self, Export.self, Show.self, Add.self, Edit.self, Expiring.self, Blocked.self, DueTraining.self, Report.self,
        ])
}

/// `--db`, which every register command takes.
struct RegisterDatabaseOptions: ParsableArguments {
    @Option(help: "The register's SQLite file (default: $CPD_DB, else $XDG_DATA_HOME/cpd/cpd.sqlite, else ~/.local/share/cpd/cpd.sqlite).", completion: .file())
    var db: String?

    /// The database `cpd watch` keeps its state in, too.
    func open() throws -> ProfessionalRegister {
        let path = db ?? DatabaseLocation.default
        return try registerCall { () throws(RegisterStoreError) in try ProfessionalRegister(path: path) }
    }
}

/// `--by`: who makes a change, for the history (paragraph 9).
struct ChangeAuthorOption: ParsableArguments {
    @Option(name: .customLong("by"), help: ArgumentHelp("Who makes the change, for the record's history (default: the login name).", valueName: "name"))
    var name: String?

    /// Resolved here, not as the option's default, so that help reads the same for everyone.
    var by: String { name ?? ProcessInfo.processInfo.userName }
}

/// The register's errors as the `cpd` exit codes: bad data 65, a database that cannot be opened
/// 73 (as `cpd watch`), one that fails 74.
@discardableResult
func registerCall<Value>(_ body: () throws(RegisterStoreError) -> Value) throws(CommandFailure) -> Value {
    do {
        return try body()
    } catch {
        switch error {
        case .invalid, .notRegistered, .alreadyRegistered, .blocked: throw .invalidInput(error.description)
        case .cannotOpen: throw CommandFailure.cannotWrite(error.description)
        case .damaged, .database: throw CommandFailure.registerFailed(error.description)
        }
    }
}

func parseIIN(_ text: String) throws -> IIN {
    do { return try IIN(text) } catch { throw CommandFailure.invalidInput("IIN: \(error)") }
}

func parseBIN(_ text: String) throws -> BIN {
    do { return try BIN(text) } catch { throw CommandFailure.invalidInput("BIN: \(error)") }
}

extension RegisterCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import workers from a JSON, CSV or XML file; nothing is imported when any worker is refused.",
            discussion: """
                The layout is told by the file's extension (README of ProfessionalRegister): JSON as \
                workers.json (the fuller layout adds every field), CSV with a header of field names, \
                XML validated against professional-register-1.xsd. A worker already in the register \
                is updated field by field, each change recorded. Every refused value is reported \
                with its line and field; --skip-invalid imports the other workers.

                Example:
                  cpd register import workers.json
                  cpd register import staff.csv --skip-invalid --by "Сейтказина А."
                """)

        @Argument(help: "The file: .json, .csv or .xml.", completion: .file(extensions: ["json", "csv", "xml"]))
        var file: String

        @Flag(help: "Import the valid workers when some are refused.")
        var skipInvalid = false

        @OptionGroup var database: RegisterDatabaseOptions
        @OptionGroup var author: ChangeAuthorOption

        func run() throws {
            guard let format = RegisterFileFormat(path: file) else {
                throw CommandFailure.invalidInput("\(file): the extension must be .json, .csv or .xml")
            }
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure.cannotRead(file, "not a readable file") }
            let register = try database.open()
            let summary = try registerCall { () throws(RegisterStoreError) in
                try register.importFile(data, name: file, format: format, skipInvalid: skipInvalid, by: author.by)
            }
            print("\(file): \(summary.added) added, \(summary.changed) changed, \(summary.unchanged) unchanged.")
            if !summary.refused.isEmpty {
                let lines = ["\(summary.refused.count) problem\(summary.refused.count == 1 ? "" : "s"); those workers were not imported:"]
                    + summary.refused.map { "  \($0)" }
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print every worker as JSON (the fuller import layout) or CSV.",
            discussion: """
                The JSON is also a register extract the confirmation commands read. The CSV has the \
                workers' own fields only; the tables are in the JSON.

                Example:
                  cpd register export --format csv > register.csv
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json
            case csv
        }

        @Option(help: "Output format: json or csv.")
        var format: Format = .json

        @OptionGroup var database: RegisterDatabaseOptions

        func run() throws {
            let register = try database.open()
            let workers = try registerCall { () throws(RegisterStoreError) in try register.workers() }
            print(format == .json ? encodeJSON(workers) : RegisterCSV.export(workers), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print one worker's record, its history of changes and its assessments.",
            discussion: """
                Example:
                  cpd register show 850314410007 --format json
                """)

        @Argument(help: "The worker's IIN.")
        var iin: String

        @Option(name: .customLong("as-of"), help: "The day the block is judged on, YYYY-MM-DD (default: today).")
        var asOf: CalendarDate?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var database: RegisterDatabaseOptions

        struct Record: Encodable {
            let worker: Worker
            let blocked: Bool
            let history: [Change]
            let assessments: [AssessmentRecord]
        }

        func run() throws {
            let iin = try parseIIN(iin)
            let register = try database.open()
            let date = asOf ?? .today
            let record = try registerCall { () throws(RegisterStoreError) in
                guard let worker = try register.worker(iin) else { throw .notRegistered }
                return Record(
                    worker: worker, blocked: try register.isBlocked(iin, on: date), history: try register.history(of: iin),
                    assessments: try register.assessments(of: iin))
            }
            print(format == .json ? encodeJSON(record) : text(record, on: date), terminator: "")
        }

        private func text(_ record: Record, on date: CalendarDate) -> String {
            let width = record.worker.fieldValues.map(\.field.count).max() ?? 0
            var lines = ["\(record.worker.fullName) (\(record.worker.iin))"]
            lines += record.worker.fieldValues.map { "  \($0.field.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.value)" }
            if record.blocked, let expired = record.worker.certificate.expiresOn {
                lines.append("BLOCKED on \(date): the specialist certificate expired on \(expired) (paragraph 14, item 5).")
            }
            lines += ["", "Assessments"]
            lines += record.assessments.isEmpty ? ["  none"] : record.assessments.map { assessment in
                "  \(assessment.confirmationDate), \(assessment.targetCategory.rawValue): \(assessment.totals.total) CU "
                    + "(\(assessment.totals.additionalEducation) + \(assessment.totals.nonFormalAndCompetences)), "
                    + (assessment.meetsRequirements ? "met" : "not met")
                    + (assessment.forms.isEmpty ? "" : "; forms: \(assessment.forms.joined(separator: ", "))")
            }
            lines += ["", "History"]
            lines += record.history.map { change in
                let what = change.field.map { "\($0): \(change.oldValue ?? "—") → \(change.newValue ?? "—")" } ?? "entered the record"
                return "  \(change.changedAt)  \(change.changedBy): \(what)"
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// `add` and `edit` take the fields as options named as the layouts name them.
    struct FieldOptions: ParsableArguments {
        @Argument(
            parsing: .allUnrecognized,
            help: ArgumentHelp(
                "Fields to set, as --FIELD VALUE (an empty VALUE clears it).",
                discussion: "Fields: \(RegisterCSV.columns.filter { $0 != "iin" }.joined(separator: ", ")); a row of a table as --employment[N].hired, --education[N].document, --professionalDevelopment[N].title (N one past the last adds a row).",
                valueName: "--field value"))
        var fields: [String] = []

        /// `--position "врач" --certificate.expiresOn=2027-01-31` → [("position", "врач"), …].
        func pairs() throws -> [(field: String, value: String?)] {
            var pairs: [(field: String, value: String?)] = []
            var remaining = fields[...]
            while let option = remaining.popFirst() {
                guard option.hasPrefix("--"), option.count > 2 else { throw ValidationError("Expected --FIELD VALUE, got “\(option)”.") }
                let name = option.dropFirst(2)
                if let equals = name.firstIndex(of: "=") {
                    pairs.append((String(name[..<equals]), String(name[name.index(after: equals)...])))
                } else {
                    guard let value = remaining.popFirst() else { throw ValidationError("--\(name) needs a value.") }
                    pairs.append((String(name), value))
                }
            }
            guard !pairs.isEmpty else { throw ValidationError("Give at least one field, as --FIELD VALUE.") }
            return pairs.map { ($0.field, $0.value.flatMap { $0.isEmpty ? nil : $0 }) }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Enter a new worker into the register.",
            discussion: """
                Date of birth and gender are read from the IIN (and checked if given). The entry is \
                recorded with who made it.

                Example:
                  cpd register add 850314410007 --surname Сапарова --firstName Жанар --patronymic Ерлановна \\
                    --employerBIN 940140000385 --position "медицинская сестра" --certificate.expiresOn 2027-03-31
                """)

        @Argument(help: "The worker's IIN.")
        var iin: String

        @OptionGroup var fields: FieldOptions
        @OptionGroup var database: RegisterDatabaseOptions
        @OptionGroup var author: ChangeAuthorOption

        func run() throws {
            let iin = try parseIIN(iin)
            let pairs = try fields.pairs()
            let register = try database.open()
            try registerCall { () throws(RegisterStoreError) in try register.set(pairs, on: iin, entering: true, by: author.by) }
            print("Entered \(iin) into the register.")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change fields of a worker's record; every change is recorded with who made it.",
            discussion: """
                Example:
                  cpd register edit 850314410007 --certificate.expiresOn 2031-03-31 --by "Сейтказина А."
                  cpd register edit 850314410007 --employment[2].dismissed 2026-10-31
                """)

        @Argument(help: "The worker's IIN.")
        var iin: String

        @OptionGroup var fields: FieldOptions
        @OptionGroup var database: RegisterDatabaseOptions
        @OptionGroup var author: ChangeAuthorOption

        func run() throws {
            let iin = try parseIIN(iin)
            let pairs = try fields.pairs()
            let register = try database.open()
            let changes = try registerCall { () throws(RegisterStoreError) in try register.set(pairs, on: iin, entering: false, by: author.by) }
            print(changes.isEmpty ? "Nothing changed." : "\(changes.count) change\(changes.count == 1 ? "" : "s") recorded.")
        }
    }

    /// What `expiring`, `blocked` and `due-training` share: the day, the organisation, the format.
    struct ListOptions: ParsableArguments {
        @Option(name: .customLong("as-of"), help: "The day to judge on, YYYY-MM-DD (default: today).")
        var asOf: CalendarDate?

        @Option(help: "Only the workers of this organisation (its BIN).")
        var org: String?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @OptionGroup var database: RegisterDatabaseOptions

        var date: CalendarDate { asOf ?? .today }

        func employer() throws -> BIN? { try org.map(parseBIN) }
    }

    struct Expiring: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expiring",
            abstract: "List the specialist certificates that expire soon (paragraph 14, item 4).",
            discussion: """
                Certificates still valid today whose last valid day is within the window, both days \
                counted: 2m from 22 November runs to 22 January; from 31 December, to the end of \
                February.

                Example:
                  cpd register expiring --within 2m --org 940140000385
                """)

        @Option(help: "How far ahead: months (2m) or days (45d).")
        var within: Lookahead = .months(2)

        @OptionGroup var options: ListOptions

        func run() throws {
            let register = try options.database.open()
            let (date, employer) = (options.date, try options.employer())
            let list = try registerCall { () throws(RegisterStoreError) in try register.expiring(on: date, within: within, employer: employer) }
            guard options.format == .text else { return print(encodeJSON(list), terminator: "") }
            print("Certificates expiring from \(date) to \(within.end(from: date)): \(list.count)")
            for entry in list {
                let days = date.inclusiveDays(through: entry.expiresOn) - 1
                print("  \(entry.expiresOn)  in \(days) day\(days == 1 ? "" : "s")  \(describe(entry))")
            }
        }
    }

    struct Blocked: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blocked",
            abstract: "List the records blocked because the certificate expired (paragraph 14, item 5).",
            discussion: """
                A blocked worker cannot be confirmed until the certificate is renewed: record the \
                new expiry date with `edit IIN --certificate.expiresOn DATE`.

                Example:
                  cpd register blocked --format json
                """)

        @OptionGroup var options: ListOptions

        func run() throws {
            let register = try options.database.open()
            let (date, employer) = (options.date, try options.employer())
            let list = try registerCall { () throws(RegisterStoreError) in try register.blocked(on: date, employer: employer) }
            guard options.format == .text else { return print(encodeJSON(list), terminator: "") }
            print("Records blocked on \(date): \(list.count)")
            for entry in list { print("  expired \(entry.expiresOn)  \(describe(entry))") }
        }
    }

    struct DueTraining: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due-training",
            abstract: "List the workers due for advanced training (paragraph 14, item 3).",
            discussion: """
                Workers with a target category whose last recorded assessment is missing, older than \
                the 5-year window, or short of Appendix 3 for that category, with what is missing.

                Example:
                  cpd register due-training --org 940140000385
                """)

        @OptionGroup var options: ListOptions

        func run() throws {
            let register = try options.database.open()
            let (date, employer) = (options.date, try options.employer())
            let list = try registerCall { () throws(RegisterStoreError) in try register.dueForTraining(on: date, employer: employer) }
            guard options.format == .text else { return print(encodeJSON(list), terminator: "") }
            print("Due for advanced training on \(date): \(list.count)")
            for entry in list {
                print("  \(entry.fullName) (\(entry.iin)), target \(entry.targetCategory.rawValue): \(entry.reason)")
            }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report an organisation's workforce movement and qualification forecast (paragraphs 6 and 7).",
            discussion: """
                Registration, movement and outflow in the period, from the labour activity table, \
                and when each current worker reaches the next SQF level (Appendix 5's years since \
                the level was obtained). The default period is the last complete month or quarter.

                Example:
                  cpd register report monthly --org 940140000385 --period 2026-10
                  cpd register report quarterly --org 940140000385 --period 2026-Q4 --format csv
                """)

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case monthly
            case quarterly
        }

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text
            case csv
            case json
        }

        @Argument(help: "monthly or quarterly.")
        var kind: Kind

        @Option(help: "The organisation's BIN.")
        var org: String

        @Option(help: "The month (2026-10) or quarter (2026-Q4).")
        var period: ReportPeriod?

        @Option(help: "Output format: text, csv or json.")
        var format: Format = .text

        @OptionGroup var database: RegisterDatabaseOptions

        func validate() throws {
            if let period, period.isQuarter != (kind == .quarterly) {
                throw ValidationError("A \(kind.rawValue) report takes --period as \(kind == .monthly ? "YYYY-MM" : "YYYY-Qn").")
            }
        }

        func run() throws {
            let employer = try parseBIN(org)
            let register = try database.open()
            let period = period ?? .previous(quarterly: kind == .quarterly, before: .today)
            let report = try registerCall { () throws(RegisterStoreError) in try register.report(period, employer: employer) }
            switch format {
            case .text: print(report.text, terminator: "")
            case .csv: print(report.csv, terminator: "")
            case .json: print(encodeJSON(report), terminator: "")
            }
        }
    }
}

private func describe(_ entry: CertificateExpiry) -> String {
    "\(entry.fullName) (\(entry.iin))" + (entry.certificateNumber.map { ", certificate \($0)" } ?? "")
        + (entry.employerBIN.map { ", organisation \($0)" } ?? "")
}

extension Lookahead: ExpressibleByArgument {}
extension ReportPeriod: ExpressibleByArgument {}
