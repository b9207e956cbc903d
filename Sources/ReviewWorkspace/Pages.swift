import CPDRules
import FormTemplates
import Foundation
import Mustache
import Synchronization
import Wording

/// The workspace's pages: one Mustache template a page (`Templates/review`), one layout around
/// them, and the words of each language from `strings.<lang>.txt`; findings, reasons, activities
/// and categories are worded by the forms' own message catalogue, so a page and a form agree.
struct Pages: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let library: MustacheLibrary
    let strings: [FormLanguage: [String: String]]
    /// The same words nested at the dots, as templates read them: made once, not per page.
    /// Never changed after `init`, so shared between requests safely.
    nonisolated(unsafe) let nestedWords: [FormLanguage: [String: Any]]
    let wording: FindingWording
    /// The list's rows as rendered, by the worker's state and the language.
    let renderedRows = RenderedRows()
    let stylesheet: String
    let script: String
    let icon: String

    init(directory: URL? = FormTemplates.reviewDirectory, forms: URL? = FormTemplates.directory) throws {
        guard let directory, let forms else { throw Failure(description: "the workspace's templates are missing: cpd was installed without its resources") }
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        for file in files where file.pathExtension == "mustache" {
            do {
                try library.register(String(contentsOf: file, encoding: .utf8), named: file.deletingPathExtension().lastPathComponent)
            } catch {
                throw Failure(description: "the template \(file.lastPathComponent) cannot be read: \(error)")
            }
        }
        var strings: [FormLanguage: [String: String]] = [:]
        for language in FormLanguage.allCases {
            let file = directory.appendingPathComponent("strings.\(language.rawValue).txt")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { throw Failure(description: "\(file.lastPathComponent) is missing") }
            strings[language] = try Self.catalogue(text, named: file.lastPathComponent)
        }
        guard let stylesheet = try? String(contentsOf: directory.appendingPathComponent("review.css"), encoding: .utf8) else {
            throw Failure(description: "review.css is missing")
        }
        guard let script = try? String(contentsOf: directory.appendingPathComponent("review.js"), encoding: .utf8) else {
            throw Failure(description: "review.js is missing")
        }
        guard let icon = try? String(contentsOf: directory.appendingPathComponent("icon.svg"), encoding: .utf8) else {
            throw Failure(description: "icon.svg is missing")
        }
        self.library = library
        self.strings = strings
        nestedWords = strings.mapValues(Self.nested)
        self.stylesheet = stylesheet
        self.script = script
        self.icon = icon
        wording = try FindingWording(directory: forms)
    }

    /// `key: text` lines; `#` starts a comment line. Keys are dotted names, so a page reads
    /// `{{t.workers.title}}`: the catalogue is nested at the dots.
    static func catalogue(_ text: String, named name: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "\(name):\(number + 1): no “key: text”") }
            let key = String(line[..<colon])
            guard entries[key] == nil else { throw Failure(description: "\(name):\(number + 1): \(key) twice") }
            entries[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // Nested at the dots, a word and a group of the same name would hide one another.
        if let clash = entries.keys.sorted().first(where: { key in entries.keys.contains { $0.hasPrefix(key + ".") } }) {
            throw Failure(description: "\(name): \(clash) is both a word and the start of other keys")
        }
        return entries
    }

    /// Words as a template reads them: `t.nav.workers` for the key `nav.workers`.
    static func nested(_ words: [String: String]) -> [String: Any] {
        var root: [String: Any] = [:]
        for (key, text) in words {
            root = Self.inserting(text, at: key.split(separator: ".").map(String.init)[...], into: root)
        }
        return root
    }

    private static func inserting(_ text: String, at path: ArraySlice<String>, into node: [String: Any]) -> [String: Any] {
        var node = node
        guard let first = path.first else { return node }
        if path.count == 1 {
            node[first] = text
        } else {
            node[first] = inserting(text, at: path.dropFirst(), into: node[first] as? [String: Any] ?? [:])
        }
        return node
    }

    /// A word of `language` by its key, for code that builds a value (an error page's message).
    func word(_ key: String, _ language: FormLanguage) -> String { strings[language]?[key] ?? key }

    /// Who is signed in, in which language, and what the page's forms must carry.
    struct Chrome {
        var language: FormLanguage
        var account: Account?
        var csrfToken: String?
        /// The page's path and query without `lang`, for the language links.
        var path: String
    }

    /// `page` rendered with `context`, inside the layout.
    func render(_ page: String, title: String, context: [String: Any], chrome: Chrome) throws -> String {
        var context = context
        let words = nestedWords[chrome.language] ?? [:]
        context["t"] = words
        context["csrf"] = chrome.csrfToken ?? ""
        guard let body = library.render(context, withTemplate: page) else { throw Failure(description: "no template \(page).mustache") }
        let separator = chrome.path.contains("?") ? "&" : "?"
        var layout: [String: Any] = [
            "t": words, "title": title, "body": body, "lang": chrome.language.rawValue, "csrf": chrome.csrfToken ?? "",
            "languages": FormLanguage.allCases.map { language in
                ["code": language.rawValue, "name": word("lang.name", language), "current": language == chrome.language,
                 "href": chrome.path + separator + "lang=" + language.rawValue]
            },
        ]
        if let account = chrome.account { layout["account"] = ["name": account.name, "officer": account.role == .officer] }
        guard let page = library.render(layout, withTemplate: "layout") else { throw Failure(description: "no template layout.mustache") }
        return page
    }
}

/// Rows of the workers list already rendered, each under everything it shows (the row's values and
/// the language: the templates do not change while the server runs), so a row is rendered again
/// only when what it shows changed. Bounded: past `capacity` rows it starts over.
final class RenderedRows: Sendable {
    struct Key: Hashable {
        let row: WorkspaceData.WorkerRow
        let language: FormLanguage
    }

    static let capacity = 30_000
    private let rows = Mutex<[Key: String]>([:])

    func row(_ row: WorkspaceData.WorkerRow, _ language: FormLanguage) -> String? {
        rows.withLock { $0[Key(row: row, language: language)] }
    }

    func keep(_ html: String, for row: WorkspaceData.WorkerRow, _ language: FormLanguage) {
        rows.withLock { rows in
            if rows.count >= Self.capacity { rows.removeAll(keepingCapacity: true) }
            rows[Key(row: row, language: language)] = html
        }
    }
}
