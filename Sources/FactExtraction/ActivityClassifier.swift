import Foundation
import CPDRules

/// Decides what kind of evidence a document is from the phrases it uses (the lexicon's
/// `activities`, each phrase with its weight). A phrase in the heading (the first lines) weighs
/// more than one in the body, where an organisation's name ("Институт повышения квалификации")
/// can mislead.
enum ActivityClassifier {
    struct Classification {
        let activity: ActivityKind
        let confidence: Double
        let line: SourceText.Line
        let entry: Lexicon.Entry
        /// Only weak phrases pointed here (a word such as "training" in passing): a guess for a
        /// person to confirm, never a basis for credit or refusal.
        let isGuess: Bool
    }

    /// The score a document needs for its kind to be taken as read: one specific phrase.
    static let decisiveScore = 3.0

    /// The evidence a journal reference's shape gives, cited as a wording is.
    static let referenceEntry = Lexicon.Entry(text: "a journal reference (GOST or Vancouver)", value: 4, origin: "BibliographicReference.swift")

    /// A phrase inside quotes («Институт "Повышения квалификации"») or within two words after
    /// an organisation's marker ("Институт повышения квалификации", "утверждено на заседании
    /// Экспертного совета") names who issued or approved the document.
    static func isOrganisationName(_ phrase: String, in line: String, _ lexicon: Lexicon) -> Bool {
        guard let range = line.range(ofLiteral: phrase) else { return false }
        let before = line[..<range.lowerBound]
        if before.filter({ $0 == "\"" }).count % 2 == 1 { return true }
        // A Kazakh name ends with its kind: "Біліктілікті арттыру институты".
        let after = line[range.upperBound...].split(separator: " ").prefix(2)
        if lexicon.list("organisation-endings").contains(where: { ending in after.contains { $0.hasPrefix(ending.text) && $0.count - ending.text.count <= 3 } }) {
            return true
        }
        // A name ends at a bracket or a comma: "Sheba Medical Center (стажировка международного значения)".
        let clause = before.split(omittingEmptySubsequences: false) { "(),;:".contains($0) }.last ?? before
        let words = clause.split(separator: " ").suffix(3)
        let lastWords = words.joined(separator: " ") + " "
        // A one-word marker is a word with at most a case ending ("института"), not the start of
        // another word ("академиялық" is "academic", not "academy").
        return lexicon.organisationMarkers.contains { marker in
            if marker.isPhrase { return lastWords.contains(literal: marker.text) }
            return words.contains { $0.hasPrefix(marker.word) && $0.count - marker.word.count <= marker.ending }
        }
    }

    /// The most likely activity (a guess when below `decisiveScore`), or nil when no phrase
    /// points anywhere.
    static func classify(_ lines: [SourceText.Line], _ lexicon: Lexicon) -> Classification? {
        var scores: [ActivityKind: Double] = [:]
        var evidence: [ActivityKind: (weight: Double, line: SourceText.Line, entry: Lexicon.Entry)] = [:]
        // Each line, then each pair of lines for the phrases the layout broke between them.
        let candidates = lines + SourceText.pairs(lines)
        let found = candidates.map { lexicon.activityPhraseIndex.matches(in: $0.folded) }
        for (index, line) in candidates.enumerated() {
            let isPair = index >= lines.count
            let position = isPair ? index - lines.count : index
            let headingFactor = position < 3 ? 2.0 : 1.0
            // The phrases found, by activity, each with its place in the lexicon's list.
            var phrases: [ActivityKind: [(number: Int, entry: Lexicon.Entry)]] = [:]
            for number in found[index].sorted() {
                let (activity, entry) = lexicon.activityPhraseList[number]
                phrases[activity, default: []].append((number, entry))
            }
            for (activity, matched) in phrases {
                // "наставником" and "наставник" in one word are one piece of evidence: the weightier counts.
                let overlaps = { (a: Lexicon.Entry, b: Lexicon.Entry) in a.text.contains(literal: b.text) || b.text.contains(literal: a.text) }
                for (number, entry) in matched where !matched.contains(where: { other in
                    other.entry != entry && overlaps(other.entry, entry) && (other.entry.value, other.entry.text.count) > (entry.value, entry.text.count)
                }) {
                    // A pair counts only the phrases that run across its two lines.
                    if isPair, found[position].contains(number) || found[position + 1].contains(number) { continue }
                    let score = entry.value * headingFactor * (isOrganisationName(entry.text, in: line.folded, lexicon) ? 0.25 : 1)
                    scores[activity, default: 0] += score
                    if score > evidence[activity]?.weight ?? 0 { evidence[activity] = (score, line, entry) }
                }
            }
        }
        // A line shaped as a journal reference is an article, whatever its words.
        if let (position, line) = lines.enumerated().first(where: { BibliographicReference.articleYear(in: $0.element.text) != nil }) {
            let score = referenceEntry.value * (position < 3 ? 2 : 1)
            scores[.article, default: 0] += score
            if score > evidence[.article]?.weight ?? 0 { evidence[.article] = (score, line, referenceEntry) }
        }
        // Distance-learning words turn a seminar into an online course (criterion 4), unless the
        // document says the event was face to face; they do not change a conference's criterion.
        if let online = scores[.onlineCourse], online > 0, (scores[.conference] ?? 0) < online {
            let faceToFace = lines.contains { lexicon.firstWhole(in: lexicon.list("face-to-face"), of: $0.folded) != nil }
            if faceToFace { scores[.onlineCourse] = nil } else { scores[.onlineCourse] = online + (scores[.seminar] ?? 0); scores[.seminar] = nil }
        }
        let ranked = scores.sorted { $0.value > $1.value || $0.value == $1.value && $0.key.rawValue < $1.key.rawValue }
        guard let best = ranked.first, best.value > 0, let found = evidence[best.key] else { return nil }
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        let confidence = min(1, best.value / (best.value + runnerUp) * min(1, best.value / 6))
        return Classification(activity: best.key, confidence: confidence, line: found.line, entry: found.entry, isGuess: best.value < decisiveScore)
    }
}
