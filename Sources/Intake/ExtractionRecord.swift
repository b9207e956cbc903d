import CPDRules
import FactExtraction

/// How a document's text was obtained.
public enum SourceKind: String, Sendable, Codable {
    case pdfText = "pdf-text"
    case pdfOCR = "pdf-ocr"
    case imageOCR = "image-ocr"
    case xml
}

/// One fact as `cpd extract` reports it: its value, where it was read and how sure the reading is.
public struct NamedFact: Sendable, Hashable, Codable {
    public enum Value: Sendable, Hashable, Codable {
        case text(String)
        case number(String)  // exact decimal text, written as a JSON number
        case date(CalendarDate)
        case flag(Bool)
        case list([String])
    }

    public let name: String
    public let value: Value
    public let provenance: Provenance
    public let confidence: Double
}

/// Why a file gave no facts: each a specific, human sentence.
public enum IntakeError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    case cannotOpen(String)
    case tooLarge(bytes: Int, limit: Int)
    case unknownFormat(String)
    case pdf(String)
    case image(String)
    case xml(String)
    case ocr(page: Int, String)
    /// Every page was read or recognised and none holds legible text.
    case noText(pages: Int)
    case timedOut(seconds: Int)
    /// A file the watch keeps retrying (written still, or on a share that does not answer).
    case notReadableYet(String)

    public var description: String {
        switch self {
        case .cannotOpen(let reason): "cannot open the file: \(reason)"
        case .tooLarge(let bytes, let limit): "the file has \(bytes) bytes, more than the limit of \(limit)"
        case .unknownFormat(let reason): "unknown format: \(reason)"
        case .pdf(let reason): "PDF: \(reason)"
        case .image(let reason): "image: \(reason)"
        case .xml(let reason): "XML: \(reason)"
        case .ocr(let page, let reason): "page \(page): text recognition failed: \(reason)"
        case .noText(let pages): "no legible text on \(pages == 1 ? "its page" : "any of its \(pages) pages") (a picture, or a blank scan)"
        case .timedOut(let seconds): "reading took longer than \(seconds) s and was abandoned"
        case .notReadableYet(let reason): "not readable yet, tried again for a while (\(reason))"
        }
    }

    /// The kind of failure, for a notice that words it in its own language (`reason.<lang>`).
    public var cause: String {
        switch self {
        case .cannotOpen: "cannot-open"
        case .tooLarge: "too-large"
        case .unknownFormat: "unknown-format"
        case .pdf: "pdf"
        case .image: "image"
        case .xml: "xml"
        case .ocr: "ocr"
        case .noText: "no-text"
        case .timedOut: "timed-out"
        case .notReadableYet: "not-readable-yet"
        }
    }

    /// The facts of the failure by name; `reason` is the library's or the system's own message,
    /// quoted as it is.
    public var details: [String: String] {
        switch self {
        case .cannotOpen(let reason), .unknownFormat(let reason), .pdf(let reason), .image(let reason), .xml(let reason),
            .notReadableYet(let reason):
            ["reason": reason]
        case .tooLarge(let bytes, let limit): ["bytes": "\(bytes)", "limit": "\(limit)"]
        case .ocr(let page, let reason): ["page": "\(page)", "reason": reason]
        case .noText(let pages): ["pages": "\(pages)"]
        case .timedOut(let seconds): ["seconds": "\(seconds)"]
        }
    }
}

/// Everything read from one piece of evidence: one per file, or one per record of a file that
/// holds several (a PubMed set).
/// Codable, so a watch over an inbox keeps it and never reads the same content twice.
public struct ExtractionRecord: Sendable, Codable {
    /// The file's path; the same content found under another name carries that name.
    public var file: String
    public var sha256: String
    /// 1-based position of the record in its file, when the file holds more than one.
    public var item: Int?
    public var source: SourceKind?
    public var pages: Int = 0
    /// The original's language (ISO 639-1).
    public var language: String?
    /// Paragraph 7: the original is neither Kazakh nor Russian (and is not a published work).
    public var needsNotarizedTranslation = false
    /// A notarized translation into Kazakh or Russian is attached.
    public var hasNotarizedTranslation = false
    /// The file is a translation only; its original should be another file of the folder.
    public var isTranslationOnly = false
    public var activity: ActivityKind?
    /// The kind weak phrases point to when none decides it: a document for review, not refusal.
    public var activityGuess: ActivityKind?
    public var criterion: Int?
    public var facts: [NamedFact] = []
    /// The facts the rules decide on; nil when nothing could be read or recognised.
    public var evidence: Evidence?
    /// A document of chapter 3 (an assessment's result, a work-functions report): not CPD
    /// evidence, but what a level decision reads.
    public var levelDocument: LevelDocument?
    /// The holder's name as printed, and every person the document names.
    public var holderName: String?
    /// The holder's name stood on a line of its own, without a label saying whose it is.
    public var holderNameIsUnlabelled = false
    public var people: [String] = []
    /// What a person must confirm before the document can count: low-confidence readings,
    /// facts the criterion needs that were not found.
    public var uncertainties: [Finding] = []
    public var errors: [IntakeError] = []

    public init(file: String, sha256: String) {
        self.file = file
        self.sha256 = sha256
    }

    /// The fact of that name, if read.
    public func fact(_ name: String) -> NamedFact? { facts.first { $0.name == name } }
}

/// What a level decision reads from an assessment's certificate or a work-functions report.
public struct LevelDocument: Sendable, Hashable, Codable {
    public var kind: LevelDocumentKind
    /// The day it was issued (or, failing that, the last day it names).
    public var date: CalendarDate?
    /// The assessment's result: true positive, false negative, nil unread.
    public var passed: Bool?
    /// The level it names, in the regulation's notation.
    public var level: String?
    public var issuer: LevelAssignment.WorkFunctionsReport.Issuer?

    public init(kind: LevelDocumentKind, date: CalendarDate? = nil, passed: Bool? = nil, level: String? = nil, issuer: LevelAssignment.WorkFunctionsReport.Issuer? = nil) {
        self.kind = kind
        self.date = date
        self.passed = passed
        self.level = level
        self.issuer = issuer
    }
}
