import ArgumentParser
import CPDActivityFile
import CPDReport
import CPDRules
import Foundation

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assess a worker's activities, typed in a YAML or JSON file, against the rules.",
        discussion: """
            Every activity gets its criterion and credit units, or a refusal with the reason and the \
            paragraph it rests on, or a review when a fact the criterion needs is missing. Then the \
            totals by chapter and whether Appendix 3 is met for the target category. The file's \
            layout is in the README ("Activity files").

            Example:
              cpd assess Samples/activities/aigerim.yaml --target first --as-of 2026-11-22
            """)

    @Argument(help: "The activity file (.yaml, .yml or .json).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var activities: String

    @Option(help: "Target qualification category: second, first or highest (default: the file's targetCategory).")
    var target: QualificationCategory?

    @Option(name: .customLong("as-of"), help: "Confirmation date, YYYY-MM-DD (default: the file's asOf, else today).")
    var asOf: CalendarDate?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    func run() throws {
        let file = try readActivityFile()
        guard let category = target ?? file.targetCategory else {
            throw ValidationError("Give the target category with --target (second, first or highest), or targetCategory in the file.")
        }
        let assessment = Assessment(
            evidence: file.entries.map(\.evidence), confirmationDate: asOf ?? file.confirmationDate ?? .today,
            targetCategory: category, interpretation: readings.interpretation)
        let worker = (file.workerIIN != nil || file.workerName != nil)
            ? AssessmentReport.Worker(iin: file.workerIIN, fullName: file.workerName) : nil
        let report = AssessmentReport(assessment: assessment, worker: worker, lines: file.entries.map(\.line))
        print(format == .json ? encodeJSON(report) : report.text, terminator: "")
    }

    /// The file, read whole: activity files are small, and a larger one is a mistake.
    func readActivityFile() throws -> ActivityFile {
        let url = URL(fileURLWithPath: activities)
        let size: Int
        do {
            size = try url.resourceValues(forKeys: [.fileSizeKey, .isDirectoryKey]).fileSize ?? 0
        } catch {
            throw CommandFailure.cannotRead(activities, "no such file")
        }
        guard size <= 10_000_000 else { throw CommandFailure.cannotRead(activities, "larger than 10 MB; an activity file is text") }
        guard let data = try? Data(contentsOf: url) else { throw CommandFailure.cannotRead(activities, "not a readable file") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure.invalidInput("\(activities): not UTF-8 text")
        }
        do {
            return try ActivityFile(text: text, name: activities)
        } catch {
            throw CommandFailure.invalidInput("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") in the activity file:\n\(error)")
        }
    }
}

extension QualificationCategory: ExpressibleByArgument {
    public init?(argument: String) {
        guard let category = Self(rawValue: argument.lowercased()), category != .none else { return nil }
        self = category
    }

    public static var allValueStrings: [String] { ["second", "first", "highest"] }
}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }

    /// Today in the machine's time zone: the HR office's day.
    static var today: CalendarDate {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
