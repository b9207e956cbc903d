import ArgumentParser
import CPDReport
import Confirmation
import Forms
import Foundation
import Register

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
        let (assessed, registered) = try await options.assessWorkerFolder(URL(fileURLWithPath: folder))
        let forms: Forms
        do { forms = try Forms() } catch { throw CommandFailure(message: "\(error)", exitCode: 70) }
        let output = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let details = registered.map(RegisterDetails.init) ?? RegisterDetails()
            let confirmation = try forms.confirmation(assessed, register: details, language: lang)
            try AtomicFile.write(Data(confirmation.html.utf8), to: output.appendingPathComponent("appendix2.html"))
            try AtomicFile.write(confirmation.pdf, to: output.appendingPathComponent("appendix2.pdf"))
            let refusalFiles = ["refusal.html", "refusal.pdf"].map { output.appendingPathComponent($0) }
            if let refusal = try forms.refusal(assessed, language: lang) {
                try AtomicFile.write(Data(refusal.html.utf8), to: refusalFiles[0])
                try AtomicFile.write(refusal.pdf, to: refusalFiles[1])
            } else {
                // A notice from an earlier run no longer applies.
                for file in refusalFiles { try? FileManager.default.removeItem(at: file) }
            }
            try AtomicFile.write(Data(encodeJSON(AssessmentOptions.report(assessed)).utf8), to: output.appendingPathComponent("assessment.json"))
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

extension RegisterDetails {
    init(_ worker: RegisteredWorker) {
        self.init(
            totalService: worker.totalService, specialtyService: worker.specialtyService, placeOfWork: worker.placeOfWork,
            position: worker.position, sqfLevel: worker.sqfLevel, category: worker.qualificationCategory,
            postgraduateEducation: worker.postgraduateEducation,
            employment: (worker.employment ?? []).map {
                .init(hired: $0.hired, dismissed: $0.dismissed, placeOfWork: $0.placeOfWork, position: $0.position, orderNumber: $0.orderNumber, orderDate: $0.orderDate)
            })
    }
}
