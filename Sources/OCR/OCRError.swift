/// Why an image could not be read or recognised.
public enum OCRError: Error, Equatable, CustomStringConvertible {
    /// The engine could not start: the traineddata for these languages is missing or unreadable.
    case engineUnavailable(String)
    /// The file or bytes are not an image leptonica can decode.
    case unreadableImage(String)
    /// The image's header declares more pixels than may be decoded: refused before decoding,
    /// so a small file that unpacks to gigabytes (a decompression bomb) costs nothing.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// Recognition was abandoned when the page's time ran out.
    case timedOut(seconds: Int)
    /// Tesseract gave up on the page for another reason.
    case failed(String)

    public var description: String {
        switch self {
        case .engineUnavailable(let reason): "OCR engine unavailable: \(reason)"
        case .unreadableImage(let reason): "unreadable image: \(reason)"
        case .tooManyPixels(let width, let height, let limit):
            "the image is \(width)×\(height) pixels, more than the limit of \(limit / 1_000_000) megapixels; scan it at a lower resolution"
        case .timedOut(let seconds) where seconds < 1: "OCR took longer than the time allowed (under 1 s)"
        case .timedOut(let seconds): "OCR took longer than the \(seconds) s allowed"
        case .failed(let reason): "OCR failed: \(reason)"
        }
    }
}
