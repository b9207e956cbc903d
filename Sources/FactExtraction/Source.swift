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
        /// Where the line stands on its page, when the reader knew.
        public var region: PageRegion? = nil
    }

    /// A line as a reader laid it out: its text, and where it stands on the page.
    public struct LocatedLine: Sendable {
        public let text: String
        public let region: PageRegion

        public init(text: String, region: PageRegion) {
            self.text = text
            self.region = region
        }
    }

    public let lines: [Line]
    public let pageCount: Int

    /// - Parameters:
    ///   - pages: the text of each page, lines separated by newlines.
    ///   - layout: for each page, the lines where the reader saw them (a PDF's text layer, the
    ///     recognised lines of a scan), in reading order; a line of `pages` takes the region of
    ///     the next located line of the same text. Pages without a layout give lines without one.
    public init(pages: [String], layout: [[LocatedLine]] = []) {
        var lines: [Line] = []
        for (index, page) in pages.enumerated() {
            let located = layout.indices.contains(index) ? layout[index] : []
            let locatedTexts = located.map { Self.squeezed($0.text) }
            var next = 0
            for raw in page.split(whereSeparator: \.isNewline) {
                let text = TextNormalization.normalize(String(raw))
                guard !text.isEmpty else { continue }
                var line = Line(page: index + 1, original: String(raw).trimming(" \t"), text: text, folded: text.lowercased())
                if next < located.count, let match = locatedTexts[next...].firstIndex(of: Self.squeezed(raw)) {
                    line.region = located[match].region
                    next = match + 1
                }
                lines.append(line)
            }
        }
        self.lines = lines
        pageCount = pages.count
    }

    /// The words of a line, one space between each: how a layout and a page's text agree.
    static func squeezed(_ text: some StringProtocol) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Each line joined with the next on the same page: a phrase or a number and its unit that
    /// the layout broke over two lines ("в количестве" / "175", "повышение" / "квалификации").
    static func pairs(_ lines: [Line]) -> [Line] {
        zip(lines, lines.dropFirst()).filter { $0.page == $1.page }.map(joined)
    }

    /// Two lines as one, parted by a space.
    static func joined(_ first: Line, _ second: Line) -> Line {
        let region = first.region.map { first in second.region.map(first.union) ?? first } ?? second.region
        return Line(page: first.page, original: first.original + " " + second.original, text: first.text + " " + second.text,
                    folded: first.folded + " " + second.folded, region: region)
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
    /// Where the line stands on the page, so it can be marked on the page's image.
    public let region: PageRegion?

    public init(page: Int, text: String, wording: String? = nil, region: PageRegion? = nil) {
        self.page = page
        self.text = text
        self.wording = wording
        self.region = region
    }

    init(_ line: SourceText.Line, _ entry: Lexicon.Entry? = nil) {
        self.init(page: line.page, text: line.original, wording: entry?.citation, region: line.region)
    }
}

/// A rectangle on a page as fractions of the page's width and height, from its top left corner,
/// as the page is shown (a scan as it was scanned, before any turn): whatever the resolution
/// the page is drawn at, the same fractions mark the same place. Kept to four places, a tenth
/// of a millimetre on an A4 page.
public struct PageRegion: Sendable, Hashable, Codable {
    public let x: Double
    public let y: Double
    public let width: Double
    public let height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        func fraction(_ value: Double) -> Double { (min(1, max(0, value)) * 10_000).rounded() / 10_000 }
        self.x = fraction(x)
        self.y = fraction(y)
        self.width = fraction(min(width, 1 - self.x))
        self.height = fraction(min(height, 1 - self.y))
    }

    /// The smallest region holding both.
    public func union(_ other: PageRegion) -> PageRegion {
        let left = min(x, other.x), top = min(y, other.y)
        return PageRegion(x: left, y: top, width: max(x + width, other.x + other.width) - left, height: max(y + height, other.y + other.height) - top)
    }
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
