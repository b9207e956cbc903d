import CPDRules
import Foundation
@testable import FactExtraction
import Testing

@Suite("The lexicon: wordings as data")
struct LexiconTests {
    /// The files as the repository holds them, loaded so that a mistake is a failure with its
    /// place rather than the stop the built-in lexicon makes at start.
    @Test func theBuiltInFilesAreValid() throws {
        let lexicon = try Lexicon().adding(directory: Self.sourceFolder)
        #expect(lexicon.fingerprint == Lexicon.standard.fingerprint)
    }

    /// `cpd` starts from the compiled file; it must say what the YAML files say. After editing
    /// them, `CPD_RECORD_LEXICON=1 swift test --filter LexiconTests` rewrites it.
    @Test func theCompiledFileHoldsTheYAMLFiles() throws {
        let compiled = try Lexicon().adding(directory: Self.sourceFolder).compiled
        let file = Self.sourceFolder.appendingPathComponent(Lexicon.compiledFileName)
        if ProcessInfo.processInfo.environment["CPD_RECORD_LEXICON"] == "1" {
            try compiled.write(to: file, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        #expect(stored == compiled, "the YAML files changed: CPD_RECORD_LEXICON=1 swift test --filter LexiconTests")
        #expect(Lexicon(compiled: compiled)?.compiled == compiled)
    }

    @Test(arguments: ["units\thours\t1.0\tru.yaml:1\n", "units\thours\tmany\tru.yaml:1\tчас\n", "units\thours\t1.0\tru.yaml:1\t\n"])
    func aDamagedCompiledFileIsNotALexicon(text: String) {
        #expect(Lexicon(compiled: text) == nil)
    }

    private static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/FactExtraction/Lexicon")

    @Test func theBuiltInLexiconCoversEveryActivityAndUnit() {
        let lexicon = Lexicon.standard
        for activity in ActivityKind.allCases { #expect(!lexicon.group("activities", activity.rawValue).isEmpty, "\(activity)") }
        for unit in Lexicon.Unit.allCases { #expect(!lexicon.group("units", unit.rawValue).isEmpty, "\(unit)") }
        for month in 1...12 { #expect(lexicon.monthPrefixes.contains { Int($0.value) == month }) }
    }

    @Test(arguments: [
        ("units:\n  hours: [час]\n  furlongs: [x]\n", "extra.yaml:3: unknown entry \"furlongs\" in \"units\""),
        ("colours:\n  - red\n", "extra.yaml:1: unknown section \"colours\""),
        ("activities:\n  seminar:\n    коллоквиум: many\n", "extra.yaml:3: expected a number (0 removes the entry)"),
        ("volume-labels: [\"  \"]\n", "extra.yaml:1: an empty wording matches everything"),
        ("units: [час]\n", "extra.yaml:1: section \"units\" is a mapping of"),
        ("units:\n  hours: [час\n", "extra.yaml:3: not valid YAML"),
    ])
    func aFaultyFileIsReportedWithItsLine(yaml: String, message: String) {
        #expect {
            _ = try Lexicon.standard.adding(yaml: yaml, file: "extra.yaml")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func anAddedWordingIsReadAndCited() throws {
        let text = "СПРАВКА\nо прохождении коллоквиума по неонатологии\n12 часов"
        #expect(FactExtractor.extract(from: SourceText(pages: [text])).activity == nil)
        let lexicon = try Lexicon.standard.adding(yaml: "activities:\n  seminar:\n    коллоквиум: 3\n", file: "local.yaml")
        let facts = FactExtractor.extract(from: SourceText(pages: [text]), lexicon: lexicon)
        #expect(facts.activity?.value == .seminar)
        #expect(facts.activity?.provenance.wording == "local.yaml:3 «коллоквиум»")
    }

    @Test func aZeroWeightRemovesAWording() throws {
        let lexicon = try Lexicon.standard.adding(yaml: "activities:\n  seminar:\n    семинар: 0\n", file: "local.yaml")
        #expect(!lexicon.group("activities", ActivityKind.seminar.rawValue).contains { $0.text == "семинар" })
    }

    @Test func aDirectoryOfFilesIsLaidOverTheBuiltInOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "units:\n  hours: [академчас]\n".write(to: folder.appendingPathComponent("hours.yaml"), atomically: true, encoding: .utf8)
        let lexicon = try Lexicon.standard.adding(directory: folder)
        #expect(QuantityFinder.amount(.hours, in: "16 академчасов", lexicon) == 16)
        #expect(QuantityFinder.amount(.hours, in: "16 часов", lexicon) == 16)
    }
}
