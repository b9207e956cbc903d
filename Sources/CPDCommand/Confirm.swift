import ArgumentParser
import Confirmation
import CPDReport
import Forms
import Foundation
import Wording
import WorkerConfirmation

struct Confirm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Assess a worker's folder and write the Appendix 2 form, the refusal notice and the assessment.",
        discussion: """
            Writes into OUTDIR: appendix2.pdf and appendix2.html (the confirmation form filled), \
            refusal.pdf and refusal.html when any document is refused (citing paragraph 11, and 7 \
            for missing translations), and assessment.json (what `cpd assess --format json` prints). \
            Files are readable by their owner only and replaced atomically. When --register is the \
            register database and it names the level the worker applies for (targetLevel), the level \
            is decided on the same folder as `cpd level` decides it, and level.pdf and level.html are \
            written too.

            Example:
              cpd confirm inbox/850314410007 --out forms/850314410007 --lang kk --register workers.json \\
                --journals scimago.csv --recommended-journals recommended.csv
            """)

    @Argument(help: "The worker's folder, named by the worker's IIN.", completion: .directory)
    var folder: String

    @Option(help: "Where to write the forms (created if missing).", completion: .directory)
    var out: String

    @Option(help: "Language of the forms: ru, kk or en.")
    var lang: FormLanguage = .ru

    @OptionGroup var options: AssessmentOptions

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure.cannotRead(folder, "not a folder")
        }
        let forms: Forms
        do { forms = try Forms() } catch { throw CommandFailure.brokenTemplates("\(error)") }
        let assessed = try await options.confirmFolder(
            URL(fileURLWithPath: folder), language: lang, writing: (forms, .folder(URL(fileURLWithPath: out)))).assessment
        var report = AssessmentOptions.report(assessed)
        if let (decision, fullName) = try options.levelDecision(assessed) {
            try LevelSummaryFile.write(decision, fullName: fullName, iin: assessed.workerIIN, language: lang, forms: forms, to: URL(fileURLWithPath: out))
            report.level = LevelReport(decision, worker: .init(iin: assessed.workerIIN, fullName: fullName))
        }
        print(options.format == .json ? encodeJSON(report) : report.text, terminator: "")
    }
}

extension FormLanguage: ExpressibleByArgument {}
