/// Why a PDF cannot be opened or a page rendered.
public enum PDFReadError: Error, Equatable, CustomStringConvertible {
    case notFound
    /// No `%PDF-` header within the first 1024 bytes.
    case notAPDF
    /// Password-protected: it cannot be read without the password.
    case encrypted
    /// Poppler found the file broken beyond repair; its message.
    case damaged(String)
    /// Zero bytes, or a document with no pages.
    case empty
    case renderFailed(String)
    /// The page is too large to render within the pixel budget even at the lowest resolution
    /// text is recognised at.
    case pageTooLarge(page: Int, widthPoints: Int, heightPoints: Int)

    public var description: String {
        switch self {
        case .notFound: "the file does not exist"
        case .notAPDF: "not a PDF file (no %PDF- header)"
        case .encrypted: "the PDF is password-protected"
        case .damaged(let reason): "the PDF is damaged: \(reason)"
        case .empty: "the PDF is empty"
        case .renderFailed(let reason): "the page cannot be rendered: \(reason)"
        case .pageTooLarge(let page, let width, let height):
            "page \(page) is \(width)×\(height) pt (\(width / 72)×\(height / 72) inches), too large to render: over \(PDFFile.pixelBudget / 1_000_000) megapixels even at \(PDFFile.minimumDPI) dpi"
        }
    }
}
