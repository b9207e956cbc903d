import CPDRules
import Foundation
import Yams

/// The words the readers look for, kept as data: one YAML file per language in `Lexicon/`
/// (beside this file), loaded once, with more files from `--lexicon DIR` laid over them. The
/// weights of evidence and the logic that combines the words stay in Swift; a domain expert adds a
/// wording without a rebuild. `Lexicon/README.md` describes every section.
public struct Lexicon: Sendable {
    /// One wording and the place it is written, so a reading can say which entry it used.
    public struct Entry: Sendable, Hashable {
        /// Lowercase, as lines are matched after folding.
        public let text: String
        /// An activity phrase's weight, a month's number, a number word's value; 1 elsewhere.
        public let value: Double
        /// "ru.yaml:42".
        public let origin: String

        /// How a report names it: `ru.yaml:42 «ак.ч»`.
        public var citation: String { "\(origin) «\(text)»" }
    }

    /// A fault in a lexicon file, with its place.
    public struct FileError: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let line: Int
        public let message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// The units a volume is stated in. A CME credit (AMA PRA Category 1, a CPD point) is one hour of
    /// activity by its own definition; a credit of additional education is converted by the rules.
    public enum Unit: String, CaseIterable, Sendable {
        case hours, credits
        case cmeCredits = "cme-credits"
        case weeks, days
        case testQuestions = "test-questions"
        case clinicalScenarios = "clinical-scenarios"
    }

    /// Every section a file may have: its groups (nil: a plain list) and what an entry's value is.
    private enum Shape { case list, groups(Set<String>), weighted(Set<String>), numbers }
    private static let schema: [String: Shape] = [
        "activities": .weighted(Set(ActivityKind.allCases.map(\.rawValue))),
        "organisation-markers": .list, "organisation-endings": .list, "face-to-face": .list,
        "units": .groups(Set(Unit.allCases.map(\.rawValue))), "unit-fillers": .list,
        "unit-context": .groups(Set(Unit.allCases.map(\.rawValue))), "volume-labels": .list,
        "months": .groups(Set((1...12).map(String.init))),
        "significance": .groups(Set(Significance.allCases.map(\.rawValue))),
        "organisation-levels": .groups(Set(Significance.allCases.map(\.rawValue))),
        "roles": .groups(Set(Role.allCases.map(\.rawValue))),
        "translation-markers": .list, "notary": .list, "birth-labels": .list, "issue-labels": .list, "ongoing": .list,
        "holder-labels": .list, "next-line-labels": .list, "author-labels": .list, "holder-predicates": .list, "signatory-labels": .list,
        "title-labels": .list,
        "number-words": .numbers, "whole-number-words": .numbers,
        "dates": .groups(DateWords.groups),
        "level-documents": .weighted(Set(LevelDocumentKind.allCases.map(\.rawValue))),
        "assessment-outcomes": .groups(["passed", "failed"]), "level-labels": .list,
        "report-issuers": .groups(Set(LevelAssignment.WorkFunctionsReport.Issuer.allCases.map(\.rawValue))),
    ]

    /// Section → group ("" for a plain list or numbers) → entries, in file order.
    private var sections: [String: [String: [Entry]]] = [:]

    /// Tells one set of wordings from another (FNV-1a over every entry), so readings stored with
    /// other wordings are not taken for this lexicon's.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (section, groups) in sections.sorted(by: { $0.key < $1.key }) {
            for (group, entries) in groups.sorted(by: { $0.key < $1.key }) {
                for entry in entries {
                    for byte in "\(section)/\(group)/\(entry.text)=\(entry.value)\n".utf8 {
                        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                    }
                }
            }
        }
        return String(hash, radix: 16)
    }

    /// The entries of a plain list or number section.
    func list(_ section: String) -> [Entry] { sections[section]?[""] ?? [] }
    /// The entries of one group of a grouped section.
    func group(_ section: String, _ group: String) -> [Entry] { sections[section]?[group] ?? [] }

    // MARK: Derived once, for the readers' hot paths

    /// Every activity phrase, grouped by activity in the lexicon's order, and an index that finds
    /// them all in a line at once.
    private(set) var activityPhraseList: [(activity: ActivityKind, entry: Entry)] = []
    private(set) var activityPhraseIndex = PhraseIndex([])
    /// Every unit's entries with the words of their stems, by the first byte of the first word,
    /// in the order of the units and their entries: a word is compared only with the units that
    /// can begin it.
    private(set) var unitsByFirstByte: [[(unit: Unit, entry: Entry, words: [String])]] = []
    /// The holder labels, each with the space that starts it inside a line and the colon that may
    /// end it, and an index that finds the labels a line contains in one pass.
    private(set) var holderLabels: [(text: String, inside: String, colon: String)] = []
    private(set) var holderLabelIndex = PhraseIndex([])
    /// The organisation markers as `ActivityClassifier.isOrganisationName` tests them: the wording,
    /// its words without the edge spaces, whether it is a phrase, and how many letters of a case
    /// ending a one-word marker may take ("ао " is the whole word, "институт" takes "а").
    private(set) var organisationMarkers: [(text: String, word: String, isPhrase: Bool, ending: Int)] = []
    /// Month names, longest first, so "июня" is not taken by a shorter prefix.
    private(set) var monthPrefixes: [Entry] = []
    /// Number words, longest first ("семьдесят" before "сем").
    private(set) var numberStems: [Entry] = []
    private(set) var dateWords = DateWords.none

    private mutating func derive() {
        activityPhraseList = ActivityKind.allCases.flatMap { activity in group("activities", activity.rawValue).map { (activity, $0) } }
        activityPhraseIndex = PhraseIndex(activityPhraseList.map(\.entry.text))
        unitsByFirstByte = Array(repeating: [], count: 256)
        for unit in Unit.allCases {
            for entry in group("units", unit.rawValue) {
                let words = QuantityFinder.tokens(entry.text).filter { $0.kind != .mark }.map { String($0.text) }
                if let byte = words.first?.utf8.first { unitsByFirstByte[Int(byte)].append((unit, entry, words)) }
            }
        }
        holderLabels = list("holder-labels").map { (text: $0.text, inside: " " + $0.text, colon: $0.text + ":") }
        holderLabelIndex = PhraseIndex(holderLabels.map(\.text))
        organisationMarkers = list("organisation-markers").map { marker in
            let word = marker.text.trimming(" ")
            // The byte first: Foundation's string search would be started for this alone.
            return (marker.text, word, word.utf8.contains(0x20) && word.contains(" "), marker.text.hasSuffix(" ") ? 0 : 1)
        }
        monthPrefixes = Self.longestFirst((1...12).flatMap { month in
            group("months", "\(month)").map { Entry(text: $0.text, value: Double(month), origin: $0.origin) }
        })
        numberStems = Self.longestFirst(list("number-words"))
        dateWords = DateWords(self)
    }

    /// Longest text first, ties in their order (each length counted once: a start pays for this).
    private static func longestFirst(_ entries: [Entry]) -> [Entry] {
        entries.enumerated().map { (length: $0.element.text.count, index: $0.offset, entry: $0.element) }
            .sorted { ($0.length, -$0.index) > ($1.length, -$1.index) }.map(\.entry)
    }

    // MARK: Loading

    /// The wordings built into `cpd`: the YAML files of `Lexicon/` as `Lexicon/compiled.tsv`
    /// holds them, already normalised, so a start reads one small file instead of parsing YAML
    /// (a test keeps the two equal and rewrites the compiled file on request).
    public static let standard: Lexicon = {
        guard let url = Bundle.module.url(forResource: "Lexicon/\(compiledFileName)", withExtension: nil),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("the built-in lexicon is missing from the program's resources")
        }
        guard let lexicon = Lexicon(compiled: text) else { fatalError("the built-in lexicon's compiled file is damaged") }
        return lexicon
    }()

    /// The name of the built-in lexicon's compiled form, beside its YAML files.
    public static let compiledFileName = "compiled.tsv"

    /// Every entry, one a line: section, group, value, origin and text, parted by tabs (a
    /// normalised wording has no tab or line break; its edge spaces are kept, last on the line).
    public var compiled: String {
        var lines: [String] = []
        for (section, groups) in sections.sorted(by: { $0.key < $1.key }) {
            for (group, entries) in groups.sorted(by: { $0.key < $1.key }) {
                lines += entries.map { "\(section)\t\(group)\t\($0.value)\t\($0.origin)\t\($0.text)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A lexicon from its `compiled` form; nil when a line is not one.
    /// Split by bytes, as every start reads it: the file's newlines and tabs are single bytes
    /// (no CR), each a character of its own, and splitting by characters would run the grapheme
    /// rules over every wording.
    public init?(compiled: String) {
        for line in compiled.utf8.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 4, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 5, let value = Double(fields[2]), !fields[4].isEmpty else { return nil }
            sections[fields[0], default: [:]][fields[1], default: []].append(Entry(text: fields[4], value: value, origin: fields[3]))
        }
        derive()
    }

    /// A lexicon with no wordings, for laying files over.
    public init() {}

    /// This lexicon with the files of `directory` laid over it: an entry already present is
    /// replaced (its value too), and an entry with the value 0 is removed.
    public func adding(directory: URL) throws -> Lexicon {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var lexicon = self
        for file in files {
            let text: String
            do { text = try String(contentsOf: file, encoding: .utf8) } catch {
                throw FileError(file: file.path, line: 0, message: "cannot be read as UTF-8 text")
            }
            try lexicon.add(yaml: text, file: file.lastPathComponent)
        }
        lexicon.derive()
        return lexicon
    }

    /// This lexicon with one file's text laid over it (`file` names it in errors and citations).
    public func adding(yaml: String, file: String) throws -> Lexicon {
        var lexicon = self
        try lexicon.add(yaml: yaml, file: file)
        lexicon.derive()
        return lexicon
    }

    private mutating func add(yaml: String, file: String) throws {
        func fail(_ node: Node?, _ message: String) -> FileError {
            FileError(file: file, line: node?.mark?.line ?? 1, message: message)
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let error as YamlError {
            throw FileError(file: file, line: Self.line(of: error), message: "not valid YAML: \(error)")
        }
        guard let root else { return }
        guard let mapping = root.mapping else { throw fail(root, "a lexicon file is a mapping of sections") }
        for (key, value) in mapping {
            guard let name = key.string else { throw fail(key, "a section's name must be text") }
            if name == "language" { continue }
            guard let shape = Self.schema[name] else {
                throw fail(key, "unknown section \"\(name)\" (known: \(Self.schema.keys.sorted().joined(separator: ", ")))")
            }
            switch shape {
            case .list:
                try merge(name, "", entries(value, file: file, numbers: false, fail))
            case .numbers:
                try merge(name, "", entries(value, file: file, numbers: true, fail))
            case .groups(let known), .weighted(let known):
                guard let groups = value.mapping else { throw fail(value, "section \"\(name)\" is a mapping of \(known.sorted().joined(separator: ", "))") }
                for (groupKey, groupValue) in groups {
                    guard let group = groupKey.string, known.contains(group) else {
                        throw fail(groupKey, "unknown entry \"\(groupKey.string ?? "?")\" in \"\(name)\" (known: \(known.sorted().joined(separator: ", ")))")
                    }
                    let weighted = if case .weighted = shape { true } else { false }
                    try merge(name, group, entries(groupValue, file: file, numbers: weighted, fail))
                }
            }
        }
    }

    /// A list of words, or (for weights and numbers) a mapping of word to a positive number.
    private func entries(_ node: Node, file: String, numbers: Bool, _ fail: (Node?, String) -> FileError) throws -> [Entry] {
        func text(_ node: Node) throws -> String {
            guard let raw = node.string else { throw fail(node, "a wording must be text") }
            let folded = TextNormalization.normalize(raw).lowercased()
            guard !folded.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail(node, "an empty wording matches everything") }
            // Spaces at the ends are meaningful ("ао " is a company form, not a prefix of "аорта").
            return (raw.hasPrefix(" ") ? " " : "") + folded + (raw.hasSuffix(" ") ? " " : "")
        }
        if numbers {
            guard let mapping = node.mapping else { throw fail(node, "expected a mapping of wording: number") }
            return try mapping.map { key, value in
                guard let number = value.string.flatMap(Double.init), number >= 0 else { throw fail(value, "expected a number (0 removes the entry)") }
                return Entry(text: try text(key), value: number, origin: "\(file):\(key.mark?.line ?? 0)")
            }
        }
        guard let sequence = node.sequence else { throw fail(node, "expected a list of wordings") }
        return try sequence.map { Entry(text: try text($0), value: 1, origin: "\(file):\($0.mark?.line ?? 0)") }
    }

    private mutating func merge(_ section: String, _ group: String, _ entries: [Entry]) {
        var list = sections[section]?[group] ?? []
        for entry in entries {
            list.removeAll { $0.text == entry.text }
            if entry.value > 0 { list.append(entry) }
        }
        sections[section, default: [:]][group] = list
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 1
        }
    }
}

extension Lexicon {
    /// The first entry of `entries` the folded text contains.
    func first(in entries: [Entry], of folded: String) -> Entry? {
        entries.first { folded.contains(literal: $0.text) }
    }

    /// Whether the folded text contains a wording of the plain-list `section`.
    func mentions(_ section: String, in folded: String) -> Bool {
        first(in: list(section), of: folded) != nil
    }

    /// The first entry of `entries` the folded text contains as whole words ("очно", not the
    /// "очна" of "легочная").
    func firstWhole(in entries: [Entry], of folded: String) -> Entry? {
        entries.first { entry in
            var searched = folded[...]
            while let range = searched.range(ofLiteral: entry.text) {
                let before = range.lowerBound > folded.startIndex ? folded[folded.index(before: range.lowerBound)] : " "
                let after = range.upperBound < folded.endIndex ? folded[range.upperBound] : " "
                if !before.isLetter && !after.isLetter { return true }
                searched = folded[range.upperBound...]
            }
            return false
        }
    }
}
