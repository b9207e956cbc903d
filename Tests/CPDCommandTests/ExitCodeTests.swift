import ArgumentParser
import Foundation
import Testing

@testable import CPDCommand

@Suite("Exit codes")
struct ExitCodeTests {
    /// The README's paragraph lists each code `cpd` exits with, and no other.
    @Test func theReadmeListsEveryExitCode() throws {
        let readme = try String(contentsOf: CPDProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let paragraph = try #require(readme.components(separatedBy: "\n\n").first { $0.hasPrefix("Exit codes") })
        let listed = paragraph.matches(of: #/(?:: |, )(\d+)\s/#).map { Int32($0.output.1)! }
        #expect(listed == ExitCode.documented.map(\.rawValue))
    }
}
