import Foundation
import Testing

/// Every word a form chooses is in the form's language: the Kazakh forms of the samples' workers
/// hold no Russian wording in their variable parts (lengths of service, category, the reasons
/// and findings, the kinds of documents), and the Russian forms no Kazakh. What passes through as
/// the register or a document has it (names, places of work, positions, file names, quotes from
/// documents) is the register's or the document's, and is left out of the check.
@Suite("The forms of the samples' workers in one language")
struct FormLanguageTests {
    static let workers = ["850314410007", "790821310003", "901125412348"]
    static let templates = CPDProcess.packageRoot.appendingPathComponent("Templates/forms")

    /// The words of a language's templates (every `*.<language>.mustache`), lowercased.
    static func templateWords(_ language: String) throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".\(language).mustache") }
        var words = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
                .replacing(/\{\{[^}]*\}\}/, with: " ").replacing(/<[^>]*>/, with: " ")
            words.formUnion(Self.words(text))
        }
        return words
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter }.map(String.init)
    }

    /// The form's text less the main template's own text: what the values and the partials put in,
    /// with the texts that pass through as the register or a document has them taken out.
    static func variableParts(html: String, template: String, passThrough: [String]) throws -> String {
        let literals = try String(contentsOf: templates.appendingPathComponent(template), encoding: .utf8)
            .split(separator: /\{\{[^}]*\}\}/).map(String.init).filter { !$0.isEmpty }
        var text = html.replacing(/<style>[^<]*<\/style>/, with: "")
        // The register's and the documents' own texts first, whole, then the template's text.
        for value in passThrough.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            // Whole words only: a language code "en" is not taken out of "center".
            let pattern = try NSRegularExpression(pattern: #"(?<![\p{L}\d])"# + NSRegularExpression.escapedPattern(for: value) + #"(?![\p{L}\d])"#)
            text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        }
        for literal in literals.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: literal, with: "\n") }
        text = text.replacing(/<[^>]*>/, with: "")
        return text.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// What the register extract and the assessment hold as the register or the documents have it.
    static func passThrough(iin: String, assessment: Data) throws -> [String] {
        var values: [String] = []
        let register = try JSONSerialization.jsonObject(with: Data(contentsOf: CPDProcess.packageRoot.appendingPathComponent("Samples/register.json"))) as! [[String: Any]]
        if let worker = register.first(where: { $0["iin"] as? String == iin }) {
            for key in ["fullName", "placeOfWork", "position", "sqfLevel", "postgraduateEducation"] { values += [worker[key] as? String].compactMap { $0 } }
            for row in worker["employment"] as? [[String: String]] ?? [] {
                values += ["placeOfWork", "position", "orderNumber"].compactMap { row[$0] }
            }
        }
        let report = try JSONSerialization.jsonObject(with: assessment) as! [String: Any]
        for document in report["documents"] as! [[String: Any]] {
            values += [(document["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent }].compactMap { $0 }
            for refusal in document["refusals"] as? [[String: Any]] ?? [] {
                let details = refusal["details"] as? [String: String] ?? [:]
                values += ["printedName", "original", "error", "reason", "language"].compactMap { details[$0] }
            }
            for finding in document["review"] as? [[String: Any]] ?? [] {
                for value in (finding["details"] as? [String: Any] ?? [:]).values {
                    if let text = value as? String { values.append(text) }
                    if let list = value as? [String] { values += list }
                }
                values += [(finding["provenance"] as? [String: Any])?["text"] as? String].compactMap { $0 }
            }
        }
        return values
    }

    /// The forms of one sample worker in `language`, and their variable parts.
    static func variableParts(of iin: String, language: String) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-forms-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CPDProcess.run([
            "confirm", "Samples/inbox/\(iin)", "--out", out.path, "--lang", language, "--register", "Samples/register.json",
            "--journals", "Samples/journals.csv", "--recommended-journals", "Samples/recommended-journals.csv", "--as-of", "2026-11-22",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let passThrough = try passThrough(iin: iin, assessment: Data(contentsOf: out.appendingPathComponent("assessment.json")))
        var parts: [String] = []
        for form in ["appendix2", "refusal"] {
            guard let html = try? String(contentsOf: out.appendingPathComponent("\(form).html"), encoding: .utf8) else { continue }
            parts.append("== \(iin) \(form)\n" + (try variableParts(html: html, template: "\(form).\(language).mustache", passThrough: passThrough)))
        }
        return parts.joined(separator: "\n")
    }

    /// Russian words that are never Kazakh, whatever the templates hold: the words of lengths of
    /// service, the categories, and the small words of a Russian sentence.
    static let russianWords: Set<String> = [
        "год", "года", "лет", "месяц", "месяца", "месяцев", "день", "дня", "дней", "вторая", "первая", "высшая", "без", "категории",
        "и", "или", "не", "на", "по", "с", "от", "до", "для", "в", "из", "что", "документ", "страница", "работник", "пункт",
    ]

    @Test func aKazakhFormsVariablePartsAreKazakh() throws {
        // The words of the Russian templates that no Kazakh template has, and the words above.
        let russianOnly = try Self.templateWords("ru").subtracting(try Self.templateWords("kk")).union(Self.russianWords)
        var golden: [String] = []
        for iin in Self.workers {
            let parts = try Self.variableParts(of: iin, language: "kk")
            golden.append(parts)
            let russian = Self.words(parts).filter { russianOnly.contains($0) }
            #expect(russian.isEmpty, "Russian words in the Kazakh forms of \(iin): \(russian)\n\(parts)")
        }
        try expectSnapshot(golden.joined(separator: "\n") + "\n", named: "forms-variable-parts.kk.txt")
    }

    @Test func aRussianFormsVariablePartsAreRussian() throws {
        let kazakhOnly = try Self.templateWords("kk").subtracting(try Self.templateWords("ru"))
        var golden: [String] = []
        for iin in Self.workers {
            let parts = try Self.variableParts(of: iin, language: "ru")
            golden.append(parts)
            let kazakh = Self.words(parts).filter { kazakhOnly.contains($0) || $0.contains(/[әғқңөұүһі]/) }
            #expect(kazakh.isEmpty, "Kazakh words in the Russian forms of \(iin): \(kazakh)\n\(parts)")
        }
        try expectSnapshot(golden.joined(separator: "\n") + "\n", named: "forms-variable-parts.ru.txt")
    }
}
