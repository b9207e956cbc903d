/// A rectangle with its origin at the top left. Points for PDF text, pixels for OCR.
public struct Box: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// The smallest box holding both.
    public func union(_ other: Box) -> Box {
        let left = min(x, other.x), top = min(y, other.y)
        return Box(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }
}

/// What tesseract read on one page.
public struct OCRPage: Sendable {
    /// The page's text as tesseract lays it out: lines, blank lines between blocks.
    public let text: String
    /// Tesseract's mean word confidence, 0 to 100.
    public let meanConfidence: Int
    /// Degrees the image was turned clockwise to stand it upright before reading: 0, 90, 180 or 270.
    public let rotation: Int
    /// Degrees the upright page was found turned clockwise, and turned back before reading; 0
    /// when no skew was found or it was too small to matter.
    public let skewDegrees: Double
    /// The text lines in reading order.
    public let lines: [OCRLine]
}

/// One line of recognised text.
public struct OCRLine: Sendable {
    public let text: String
    /// In pixels of the upright, deskewed image that was read.
    public let box: Box
    /// 0 to 100.
    public let confidence: Double
}
