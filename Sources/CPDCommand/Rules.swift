import ArgumentParser
import CPDReport

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print the criteria of Appendix 1, the Appendix 3 minimums and the qualification levels.",
        discussion: """
            Example:
              cpd rules
              cpd rules --format json --speaker-credit report-plus-days
            """)

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup(title: "Readings of the rules")
    var readings: ReadingOptions

    func run() throws {
        let report = RulesReport(interpretation: readings.interpretation)
        print(format == .json ? encodeJSON(report) : report.text, terminator: "")
    }
}
