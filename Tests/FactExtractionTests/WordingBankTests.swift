import CPDRules
import Foundation
@testable import FactExtraction
import Testing
import Yams

/// One phrasing from a real kind of document, with the facts a careful reader takes from it.
struct WordingBankEntry: Sendable, CustomTestStringConvertible {
    /// The YAML file (name only) and the entry's line in it.
    let file: String
    let line: Int
    /// Where the wording pattern was taken from.
    let source: String
    let text: String
    /// Field name → expected value as written in the YAML, in the order written.
    let expect: [(field: String, value: String)]
    /// Fields the reader is known to miss, each with why: kept in sight, not hidden. The
    /// per-field score counts them as misses; the entry's test fails once they read right, so
    /// the note is removed then.
    let knownMisses: [String: String]

    var testDescription: String { "\(file):\(line) \(firstLine)" }
    var firstLine: String { text.split(separator: "\n").first.map(String.init) ?? "" }
}

/// The bank: every entry of every YAML file under `WordingBank/`.
enum WordingBank {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("WordingBank")

    static var entries: [WordingBankEntry] { loaded.entries }
    /// Problems met while reading the files (a file that does not parse, an entry without a mapping).
    static var loadProblems: [String] { loaded.problems }

    private static let loaded: (entries: [WordingBankEntry], problems: [String]) = {
        var entries: [WordingBankEntry] = []
        var problems: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.filter({ $0.hasSuffix(".yaml") }).sorted() {
            guard let yaml = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                problems.append("\(name): not readable as UTF-8")
                continue
            }
            let root: Node?
            do { root = try Yams.compose(yaml: yaml) } catch {
                problems.append("\(name): \(error)")
                continue
            }
            guard let items = root?.sequence else {
                problems.append("\(name): not a list of entries")
                continue
            }
            for item in items {
                let line = item.mark?.line ?? 0
                guard let mapping = item.mapping else {
                    problems.append("\(name):\(line): an entry must be a mapping")
                    continue
                }
                var expect: [(String, String)] = []
                if let fields = mapping["expect"]?.mapping {
                    for (key, value) in fields { expect.append((key.string ?? "", value.string ?? "")) }
                }
                var knownMisses: [String: String] = [:]
                if let fields = mapping["known-misses"]?.mapping {
                    for (key, value) in fields { knownMisses[key.string ?? ""] = value.string ?? "" }
                }
                for key in mapping.map({ $0.key.string ?? "" }) where !["source", "text", "expect", "known-misses"].contains(key) {
                    problems.append("\(name):\(line): unknown key \(key)")
                }
                entries.append(WordingBankEntry(
                    file: name, line: line, source: mapping["source"]?.string ?? "",
                    text: mapping["text"]?.string ?? "", expect: expect, knownMisses: knownMisses))
            }
        }
        return (entries, problems)
    }()
}

/// How a field of `ExtractedFacts` is read and how an expected value is written.
struct WordingBankField: Sendable {
    let name: String
    /// The expected value in canonical form, or nil when it cannot be a value of this field.
    let canonical: @Sendable (String) -> String?
    /// What the extractor found, in the same canonical form.
    let actual: @Sendable (ExtractedFacts) -> String?

    static func amount(_ name: String, _ read: @escaping @Sendable (ExtractedFacts) -> Hours?) -> Self {
        Self(name: name, canonical: { Hours($0.replacingOccurrences(of: ",", with: "."))?.description }, actual: { read($0)?.description })
    }

    static func count(_ name: String, _ read: @escaping @Sendable (ExtractedFacts) -> Int?) -> Self {
        Self(name: name, canonical: { Int($0).map(String.init) }, actual: { read($0).map(String.init) })
    }

    static func date(_ name: String, _ read: @escaping @Sendable (ExtractedFacts) -> CalendarDate?) -> Self {
        Self(name: name, canonical: { CalendarDate($0)?.description }, actual: { read($0)?.description })
    }

    static func choice(_ name: String, _ values: [String], _ read: @escaping @Sendable (ExtractedFacts) -> String?) -> Self {
        Self(name: name, canonical: { values.contains($0) ? $0 : nil }, actual: read)
    }

    /// Names compare with runs of spaces folded; the printed form is kept otherwise.
    static func text(_ name: String, _ read: @escaping @Sendable (ExtractedFacts) -> String?) -> Self {
        Self(name: name, canonical: { folded($0).isEmpty ? nil : folded($0) }, actual: { read($0).map(folded) })
    }

    private static func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every field the bank may state, in the order the score table lists them.
    static let all: [WordingBankField] = [
        .choice("activity", ActivityKind.allCases.map(\.rawValue)) { $0.activity?.value.rawValue },
        .amount("hours") { $0.hours?.value },
        .amount("credits") { $0.credits?.value },
        .count("weeks") { $0.weeks?.value },
        .count("days") { $0.days?.value },
        .count("testQuestions") { $0.testQuestions?.value },
        .count("clinicalScenarios") { $0.clinicalScenarios?.value },
        .date("startDate") { $0.startDate?.value },
        .date("endDate") { $0.endDate?.value },
        .date("issueDate") { $0.issueDate?.value },
        .count("year") { $0.year?.value },
        .choice("significance", Significance.allCases.map(\.rawValue)) { $0.significance?.value.rawValue },
        .choice("role", Role.allCases.map(\.rawValue)) { $0.role?.value.rawValue },
        .choice("language", ["ru", "kk", "en", "de", "tr", "fr"]) { $0.language?.value },
        .text("holderName") { $0.holderName?.value },
    ]

    static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

/// One field of one entry: what was expected and what was read.
struct WordingBankOutcome: Sendable {
    let entry: WordingBankEntry
    let field: String
    let expected: String
    let got: String?
    var isRight: Bool { expected == got }
}

extension WordingBankEntry {
    /// Reads the entry's text and compares every field it states.
    func outcomes() -> [WordingBankOutcome] {
        let facts = FactExtractor.extract(from: SourceText(pages: [text]))
        return expect.compactMap { field, value in
            guard let reader = WordingBankField.byName[field], let expected = reader.canonical(value) else { return nil }
            return WordingBankOutcome(entry: self, field: field, expected: expected, got: reader.actual(facts))
        }
    }
}

@Suite("Wording bank: real phrasings of evidence")
struct WordingBankTests {
    /// The share of right answers each field must reach.
    static let requiredShare = 0.98

    @Test func bankIsWellFormed() {
        let entries = WordingBank.entries
        #expect(WordingBank.loadProblems.isEmpty, "\(WordingBank.loadProblems.joined(separator: "\n"))")
        #expect(entries.count >= 400, "the bank holds \(entries.count) entries")
        var seen: [String: String] = [:]
        for entry in entries {
            let place = "\(entry.file):\(entry.line)"
            #expect(!entry.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(place): no source")
            #expect(!entry.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(place): no text")
            #expect(!entry.expect.isEmpty, "\(place): expects nothing")
            for (field, value) in entry.expect {
                guard let reader = WordingBankField.byName[field] else {
                    Issue.record("\(place): unknown field \(field)")
                    continue
                }
                #expect(reader.canonical(value) != nil, "\(place): \(field) cannot be \(value)")
            }
            for field in entry.knownMisses.keys where !entry.expect.contains(where: { $0.field == field }) {
                Issue.record("\(place): a known miss of \(field), which it does not expect")
            }
            let fields = entry.expect.map(\.field)
            #expect(Set(fields).count == fields.count, "\(place): a field is stated twice")
            let key = entry.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if let first = seen[key] { Issue.record("\(place): same text as \(first)") } else { seen[key] = place }
        }
    }

    @Test(arguments: WordingBank.entries)
    func readsEntry(_ entry: WordingBankEntry) {
        for outcome in entry.outcomes() {
            let got = outcome.got ?? "nothing"
            if let reason = entry.knownMisses[outcome.field] {
                withKnownIssue(Comment(rawValue: reason)) { #expect(got == outcome.expected, "\(outcome.field) — \(entry.source)") }
            } else {
                #expect(got == outcome.expected, "\(outcome.field) — \(entry.source)")
            }
        }
    }

    /// Prints the per-field score and every miss; each field must reach `requiredShare`.
    /// With WORDING_BANK_REPORT set, also writes the misses there as tab-separated lines
    /// (field, expected, got, file:line, source, first line).
    @Test func scoreByField() throws {
        let outcomes = WordingBank.entries.flatMap { $0.outcomes() }
        var table = "field               right  total   share\n"
        for field in WordingBankField.all {
            let stated = outcomes.filter { $0.field == field.name }
            guard !stated.isEmpty else { continue }
            let right = stated.filter(\.isRight).count
            let share = Double(right) / Double(stated.count)
            table += field.name.padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: "%7d %6d %7.1f%%\n", right, stated.count, share * 100)
        }
        let misses = outcomes.filter { !$0.isRight }
        let lines = misses.map { miss in
            [miss.field, miss.expected, miss.got ?? "—", "\(miss.entry.file):\(miss.entry.line)", miss.entry.source, miss.entry.firstLine]
                .joined(separator: "\t")
        }
        print("Wording bank: \(WordingBank.entries.count) entries\n\(table)\nMisses (\(misses.count)):\n\(lines.joined(separator: "\n"))")
        if let path = ProcessInfo.processInfo.environment["WORDING_BANK_REPORT"] {
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        for field in WordingBankField.all {
            let stated = outcomes.filter { $0.field == field.name }
            guard !stated.isEmpty else { continue }
            let share = Double(stated.filter(\.isRight).count) / Double(stated.count)
            #expect(share >= Self.requiredShare, "\(field.name): \(String(format: "%.1f", share * 100))% right of \(stated.count)")
        }
    }
}
