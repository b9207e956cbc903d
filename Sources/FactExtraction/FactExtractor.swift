import Foundation
import CPDRules
import PersonNames

/// Reads the facts of one document from its text.
public enum FactExtractor {
    /// Raised with every change to the readers that changes what they read: stored readings of
    /// an older revision are read again (`cpd watch`).
    public static let revision = 5

    /// Names the reader that reads with `lexicon`: its revision and its wordings.
    public static func readerIdentity(_ lexicon: Lexicon) -> String { "facts-\(revision)/lexicon-\(lexicon.fingerprint)" }

    /// - Parameters:
    ///   - source: the document's text; OCR text is expected to be noisy.
    ///   - lexicon: the wordings to look for.
    ///   - worker: whose evidence it is said to be: where no label names the holder, the worker's
    ///     name printed anywhere in the document is found.
    public static func extract(from source: SourceText, lexicon: Lexicon = .standard, worker: PersonName? = nil) -> ExtractedFacts {
        var facts = ExtractedFacts()
        let parts = TranslationSplit(source.lines, lexicon)
        facts.isTranslationOnly = parts.isTranslationOnly
        let original = parts.original
        let all = source.lines

        if let language = LanguageDetector.language(of: original.map(\.text).joined(separator: " ")), let first = original.first {
            facts.language = Found(language, first, confidence: 0.9)
        }
        if let translation = parts.translation, let marker = translation.first {
            let language = LanguageDetector.language(of: translation.map(\.text).joined(separator: " "))
            facts.translationLanguage = language
            let notarized = translation.contains { line in lexicon.mentions("notary", in: line.folded) }
            facts.notarizedTranslation = Found(notarized && ["kk", "ru"].contains(language ?? ""), marker, confidence: notarized ? 0.9 : 0.6)
        }

        // The original decides; a translation fills in only what the original does not say
        // legibly (a certificate in a script we cannot read, or OCR noise).
        // Without a translation the original is the whole document: it is classified once.
        let fromOriginal = ActivityClassifier.classify(original, lexicon)
        var decided = fromOriginal?.isGuess == false ? fromOriginal : nil
        var guess: ActivityClassifier.Classification?
        if decided == nil {
            let fromAll = original.count == all.count ? fromOriginal : ActivityClassifier.classify(all, lexicon)
            if fromAll?.isGuess == false { decided = fromAll } else { guess = fromAll }
        }
        // A document of chapter 3 (an assessment's result, a work-functions report) is not CPD
        // evidence: where no CPD phrase decides the kind, its own phrases are looked for, and a
        // level document has no activity guessed for it.
        let isLevelDocument = decided == nil && [original, all].contains { LevelDocumentReader.read($0, lexicon, into: &facts) }
        if let decided {
            facts.activity = Found(decided.activity, decided.line, decided.entry, confidence: decided.confidence)
        } else if !isLevelDocument, let guess {
            facts.activityGuess = Found(guess.activity, guess.line, guess.entry, confidence: guess.confidence)
        }
        let activity = decided?.activity
        if activity == .monograph || activity == .guidelines {
            facts.publicationKind = facts.activity.map { Found($0.value == .monograph ? .monograph : .guidelines, $0.provenance, confidence: $0.confidence) }
        }

        readQuantities(original, fallback: all, lexicon, into: &facts)
        DateRoles.assign(original, activity: activity, lexicon, into: &facts)
        if facts.startDate == nil && facts.issueDate == nil { DateRoles.assign(all, activity: activity, lexicon, into: &facts) }
        // A conference's days, when not stated, are those of its dates (the rules' `EventDays`).
        if activity == .conference, facts.days == nil, let start = facts.startDate {
            facts.days = Found(EventDays.count(from: start.value, through: facts.endDate?.value), start.provenance, confidence: 0.8)
        }
        readSignificance(all, activity: activity, lexicon, into: &facts)
        readRole(all, lexicon, into: &facts)
        PeopleFinder.read(original, activity: activity, lexicon, into: &facts)
        if facts.holderName == nil, facts.authors == nil { PeopleFinder.read(all, activity: activity, lexicon, into: &facts) }
        if let worker { findWorker(worker, in: original, into: &facts) }
        readNumbers(original, into: &facts)
        readTitle(original, into: &facts)
        return facts
    }

    private static func readQuantities(_ lines: [SourceText.Line], fallback: [SourceText.Line], _ lexicon: Lexicon, into facts: inout ExtractedFacts) {
        // The fallback is the whole document; without a translation it is `lines` again.
        let sources = fallback.count == lines.count ? [lines] : [lines, fallback]
        // Each line read once, then each two lines of a page joined (a number and its unit the
        // layout broke apart), from the two lines' tokens; the first line stating a unit gives its amount.
        var read: [(amounts: [QuantityFinder.Amount], line: SourceText.Line)] = []
        for lines in sources {
            let tokens = lines.map { QuantityFinder.tokens(QuantityFinder.outsideQuotes($0.folded)) }
            read += zip(lines, tokens).map { line, tokens in (QuantityFinder.amounts(in: tokens, lexicon), line) }
            for (first, second) in zip(lines.indices, lines.indices.dropFirst()) where lines[first].page == lines[second].page {
                let pair = SourceText.joined(lines[first], lines[second])
                let joinedTokens = QuantityFinder.joinedTokens(lines[first].folded, tokens[first], lines[second].folded, tokens[second])
                    ?? QuantityFinder.tokens(QuantityFinder.outsideQuotes(pair.folded))
                read.append((QuantityFinder.amounts(in: joinedTokens, lexicon), pair))
            }
        }
        let candidates = read.map(\.line)
        func first(_ unit: Lexicon.Unit) -> (QuantityFinder.Amount, SourceText.Line)? {
            read.lazy.compactMap { found in found.amounts.first { $0.unit == unit }.map { ($0, found.line) } }.first
        }
        func whole(_ value: Hours) -> Int? { value.isWhole ? value.thousandths / 1000 : nil }
        if let (hours, line) = first(.hours) {
            facts.hours = Found(hours.value, line, hours.entry, confidence: 0.9)
        } else if let (cme, line) = first(.cmeCredits) {
            // A CME credit is one hour of activity by its definition (AMA PRA Category 1, CPD points).
            facts.hours = Found(cme.value, line, cme.entry, confidence: 0.8)
        }
        if let (credits, line) = first(.credits) { facts.credits = Found(credits.value, line, credits.entry, confidence: 0.8) }
        if let (weeks, line) = first(.weeks), let value = whole(weeks.value) { facts.weeks = Found(value, line, weeks.entry, confidence: 0.9) }
        if let (days, line) = first(.days), let value = whole(days.value) { facts.days = Found(value, line, days.entry, confidence: 0.8) }
        if let (count, line) = first(.testQuestions), let value = whole(count.value) { facts.testQuestions = Found(value, line, count.entry, confidence: 0.9) }
        if let (count, line) = first(.clinicalScenarios), let value = whole(count.value) {
            facts.clinicalScenarios = Found(value, line, count.entry, confidence: 0.9)
        }
        if facts.hours == nil, facts.credits == nil, facts.weeks == nil, facts.days == nil {
            for line in candidates {
                if let label = QuantityFinder.unreadVolume(in: line.folded, lexicon) {
                    facts.unreadVolume = Found(line.original, line, label, confidence: 0.5)
                    break
                }
            }
        }
    }

    private static func readSignificance(_ lines: [SourceText.Line], activity: ActivityKind?, _ lexicon: Lexicon, into facts: inout ExtractedFacts) {
        // The most specific level first ("республиканского" before the "республики" of a name).
        let levels: [Significance] = [.international, .republican, .regional, .city]
        // For an event, "Казахский национальный медицинский университет" names the issuer, not the
        // event's level; for a membership, a patent, an expert body or an internship the
        // organisation's level is the one that counts.
        let isOrganisations = [.membership, .patent, .expertBody, .internship].contains(activity)
        for insideNames in isOrganisations ? [false, true] : [false] {
            for line in lines {
                for level in levels {
                    if let entry = lexicon.group("significance", level.rawValue).first(where: {
                        line.folded.contains(literal: $0.text) && (insideNames || !ActivityClassifier.isOrganisationName($0.text, in: line.folded, lexicon))
                    }) {
                        facts.significance = Found(level, line, entry, confidence: insideNames ? 0.7 : 0.85)
                        return
                    }
                }
            }
        }
        // An organisation's name tells its level when the document does not say it.
        guard isOrganisations else { return }
        for level in [Significance.regional, .international, .republican] {
            for line in lines {
                if let entry = lexicon.first(in: lexicon.group("organisation-levels", level.rawValue), of: line.folded) {
                    facts.significance = Found(level, line, entry, confidence: 0.6)
                    return
                }
            }
        }
        // A Kazakh or Russian patent with no foreign office named is a national one.
        if activity == .patent, let language = facts.language?.value, ["kk", "ru"].contains(language), let first = lines.first {
            facts.significance = Found(.republican, first, confidence: 0.6)
        }
    }

    private static func readRole(_ lines: [SourceText.Line], _ lexicon: Lexicon, into facts: inout ExtractedFacts) {
        for role in [Role.speaker, .participant] {
            for line in lines {
                if let entry = lexicon.first(in: lexicon.group("roles", role.rawValue), of: line.folded) {
                    facts.role = Found(role, line, entry, confidence: role == .speaker ? 0.85 : 0.8)
                    return
                }
            }
        }
    }

    /// The worker's name where no label says whose the document is ("Настоящий сертификат
    /// подтверждает, что Ким Елена Сергеевна прошла…"). A holder a label names is kept as read:
    /// someone else's labelled name still refuses the document.
    private static func findWorker(_ worker: PersonName, in lines: [SourceText.Line], into facts: inout ExtractedFacts) {
        if facts.people.contains(where: { worker.match(printed: $0.value) == .same }) { return }
        if let holder = facts.holderName, holder.confidence > ExtractedFacts.unlabelledNameConfidence { return }
        for line in lines {
            guard let name = worker.occurrence(in: line.text) else { continue }
            let found = Found(name, line, confidence: 0.8)
            facts.people.append(found)
            if facts.holderName == nil || facts.holderName!.confidence <= ExtractedFacts.unlabelledNameConfidence { facts.holderName = found }
            return
        }
    }

    /// The document's registration number ("№ 67003", "Patent No. 41455") and an ISSN.
    private static func readNumbers(_ lines: [SourceText.Line], into facts: inout ExtractedFacts) {
        for line in lines {
            if facts.documentNumber == nil, let range = line.text.range(ofLiteral: "№") {
                let rest = line.text[range.upperBound...].drop { $0 == " " }
                let number = rest.prefix { !$0.isWhitespace }.trimming(".,;:")
                if number.contains(where: \.isNumber) { facts.documentNumber = Found(number, line, confidence: 0.9) }
            }
            if facts.issn == nil, line.folded.contains(literal: "issn") {
                let digits = line.text.split { !($0.isNumber || $0 == "-" || $0 == "X" || $0 == "x") }
                if let issn = digits.first(where: { $0.count == 9 && $0.dropFirst(4).first == "-" }) {
                    facts.issn = Found(String(issn).uppercased(), line, confidence: 0.95)
                }
            }
        }
    }

    /// The title in quotes: «Сестринское дело в хирургии».
    private static func readTitle(_ lines: [SourceText.Line], into facts: inout ExtractedFacts) {
        for line in lines {
            let parts = line.text.split(separator: "\"", omittingEmptySubsequences: false)
            if parts.count >= 3, parts[1].count >= 4 {
                facts.title = Found(String(parts[1]), line, confidence: 0.7)
                return
            }
        }
    }
}

/// A document's original and the translation attached after it («ПЕРЕВОД С АНГЛИЙСКОГО…»).
struct TranslationSplit {
    let original: [SourceText.Line]
    let translation: [SourceText.Line]?
    var isTranslationOnly: Bool { translation?.first == original.first && translation != nil }

    init(_ lines: [SourceText.Line], _ lexicon: Lexicon) {
        let markers = lexicon.list("translation-markers")
        // A marker in the first line means the whole file is a translation: keep it as the
        // original's text too, as nothing else is legible.
        if let index = lines.firstIndex(where: { line in lexicon.first(in: markers, of: line.folded) != nil }), index > 0 {
            original = Array(lines[..<index])
            translation = Array(lines[index...])
        } else if let first = lines.first, lexicon.first(in: markers, of: first.folded) != nil {
            original = lines
            translation = lines
        } else {
            original = lines
            translation = nil
        }
    }
}
