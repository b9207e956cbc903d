import Foundation
import CPDRules

/// Reads the facts of one document from its text.
public enum FactExtractor {
    /// - Parameter source: the document's text; OCR text is expected to be noisy.
    public static func extract(from source: SourceText) -> ExtractedFacts {
        var facts = ExtractedFacts()
        let parts = TranslationSplit(source.lines)
        facts.isTranslationOnly = parts.isTranslationOnly
        let original = parts.original
        let all = source.lines

        if let language = LanguageDetector.language(of: original.map(\.text).joined(separator: " ")), let first = original.first {
            facts.language = Found(language, first, confidence: 0.9)
        }
        if let translation = parts.translation, let marker = translation.first {
            let language = LanguageDetector.language(of: translation.map(\.text).joined(separator: " "))
            facts.translationLanguage = language
            let notarized = translation.contains { line in Lexicon.notary.contains(where: line.folded.contains) }
            facts.notarizedTranslation = Found(notarized && ["kk", "ru"].contains(language ?? ""), marker, confidence: notarized ? 0.9 : 0.6)
        }

        // The original decides; a translation fills in only what the original does not say
        // legibly (a certificate in a script we cannot read, or OCR noise).
        let classification = ActivityClassifier.classify(original) ?? ActivityClassifier.classify(all)
        if let classification {
            facts.activity = Found(classification.activity, classification.line, confidence: classification.confidence)
        }
        let activity = classification?.activity
        if activity == .monograph || activity == .guidelines {
            facts.publicationKind = facts.activity.map { Found($0.value == .monograph ? .monograph : .guidelines, $0.provenance, confidence: $0.confidence) }
        }

        readQuantities(original, fallback: all, into: &facts)
        DateRoles.assign(original, activity: activity, into: &facts)
        if facts.startDate == nil && facts.issueDate == nil { DateRoles.assign(all, activity: activity, into: &facts) }
        // A conference's days, when not stated, are the days of its dates, both counted.
        if activity == .conference, facts.days == nil, let start = facts.startDate {
            let end = facts.endDate?.value ?? start.value
            facts.days = Found(start.value.inclusiveDays(through: end), start.provenance, confidence: 0.8)
        }
        readSignificance(all, activity: activity, into: &facts)
        readRole(all, into: &facts)
        PeopleFinder.read(original, activity: activity, into: &facts)
        if facts.holderName == nil, facts.authors == nil { PeopleFinder.read(all, activity: activity, into: &facts) }
        readNumbers(original, into: &facts)
        readTitle(original, into: &facts)
        return facts
    }

    private static func readQuantities(_ lines: [SourceText.Line], fallback: [SourceText.Line], into facts: inout ExtractedFacts) {
        func first(_ unit: QuantityFinder.Unit) -> (Hours, SourceText.Line)? {
            for group in [lines, SourceText.pairs(lines), fallback, SourceText.pairs(fallback)] {
                for line in group {
                    if let amount = QuantityFinder.amount(unit, in: line.folded) { return (amount, line) }
                }
            }
            return nil
        }
        func whole(_ value: Hours) -> Int? { value.isWhole ? value.thousandths / 1000 : nil }
        if let (hours, line) = first(.hours) { facts.hours = Found(hours, line, confidence: 0.9) }
        if let (credits, line) = first(.credits) { facts.credits = Found(credits, line, confidence: 0.8) }
        if let (weeks, line) = first(.weeks), let value = whole(weeks) { facts.weeks = Found(value, line, confidence: 0.9) }
        if let (days, line) = first(.days), let value = whole(days) { facts.days = Found(value, line, confidence: 0.8) }
        if let (count, line) = first(.testQuestions), let value = whole(count) { facts.testQuestions = Found(value, line, confidence: 0.9) }
        if let (count, line) = first(.clinicalScenarios), let value = whole(count) { facts.clinicalScenarios = Found(value, line, confidence: 0.9) }
    }

    private static func readSignificance(_ lines: [SourceText.Line], activity: ActivityKind?, into facts: inout ExtractedFacts) {
        for line in lines {
            for (significance, stems) in Lexicon.significance where stems.contains(where: line.folded.contains) {
                facts.significance = Found(significance, line, confidence: 0.85)
                return
            }
        }
        // An organisation's name tells its level when the document does not say it.
        let organisationLevels: [(Significance, [String])] = [
            (.regional, ["области", "облысы", "облыстық", "городск", "region", "oblast"]),
            (.international, ["european", "international", "world", "eurasian", "евразийск", "american", "society of"]),
            (.republican, ["казахстан", "қазақстан", "kazakhstan", "республики", "республикан", "рк ", "қр "]),
        ]
        guard [.membership, .patent, .expertBody, .internship].contains(activity) else { return }
        for (significance, stems) in organisationLevels {
            if let line = lines.first(where: { line in stems.contains(where: line.folded.contains) }) {
                facts.significance = Found(significance, line, confidence: 0.6)
                return
            }
        }
        // A Kazakh or Russian patent with no foreign office named is a national one.
        if activity == .patent, let language = facts.language?.value, ["kk", "ru"].contains(language), let first = lines.first {
            facts.significance = Found(.republican, first, confidence: 0.6)
        }
    }

    private static func readRole(_ lines: [SourceText.Line], into facts: inout ExtractedFacts) {
        if let line = lines.first(where: { line in Lexicon.speaker.contains(where: line.folded.contains) }) {
            facts.role = Found(.speaker, line, confidence: 0.85)
        } else if let line = lines.first(where: { line in Lexicon.participant.contains(where: line.folded.contains) }) {
            facts.role = Found(.participant, line, confidence: 0.8)
        }
    }

    /// The document's registration number ("№ 67003", "Patent No. 41455") and an ISSN.
    private static func readNumbers(_ lines: [SourceText.Line], into facts: inout ExtractedFacts) {
        for line in lines {
            if facts.documentNumber == nil, let range = line.text.range(of: "№") {
                let rest = line.text[range.upperBound...].drop { $0 == " " }
                let number = rest.prefix { !$0.isWhitespace }.trimming(".,;:")
                if number.contains(where: \.isNumber) { facts.documentNumber = Found(number, line, confidence: 0.9) }
            }
            if facts.issn == nil, line.folded.contains("issn") {
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

    init(_ lines: [SourceText.Line]) {
        // A marker in the first line means the whole file is a translation: keep it as the
        // original's text too, as nothing else is legible.
        if let index = lines.firstIndex(where: { line in Lexicon.translationMarkers.contains(where: line.folded.contains) }), index > 0 {
            original = Array(lines[..<index])
            translation = Array(lines[index...])
        } else if let first = lines.first, Lexicon.translationMarkers.contains(where: first.folded.contains) {
            original = lines
            translation = lines
        } else {
            original = lines
            translation = nil
        }
    }
}
