import ArgumentParser
import Foundation

/// `cpd`: confirms the continuous professional development of healthcare workers in Kazakhstan
/// under order ҚР ДСМ-283/2020.
public struct CPD: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cpd",
        abstract: "Confirm the continuous professional development (CPD) of healthcare workers in Kazakhstan.",
        discussion: """
            Applies the rules of order ҚР ДСМ-283/2020: the 21 criteria of Appendix 1, the 5-year \
            confirmation window, and the Appendix 3 minimums for the target qualification category.
            """,
        version: "0.1.0",
        subcommands: [Rules.self, Extract.self, Assess.self, Confirm.self, LevelCommand.self, WatchCommand.self, Status.self, RegisterCommand.self, Serve.self, UserCommand.self])

    public init() {}

    /// Runs the command line and exits: 0 on success, the failure's own code otherwise.
    public static func runAndExit(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            fflush(nil)  // every line printed reaches a pipe before the exit
            Foundation.exit(ExitCode.done.rawValue)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("cpd: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}

/// A failure the user can act on, with the exit code of its kind (`ExitCodes.swift`).
public struct CommandFailure: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let exitCode: ExitCode

    public var description: String { message }

    public init(message: String, exitCode: ExitCode) {
        self.message = message
        self.exitCode = exitCode
    }

    static func invalidInput(_ message: String) -> Self { Self(message: message, exitCode: .invalidInput) }
    static func busy(_ message: String) -> Self { Self(message: message, exitCode: .busy) }
    static func readOnlyDatabase(_ path: String, _ reason: String) -> Self {
        Self(message: "the database \(path) cannot be written (\(reason)); make it and its folder writable by this user", exitCode: .readOnlyDatabase)
    }
    static func cannotRead(_ path: String, _ reason: String) -> Self {
        Self(message: "cannot read \(path): \(reason)", exitCode: .cannotRead)
    }
    static func cannotWrite(_ message: String) -> Self { Self(message: message, exitCode: .cannotWrite) }
    static func brokenTemplates(_ message: String) -> Self { Self(message: message, exitCode: .brokenTemplates) }
    static func registerFailed(_ message: String) -> Self { Self(message: message, exitCode: .registerFailed) }
}

/// `--format`: every command prints for a person or for a program.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
