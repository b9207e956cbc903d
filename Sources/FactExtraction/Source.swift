/// Text as read from a document, page by page, before any fact is taken from it.
public struct SourceText: Sendable {
    public struct Line: Sendable, Hashable {
        /// 1-based page number.
        public let page: Int
        /// The line as read (for provenance).
        public let original: String
        /// The line after `TextNormalization` (what patterns run on).
        public let text: String
        /// Lowercased `text`, for keyword search.
        public let folded: String
    }

    public let lines: [Line]
    public let pageCount: Int

    /// - Parameter pages: the text of each page, lines separated by newlines.
    public init(pages: [String]) {
        var lines: [Line] = []
        for (index, page) in pages.enumerated() {
            for raw in page.split(whereSeparator: \.isNewline) {
                let text = TextNormalization.normalize(String(raw))
                guard !text.isEmpty else { continue }
                lines.append(Line(page: index + 1, original: String(raw).trimming(" \t"), text: text, folded: text.lowercased()))
            }
        }
        self.lines = lines
        pageCount = pages.count
    }

    /// Each line joined with the next on the same page: a phrase or a number and its unit that
    /// the layout broke over two lines ("в количестве" / "175", "повышение" / "квалификации").
    static func pairs(_ lines: [Line]) -> [Line] {
        zip(lines, lines.dropFirst()).filter { $0.page == $1.page }.map(joined)
    }

    /// Two lines as one, parted by a space.
    static func joined(_ first: Line, _ second: Line) -> Line {
        Line(page: first.page, original: first.original + " " + second.original, text: first.text + " " + second.text,
             folded: first.folded + " " + second.folded)
    }

    init(lines: [Line], pageCount: Int) {
        self.lines = lines
        self.pageCount = pageCount
    }
}

/// Where a fact was read: the page and the line of text, for an HR officer to check.
public struct Provenance: Sendable, Hashable, Codable {
    public let page: Int
    public let text: String
    /// The lexicon entry that matched ("ru.yaml:42 «ак.ч»"), so a wording can be checked and fixed.
    public let wording: String?

    public init(page: Int, text: String, wording: String? = nil) {
        self.page = page
        self.text = text
        self.wording = wording
    }

    init(_ line: SourceText.Line, _ entry: Lexicon.Entry? = nil) { self.init(page: line.page, text: line.original, wording: entry?.citation) }
}

/// A fact with where it came from and how sure the reading is (0 to 1).
public struct Found<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public let provenance: Provenance
    public let confidence: Double

    public init(_ value: Value, _ provenance: Provenance, confidence: Double) {
        self.value = value
        self.provenance = provenance
        self.confidence = confidence
    }

    init(_ value: Value, _ line: SourceText.Line, _ entry: Lexicon.Entry? = nil, confidence: Double) {
        self.init(value, Provenance(line, entry), confidence: confidence)
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimming(_ set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
