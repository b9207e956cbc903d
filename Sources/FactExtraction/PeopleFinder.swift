import CPDRules
import Foundation

/// Finds the people a document names: the holder it is issued to, the members of a commission
/// or working group, the authors or inventors of a work.
enum PeopleFinder {
    static func read(_ lines: [SourceText.Line], activity: ActivityKind?, _ lexicon: Lexicon, into facts: inout ExtractedFacts) {
        let authorLabels = lexicon.list("author-labels").map(\.text)
        let holderLabels = lexicon.holderLabels
        let nextLineLabels = lexicon.list("next-line-labels").map(\.text)
        let predicates = lexicon.list("holder-predicates").map(\.text)
        let signatories = lexicon.list("signatory-labels").map(\.text)
        for (index, line) in lines.enumerated() {
            // The line with the next two on its page: a name the layout broke after its label or
            // its surname ("Настоящее удостоверение выдано" / "Жаксылыковой" / "Динаре Тимуровне").
            let following = lines.dropFirst(index + 1).prefix(2).prefix { $0.page == line.page }.map(\.text).joined(separator: " ")
            let joined = line.text + " " + following
            if facts.authors == nil, let label = authorLabels.first(where: line.folded.hasPrefix) {
                let list = String(line.text.dropFirst(label.count))
                let names = list.split(separator: ",").map { $0.trimming(" ;") }.filter { nameWords($0) != nil }
                if !names.isEmpty {
                    facts.authors = Found(names.map { nameWords($0)! }, line, confidence: 0.9)
                    facts.people += names.map { Found(nameWords($0)!, line, confidence: 0.9) }
                }
                continue
            }
            // Every label the line holds, until one is followed by a name ("is a member of … that Zhanna …").
            // Looked for among the labels the line contains (most lines hold none), in their order.
            let labels = lexicon.holderLabelIndex.matches(in: line.folded).sorted().map { holderLabels[$0] }
                .filter { line.folded.hasPrefix($0.text) || line.folded.contains(literal: $0.inside) }
            let endsWithLabel = labels.contains { line.folded.hasSuffix($0.text) || line.folded.hasSuffix($0.colon) }
            if let name = labels.lazy.compactMap({ name(after: $0.text, in: line) }).first ?? (endsWithLabel ? nameWords(following) : nil) {
                record(name, line, &facts)
                continue
            }
            // A sentence whose subject is a name: "Ким Елена Сергеевна прошла цикл…", "Timur Iskakov
            // attended…", "Ruslan Mukhamedov, cardiologist, is appointed…".
            if let name = nameWords(line.text) {
                let rest = line.folded.dropFirst(name.count).drop { $0 == " " || $0 == "," }
                // The predicate may follow an apposition: "…, cardiologist, is appointed".
                let afterApposition = rest.prefix(40).firstIndex(of: ",").map { rest[rest.index(after: $0)...].drop { $0 == " " } }
                let clauses = [rest] + (afterApposition.map { [$0] } ?? [])
                if predicates.contains(where: { predicate in rest == predicate || clauses.contains { $0.hasPrefix(predicate + " ") } }) {
                    record(name, line, confidence: 0.8, &facts)
                    continue
                }
            }
            // A full name with its patronymic, anywhere but on a signatory's line: "Дәрігер
            // Серікбаева Айгерім Қайратқызы … тағайындалсын", "награждается Нурланова Асель Ерлановна".
            if facts.holderName == nil, !signatories.contains { line.folded.contains(literal: $0) },
                let name = fullName(in: line.text) ?? (line.text.split(separator: " ").count == 1 ? fullName(in: joined) : nil)
            {
                record(name, line, confidence: 0.75, &facts)
                continue
            }
            // "Listener: Timur Akhmetov", "Learner: …": a name standing after a label of its own.
            // Which label is not known, so it recognises the worker but never refuses a document.
            if let colon = line.text.firstIndex(of: ":"), line.text[..<colon].split(separator: " ").count <= 2,
                !signatories.contains { line.folded.contains(literal: $0) },
                case let value = line.text[line.text.index(after: colon)...].trimming(" "), let name = nameWords(value), name.count + 2 >= value.count
            {
                record(name, line, confidence: ExtractedFacts.unlabelledNameConfidence, &facts)
                continue
            }
            if nextLineLabels.contains { line.folded.contains(literal: $0) } {
                // The next lines, while they are names: one holder, or a commission's members.
                for next in lines.dropFirst(index + 1).prefix(8) {
                    guard let name = nameWords(next.text) else { break }
                    record(name, next, &facts)
                }
            }
        }
        // A title page's byline without a label: "А.С. Иванова, К.К. Петров".
        if facts.authors == nil, let activity, DateRoles.category(activity) == .publication,
            let (line, names) = lines.prefix(12).lazy.compactMap({ line in byline(line.text).map { (line, $0) } }).first
        {
            facts.authors = Found(names, line, confidence: 0.75)
            facts.people += names.map { Found($0, line, confidence: 0.75) }
        }
        // A line that is nothing but a name, near the top: "СЕРТИФИКАТ УЧАСТНИКА / Омарова Сауле Нурлановна".
        // A full name with a patronymic there is the holder's; two capitalised words without a
        // label may be a publisher's or a place's: enough to recognise the worker, never to refuse
        // the document as someone else's.
        if facts.holderName == nil, facts.authors == nil,
            let line = lines.prefix(8).first(where: { isWholeName($0.text) }), let name = nameWords(line.text)
        {
            let isFullName = name.split(separator: " ").contains { looksLikePatronymic(String($0)) }
            record(name, line, confidence: isFullName ? 0.75 : ExtractedFacts.unlabelledNameConfidence, &facts)
        }
        // "Автор: …" on a certificate names its holder.
        if facts.holderName == nil, let authors = facts.authors, authors.value.count == 1 {
            facts.holderName = Found(authors.value[0], authors.provenance, confidence: authors.confidence)
        }
        if facts.authors == nil, [.patent].contains(activity), !facts.people.isEmpty {
            facts.authors = Found(facts.people.map(\.value), facts.people[0].provenance, confidence: 0.7)
        }
    }

    /// Notes a person; the holder is the first name read with the most certainty.
    private static func record(_ name: String, _ line: SourceText.Line, confidence: Double = 0.85, _ facts: inout ExtractedFacts) {
        if confidence > facts.holderName?.confidence ?? 0 { facts.holderName = Found(name, line, confidence: confidence) }
        if !facts.people.contains(where: { $0.value == name }) { facts.people.append(Found(name, line, confidence: confidence)) }
    }

    /// The first surname, given name and patronymic written together in `text`.
    static func fullName(in text: String) -> String? {
        let words = text.split(separator: " ").map { $0.trimming(",;:()\"«»") }
        for index in words.indices.dropFirst(2) where looksLikePatronymic(words[index]) {
            let run = words[(index - 2)...index]
            if run.allSatisfy({ word in word.count >= 2 && word.first!.isUppercase && word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" } && !nonNames.contains(word.lowercased()) }) {
                return run.joined(separator: " ")
            }
        }
        return nil
    }

    /// A line that is only names with initials, separated by commas: "А.С. Иванова, К.К. Петров",
    /// "Iskakova M.A., Abenova G.K.".
    static func byline(_ text: String) -> [String]? {
        let parts = text.split(separator: ",").map { $0.trimming(" ;") }
        let names = parts.compactMap { part in nameWords(part).flatMap { $0 == part && $0.contains(".") ? $0 : nil } }
        return !names.isEmpty && names.count == parts.count ? names : nil
    }

    /// The name that follows `label` in the line, after any colon or dash OCR may have kept or
    /// lost ("Ф.И.О.: Иванова…", "Ф.И.О. Иванова…").
    static func name(after label: String, in line: SourceText.Line) -> String? {
        guard let range = line.folded.range(ofLiteral: label) else { return nil }
        let offset = line.folded.distance(from: line.folded.startIndex, to: range.upperBound)
        let rest = line.text.dropFirst(offset)
        guard rest.first.map({ !$0.isLetter }) ?? false else { return nil }  // a whole word, not "экспертиза"
        return nameWords(String(rest.drop { ":.-– ".contains($0) }))
    }

    /// The leading name in `text`: two to four capitalised words or initials ("Искаковой Мадине
    /// Асановне", "Iskakova M.A.", "Saltanat Zhumabaeva"), or nil.
    static func nameWords(_ text: String) -> String? {
        var words: [String] = []
        // At most four words are read: the rest of the line is not split.
        for raw in text.split(separator: " ", maxSplits: 4) {
            let word = raw.trimming(",;:()\"")
            // The byte first: Foundation's `contains` of a string is a search with options.
            let isInitials = word.utf8.contains(UInt8(ascii: ".")) && word.contains(".") && word.filter(\.isLetter).count <= 3 && word.filter(\.isLetter).allSatisfy(\.isUppercase) && !word.filter(\.isLetter).isEmpty
            let isNameWord = word.count >= 2 && word.first!.isUppercase && word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }
                && !nonNames.contains(word.lowercased())
            if isInitials || isNameWord {
                words.append(word)
                if words.count == 4 || looksLikePatronymic(word) { break }
            } else {
                break
            }
        }
        guard words.count >= 2 else { return nil }
        // An all-capitals heading or placeholder ("ABC DEF") is not a name unless it has a patronymic.
        if words.allSatisfy({ $0 == $0.uppercased() && $0.filter(\.isLetter).count >= 2 }), !words.contains(where: looksLikePatronymic) { return nil }
        return words.joined(separator: " ")
    }

    static func isWholeName(_ text: String) -> Bool {
        guard let name = nameWords(text) else { return false }
        let words = text.split(separator: " ")
        return name.split(separator: " ").count == words.count && (words.count == 3 && words.contains { looksLikePatronymic(String($0)) } || words.count == 2 && words.allSatisfy { $0.count >= 3 })
    }

    /// Russian patronymics in every case ("Сергеевна", "Сергеевне", "Сергеевну", "Кенжебековичу")
    /// and Kazakh ones with their endings ("Мұратқызы", "Мұратқызына", "Серікұлының").
    static func looksLikePatronymic(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard lower.count >= 5, word.first?.isUppercase == true else { return false }
        // The stem, then at most three letters of a case ending.
        return ["овн", "евн", "ичн", "ович", "евич", "ьич", "қызы", "кызы", "ұлы", "улы", "uly", "kyzy"].contains { stem in
            lower.suffix(stem.count + 3).contains(literal: stem)
        }
    }

    /// Capitalised words that begin headings and organisation names, never names.
    static let nonNames: Set<String> = [
        "руководитель", "директор", "director", "сертификат", "certificate", "справка", "приказ", "республики", "казахстан",
        "министерства", "организатор", "место", "период", "дата", "date", "duration", "university", "faculty", "medical",
        "center", "centre", "hospital", "clinic", "institute", "society", "organization", "organisation", "patent",
        "medicine", "association", "council", "academy", "college", "school", "national", "international", "the",
        "of", "and", "for", "in", "ministry", "health", "нао", "ао", "тоо", "рги", "гкп", "ргп", "ооо", "ojsc", "jsc",
        "llp", "inc", "ltd", "gmbh", "город", "г.", "city", "oblast", "region", "kazakhstan", "астана", "алматы",
        "ассоциация", "общественное", "объединение", "наименование", "название", "вид", "автор", "авторы",
        "участника", "участник", "доклада", "докладчика", "коуча", "member", "charité", "universitätsmedizin",
        "берлин", "berlin", "sheba", "hacettepe", "eurasian", "organization", "teilnahmebescheinigung", "hiermit", "first", "last", "name", "surname", "signature", "подпись",
        "bestätigt", "this", "certify", "attendance", "зарегистрировано", "нотариус", "перевод", "сертификаты",
    ]
}
