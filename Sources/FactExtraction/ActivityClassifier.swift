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

    static func isOrganisationName(_ phrase: String, in line: String, _ lexicon: Lexicon) -> Bool {
        guard let range = line.range(of: phrase) else { return false }
        let before = line[..<range.lowerBound]
        return lexicon.list("organisation-markers").contains { before.contains($0.text) } || before.hasSuffix("«") || before.hasSuffix("\"")
    }

    /// The most likely activity (a guess when below `decisiveScore`), or nil when no phrase
    /// points anywhere.
    static func classify(_ lines: [SourceText.Line], _ lexicon: Lexicon) -> Classification? {
        var scores: [ActivityKind: Double] = [:]
        var evidence: [ActivityKind: (weight: Double, line: SourceText.Line, entry: Lexicon.Entry)] = [:]
        // Each line, then each pair of lines for the phrases the layout broke between them.
        let pairs = SourceText.pairs(lines)
        for (index, line) in (lines + pairs).enumerated() {
            let isPair = index >= lines.count
            let position = isPair ? index - lines.count : index
            let headingFactor = position < 3 ? 2.0 : 1.0
            for (activity, entries) in lexicon.activityPhrases {
                for entry in entries where line.folded.contains(entry.text) {
                    if isPair, lines[position].folded.contains(entry.text) || lines[position + 1].folded.contains(entry.text) { continue }
                    let score = entry.value * headingFactor * (isOrganisationName(entry.text, in: line.folded, lexicon) ? 0.25 : 1)
                    scores[activity, default: 0] += score
                    if score > evidence[activity]?.weight ?? 0 { evidence[activity] = (score, line, entry) }
                }
            }
        }
        // Distance-learning words turn a seminar into an online course (criterion 4), unless the
        // document says the event was face to face; they do not change a conference's criterion.
        if let online = scores[.onlineCourse], online > 0, (scores[.conference] ?? 0) < online {
            let faceToFace = lines.contains { lexicon.first(in: lexicon.list("face-to-face"), of: $0.folded) != nil }
            if faceToFace { scores[.onlineCourse] = nil } else { scores[.onlineCourse] = online + (scores[.seminar] ?? 0); scores[.seminar] = nil }
        }
        let ranked = scores.sorted { $0.value > $1.value || $0.value == $1.value && $0.key.rawValue < $1.key.rawValue }
        guard let best = ranked.first, best.value > 0, let found = evidence[best.key] else { return nil }
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        let confidence = min(1, best.value / (best.value + runnerUp) * min(1, best.value / 6))
        return Classification(activity: best.key, confidence: confidence, line: found.line, entry: found.entry, isGuess: best.value < decisiveScore)
    }
}
