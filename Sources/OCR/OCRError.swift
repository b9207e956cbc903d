/// Why an image could not be read or recognised.
public enum OCRError: Error, Equatable, CustomStringConvertible {
    /// The engine could not start: the traineddata for these languages is missing or unreadable.
    case engineUnavailable(String)
    /// The file or bytes are not an image leptonica can decode.
    case unreadableImage(String)
    /// Recognition was abandoned when the page's time ran out.
    case timedOut(seconds: Int)
    /// Tesseract gave up on the page for another reason.
    case failed(String)

    public var description: String {
        switch self {
        case .engineUnavailable(let reason): "OCR engine unavailable: \(reason)"
        case .unreadableImage(let reason): "unreadable image: \(reason)"
        case .timedOut(let seconds) where seconds < 1: "OCR took longer than the time allowed (under 1 s)"
        case .timedOut(let seconds): "OCR took longer than the \(seconds) s allowed"
        case .failed(let reason): "OCR failed: \(reason)"
        }
    }
}
