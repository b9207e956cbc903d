import CTesseract

/// An owned leptonica image, destroyed with the wrapper. Leptonica counts references, so a
/// clone returned by a leptonica call is a separate `Picture` with its own `pixDestroy`.
/// The pointer is only lent out inside `withPix`: Swift may release an object right after its
/// last use, which would otherwise be before the C call that reads the pointer.
final class Picture {
    private let pix: UnsafeMutablePointer<Pix>

    init(_ pix: UnsafeMutablePointer<Pix>) {
        self.pix = pix
    }

    deinit {
        var pointer: UnsafeMutablePointer<Pix>? = pix
        pixDestroy(&pointer)
    }

    /// An 8-bit gray copy of `image`, carrying its resolution.
    convenience init(_ image: RasterImage) throws(OCRError) {
        try OCRLibraries.open(tesseract: false)
        let gray = image.grayscale()
        let pix = pixCreate(Int32(gray.width), Int32(gray.height), 8)!
        // Leptonica packs 8-bit pixels big-endian within 32-bit words: write bytes in
        // reading order, then let leptonica swap them into its layout on this machine.
        let wordsPerLine = Int(pixGetWpl(pix))
        let data = UnsafeMutableRawPointer(pixGetData(pix)!)
        gray.pixels.withUnsafeBytes { bytes in
            for y in 0..<gray.height {
                (data + y * wordsPerLine * 4).copyMemory(
                    from: bytes.baseAddress! + y * gray.width, byteCount: gray.width)
            }
        }
        pixEndianByteSwap(pix)
        pixSetResolution(pix, Int32(gray.dpi), Int32(gray.dpi))
        self.init(pix)
    }

    func withPix<T>(_ body: (UnsafeMutablePointer<Pix>) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) { try body(pix) }
    }

    /// The image a leptonica call makes from this one, nil when it fails.
    func map(_ transform: (UnsafeMutablePointer<Pix>) -> UnsafeMutablePointer<Pix>?) -> Picture? {
        withPix(transform).map(Picture.init)
    }

    var width: Int { withPix { Int(pixGetWidth($0)) } }
    var height: Int { withPix { Int(pixGetHeight($0)) } }
    var dpi: Int { withPix { Int(pixGetXRes($0)) } }

    /// The picture turned back by the skew leptonica finds (a sweep of ±7°, binarised at 130),
    /// and that skew in degrees clockwise; itself and 0 when there is no reliable skew or one
    /// under 0.1°, where leptonica returns a clone of the same pointer.
    func straightened() -> (picture: Picture, skew: Double) {
        var angle: Float = 0, confidence: Float = 0
        let straight = withPix { pix in
            pixDeskewGeneral(pix, 0, 0, 0, 0, 0, &angle, &confidence).map { ($0, $0 != pix) }
        }
        guard let (pix, deskewed) = straight else { return (self, 0) }
        return (Picture(pix), deskewed ? -Double(angle) : 0)
    }

    /// The image as `gray8`, whatever its depth, colormap or alpha (alpha is flattened on white).
    func raster() -> RasterImage? {
        let hasAlpha = withPix { pixGetSpp($0) == 4 }
        let flat = hasAlpha ? map { pixAlphaBlendUniform($0, 0xffff_ff00) } : self
        guard let readable = flat?.map({ pixConvertTo8($0, 0) })?.map(pixEndianByteSwapNew) else { return nil }
        let (width, height, dpi) = (readable.width, readable.height, readable.dpi)
        var pixels = [UInt8](repeating: 0, count: width * height)
        readable.withPix { pix in
            let wordsPerLine = Int(pixGetWpl(pix))
            let data = UnsafeRawPointer(pixGetData(pix)!)
            pixels.withUnsafeMutableBytes { bytes in
                for y in 0..<height {
                    (bytes.baseAddress! + y * width).copyMemory(from: data + y * wordsPerLine * 4, byteCount: width)
                }
            }
        }
        return RasterImage(width: width, height: height, bytesPerRow: width, format: .gray8, pixels: pixels, dpi: dpi)
    }
}

/// Tesseract and Leptonica are opened on first use, not linked (`CTesseract.h`): a run that
/// reads only text PDFs and XML never loads them.
enum OCRLibraries {
    /// Opens Leptonica, and Tesseract too when `tesseract` is true; any later call is free.
    static func open(tesseract: Bool) throws(OCRError) {
        var message: UnsafePointer<CChar>?
        guard cpd_load_ocr_libraries(tesseract ? 1 : 0, &message) == 0 else {
            let library = tesseract ? "tesseract (libtesseract5)" : "leptonica (liblept5)"
            throw .engineUnavailable("cannot open \(library): \(message.map { String(cString: $0) } ?? "not found")")
        }
        _ = silenced
    }

    /// Leptonica prints its errors to stderr ("Error in pixReadStream: ..."); the callers get
    /// them as `OCRError` instead. The setting is process-wide.
    private static let silenced: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_NONE)) }()
}
