import OCR

/// A page's text layer as lines in poppler's reading order.
public struct PageText: Sendable {
    public let pageIndex: Int
    public let lines: [TextLine]

    /// The lines joined by newlines; empty for a page without a text layer (a scan).
    public var text: String { lines.map(\.text).joined(separator: "\n") }
}

public struct TextLine: Sendable {
    public let text: String
    /// In points, origin at the page's top left; the union of the line's visible characters.
    public let box: Box
}
