/// A page as pixels: what a PDF renders to and what OCR reads.
public struct RasterImage: Sendable {
    public enum PixelFormat: Sendable {
        /// One byte per pixel, 0 black to 255 white.
        case gray8
        /// Four bytes per pixel in memory order B, G, R, A: cairo's 32-bit layout on little-endian.
        case bgra32

        public var bytesPerPixel: Int { self == .gray8 ? 1 : 4 }
    }

    public let width: Int
    public let height: Int
    /// Row stride; at least `width * format.bytesPerPixel`, rows may be padded.
    public let bytesPerRow: Int
    public let format: PixelFormat
    public let pixels: [UInt8]
    /// Resolution in dots per inch, 0 when unknown (tesseract then estimates it).
    public let dpi: Int

    /// A malformed buffer is a programmer error, so it traps rather than throws.
    public init(width: Int, height: Int, bytesPerRow: Int, format: PixelFormat, pixels: [UInt8], dpi: Int) {
        precondition(width > 0 && height > 0, "an image has at least one pixel")
        precondition(bytesPerRow >= width * format.bytesPerPixel, "rows shorter than the width")
        precondition(pixels.count >= bytesPerRow * height, "fewer bytes than rows")
        self.width = width
        self.height = height
        self.bytesPerRow = bytesPerRow
        self.format = format
        self.pixels = pixels
        self.dpi = max(dpi, 0)
    }

    /// The same image as `gray8` with unpadded rows.
    public func grayscale() -> RasterImage {
        if format == .gray8 && bytesPerRow == width { return self }
        return pixels.withUnsafeBytes { bytes in
            Self.grayscale(width: width, height: height, bytesPerRow: bytesPerRow, format: format, bytes: bytes, dpi: dpi)
        }
    }

    /// A `gray8` image from pixels in someone else's buffer (a cairo surface), without an
    /// intermediate copy; luma with the Rec. 601 weights.
    public static func grayscale(
        width: Int, height: Int, bytesPerRow: Int, format: PixelFormat, bytes: UnsafeRawBufferPointer, dpi: Int
    ) -> RasterImage {
        precondition(bytes.count >= bytesPerRow * height && bytesPerRow >= width * format.bytesPerPixel)
        var gray = [UInt8](repeating: 0, count: width * height)
        gray.withUnsafeMutableBufferPointer { output in
            for y in 0..<height {
                let row = y * bytesPerRow
                let out = y * width
                switch format {
                case .gray8:
                    for x in 0..<width { output[out + x] = bytes[row + x] }
                case .bgra32:
                    for x in 0..<width {
                        let p = row + 4 * x
                        let luma = 29 * Int(bytes[p]) + 150 * Int(bytes[p + 1]) + 77 * Int(bytes[p + 2])
                        output[out + x] = UInt8(truncatingIfNeeded: luma >> 8)
                    }
                }
            }
        }
        return RasterImage(width: width, height: height, bytesPerRow: width, format: .gray8, pixels: gray, dpi: dpi)
    }
}
