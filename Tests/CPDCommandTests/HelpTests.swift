import ArgumentParser
@testable import CPDCommand
import Testing

@Suite("Help output")
struct HelpTests {
    static let commands: [(String, any ParsableCommand.Type)] = [
        ("cpd", CPD.self), ("cpd-rules", Rules.self), ("cpd-extract", Extract.self), ("cpd-assess", Assess.self),
        ("cpd-confirm", Confirm.self), ("cpd-level", LevelCommand.self), ("cpd-watch", WatchCommand.self), ("cpd-status", Status.self),
        ("cpd-register", RegisterCommand.self), ("cpd-serve", Serve.self), ("cpd-user", UserCommand.self),
        ("cpd-user-add", UserCommand.Add.self),
    ]

    @Test(arguments: commands.map(\.0))
    func helpMatchesItsSnapshot(name: String) throws {
        let command = Self.commands.first { $0.0 == name }!.1
        try expectSnapshot(CPD.helpMessage(for: command, columns: 100), named: "\(name).help.txt")
    }

    @Test func everySubcommandHasAOneLineSummaryAndAnExample() {
        for subcommand in CPD.configuration.subcommands {
            let configuration = subcommand.configuration
            #expect(!configuration.abstract.isEmpty)
            #expect(!configuration.abstract.contains("\n"))
            #expect(configuration.discussion.contains("Example:") || configuration.discussion.contains("Examples:"), "\(subcommand)")
        }
        let rootHelp = CPD.helpMessage(columns: 200)
        for subcommand in CPD.configuration.subcommands {
            #expect(rootHelp.contains(subcommand.configuration.abstract))
        }
    }
}
