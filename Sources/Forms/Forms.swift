import CPDRules
import Confirmation
import FormTemplates
import Foundation
import Mustache
import CPDReport
import Wording

/// The forms of a confirmation: the Appendix 2 form and, when any document is refused, the
/// notice citing paragraph 11 (and 7), each as HTML and as a PDF laid out from that same HTML.
public struct Forms: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A value too long for a form (a register field of megabytes): refused with its name
    /// rather than taken for a broken template when the XHTML parser gives up on it.
    public struct FieldTooLong: Error, CustomStringConvertible {
        public let field: String
        public let length: Int
        public var description: String {
            "the form's field \(field) holds \(length) characters, more than a form takes (\(Forms.fieldLimit)); correct it in the register or the evidence"
        }
    }

    /// The most characters one value of a form may have.
    public static let fieldLimit = 65_536

    /// A rendered form: its XHTML and its PDF.
    public struct Rendered: Sendable {
        public let html: String
        public let pdf: Data
    }

    let library: MustacheLibrary

    /// Loads every template of `directory` (default: the templates shipped with cpd).
    public init(directory: URL? = nil) throws {
        guard let directory = directory ?? FormTemplates.directory else {
            throw Failure(description: "the form templates are missing: cpd was installed without its resources")
        }
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "mustache" {
            let name = file.deletingPathExtension().lastPathComponent
            do {
                try library.register(FindingWording.templateText(String(contentsOf: file, encoding: .utf8), named: name), named: name)
            } catch {
                throw Failure(description: "the template \(file.lastPathComponent) cannot be read: \(error)")
            }
        }
        guard library.getTemplate(named: "appendix2.ru") != nil else {
            throw Failure(description: "no form templates in \(directory.path)")
        }
        self.library = library
    }

    /// The Appendix 2 form filled from the assessment and the register.
    public func confirmation(_ folder: FolderAssessment, register: RegisterDetails, language: FormLanguage) throws -> Rendered {
        try render("appendix2", folder, register: register, language: language)
    }

    /// The refusal notice; nil when no document is refused.
    public func refusal(_ folder: FolderAssessment, language: FormLanguage) throws -> Rendered? {
        guard folder.documents.contains(where: { $0.item.outcome.decision == .refused }) else { return nil }
        return try render("refusal", folder, register: RegisterDetails(), language: language)
    }

    /// Every string of the context with its control characters written out: XML allows none of
    /// them, and a file name may hold any.
    static func escapingControlCharacters(_ value: Any) -> Any {
        switch value {
        case let text as String: text.escapingControlCharacters
        case let list as [Any]: list.map(escapingControlCharacters)
        case let dictionary as [String: Any]: dictionary.mapValues(escapingControlCharacters)
        default: value
        }
    }

    /// The first value longer than `fieldLimit`, by its path in the context.
    static func longestOverLimit(_ value: Any, at path: String) -> (String, Int)? {
        switch value {
        case let text as String: text.count > fieldLimit ? (path, text.count) : nil
        case let list as [Any]: list.enumerated().lazy.compactMap { longestOverLimit($1, at: "\(path)[\($0 + 1)]") }.first
        case let dictionary as [String: Any]:
            dictionary.sorted { $0.key < $1.key }.lazy.compactMap { longestOverLimit($1, at: path.isEmpty ? $0 : "\(path).\($0)") }.first
        default: nil
        }
    }

    func render(_ form: String, _ folder: FolderAssessment, register: RegisterDetails, language: FormLanguage) throws -> Rendered {
        // The PDF is dated by the confirmation, so the same assessment gives the same bytes.
        try render(form, context: FormContext.make(folder, register: register, language: language), language: language, date: folder.assessment.confirmationDate)
    }

    /// `form` in `language`, from the template of that name, as XHTML and as a PDF dated `date`.
    func render(_ form: String, context: [String: Any], language: FormLanguage, date: CalendarDate) throws -> Rendered {
        let name = "\(form).\(language.rawValue)"
        let context = Self.escapingControlCharacters(context)
        if let (field, length) = Self.longestOverLimit(context, at: "") { throw FieldTooLong(field: field, length: length) }
        guard let rendered = library.render(context, withTemplate: name) else {
            throw Failure(description: "no template \(name).mustache")
        }
        let html = NoBreakDates.mark(rendered)
        let blocks: [Block]
        do {
            blocks = try XHTMLBlocks.blocks(of: html)
        } catch {
            throw Failure(description: "the template \(name).mustache does not render to well-formed XHTML: \(error)")
        }
        let title = blocks.lazy.compactMap { block -> String? in
            if case .text(let markup, .title, _) = block { return markup } else { return nil }
        }.first ?? form
        return Rendered(html: html, pdf: try PDFLayout.render(blocks, title: title, creationDate: "\(date)T00:00:00"))
    }
}

/// The files of one confirmation: `appendix2.pdf`/`.html`, `refusal.pdf`/`.html` when a
/// document is refused, `assessment.json`.
public enum ConfirmationOutputs {
    /// Every file of the set, by name, rendered before anything is written.
    public static func files(
        _ folder: FolderAssessment, register: RegisterDetails, language: FormLanguage, forms: Forms
    ) throws -> [(name: String, data: Data)] {
        let confirmation = try forms.confirmation(folder, register: register, language: language)
        var files = [("appendix2.html", Data(confirmation.html.utf8)), ("appendix2.pdf", confirmation.pdf)]
        if let refusal = try forms.refusal(folder, language: language) {
            files += [("refusal.html", Data(refusal.html.utf8)), ("refusal.pdf", refusal.pdf)]
        }
        let report = AssessmentReport(
            assessment: folder.assessment, worker: .init(iin: folder.workerIIN, fullName: folder.workerName.description),
            origins: folder.documents.map { .file($0.record) }, corrections: folder.documents.map(\.corrections))
        files.append(("assessment.json", Data(encodeJSON(report).utf8)))
        return files
    }

    /// Writes the set (`files`) into `directory`, a folder the user names that may hold other
    /// files: each file atomically, and an earlier refusal notice removed when none is issued.
    public static func write(_ files: [(name: String, data: Data)], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (name, data) in files { try AtomicFile.write(data, to: directory.appendingPathComponent(name)) }
        for name in ["refusal.html", "refusal.pdf"] where !files.contains(where: { $0.name == name }) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}

/// Any XHTML document of the forms' subset (headings, paragraphs, tables) as a PDF, laid out as
/// the forms are.
public enum XHTMLDocument {
    public static func pdf(_ xhtml: String, title: String, creationDate: String? = nil) throws -> Data {
        try PDFLayout.render(try XHTMLBlocks.blocks(of: xhtml), title: title, creationDate: creationDate)
    }
}

/// Writes output files so that a reader never sees half of one, and only their owner can read
/// them: each goes to a temporary name, is flushed to disk, then renamed over the old one.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var written = 0
        let result: Int32 = data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return errno }
                written += count
            }
            return fsync(descriptor) == 0 ? 0 : errno
        }
        close(descriptor)
        guard result == 0, rename(temporary.path, url.path) == 0 else {
            let error = result != 0 ? result : errno
            unlink(temporary.path)
            throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO)
        }
        let directoryDescriptor = open(directory.path, O_RDONLY | O_DIRECTORY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
