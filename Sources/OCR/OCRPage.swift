import Foundation

/// A rectangle with its origin at the top left. Points for PDF text, pixels for OCR, fractions of
/// the page for a region.
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
    /// The size of the image as it was given, before any turn.
    public let imageWidth: Int
    public let imageHeight: Int

    /// Where `box`, in pixels of the upright, straightened image that was read, lies on the image
    /// as it was given: the straightening and the turn undone, as fractions of the image's width
    /// and height. A box on a straightened page stands at an angle on the original; the result
    /// holds all of it.
    public func regionOnImage(_ box: Box) -> Box {
        let (width, height) = (Double(imageWidth), Double(imageHeight))
        guard width > 0, height > 0 else { return Box(x: 0, y: 0, width: 0, height: 0) }
        let sideways = rotation == 90 || rotation == 270
        let (uprightWidth, uprightHeight) = sideways ? (height, width) : (width, height)
        // Straightening turned the upright page by -skew about its centre (the size kept): turn
        // the corners back by +skew, clockwise as the image's y axis points down.
        let angle = skewDegrees * .pi / 180
        let (cx, cy) = (uprightWidth / 2, uprightHeight / 2)
        let corners = [(box.x, box.y), (box.maxX, box.y), (box.x, box.maxY), (box.maxX, box.maxY)].map { (x: Double, y: Double) -> (x: Double, y: Double) in
            let (dx, dy) = (x - cx, y - cy)
            let (u, v) = (cx + dx * cos(angle) - dy * sin(angle), cy + dx * sin(angle) + dy * cos(angle))
            // The upright page is the given one turned `rotation` degrees clockwise.
            switch rotation {
            case 90: return (v, height - u)
            case 180: return (width - u, height - v)
            case 270: return (width - v, u)
            default: return (u, v)
            }
        }
        let left = max(0, corners.map(\.x).min()!), right = min(width, corners.map(\.x).max()!)
        let top = max(0, corners.map(\.y).min()!), bottom = min(height, corners.map(\.y).max()!)
        return Box(x: left / width, y: top / height, width: max(0, right - left) / width, height: max(0, bottom - top) / height)
    }
}

/// One line of recognised text.
public struct OCRLine: Sendable {
    public let text: String
    /// In pixels of the upright, deskewed image that was read.
    public let box: Box
    /// 0 to 100.
    public let confidence: Double
}
