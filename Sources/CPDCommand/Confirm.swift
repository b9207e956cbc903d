import ArgumentParser
import CPDReport
import Confirmation
import Forms
import Foundation

struct Confirm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assess a worker's folder and write the Appendix 2 form, the refusal notice and the assessment.",
        discussion: """
            Writes into OUTDIR: appendix2.pdf and appendix2.html (the confirmation form filled), \
            refusal.pdf and refusal.html when any document is refused (citing paragraph 11, and 7 \
            for missing translations), and assessment.json (what `cpd assess --format json` prints). \
            Files are readable by their owner only and replaced atomically.

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
        let (assessed, registered, register) = try await options.assessWorkerFolder(URL(fileURLWithPath: folder), language: lang)
        if let expired = registered?.blockedSince {
            throw CommandFailure.invalidInput(
                "the register blocks this worker: the specialist certificate expired on \(expired), and a blocked record is not confirmed until the certificate is renewed (register rules, paragraph 14, item 5)")
        }
        let forms: Forms
        do { forms = try Forms() } catch { throw CommandFailure(message: "\(error)", exitCode: 70) }
        do {
            let directory = URL(fileURLWithPath: out)
            try ConfirmationOutputs.write(assessed, register: registered?.details ?? RegisterDetails(), language: lang, to: directory, forms: forms)
            try register?.recordConfirmation(
                assessed, forms: ["appendix2.pdf", "refusal.pdf"].map { directory.appendingPathComponent($0).path }
                    .filter { FileManager.default.fileExists(atPath: $0) })
        } catch let failure as CommandFailure {
            throw failure
        } catch let tooLong as Forms.FieldTooLong {
            throw CommandFailure.invalidInput("\(tooLong)")
        } catch let failure as Forms.Failure {
            throw CommandFailure(message: failure.description, exitCode: 70)
        } catch {
            throw CommandFailure(message: "cannot write the forms to \(out): \(error.localizedDescription)", exitCode: 73)
        }
        let report = AssessmentOptions.report(assessed)
        print(options.format == .json ? encodeJSON(report) : report.text, terminator: "")
    }
}

extension FormLanguage: ExpressibleByArgument {}
