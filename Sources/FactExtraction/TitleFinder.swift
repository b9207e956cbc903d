import Foundation

/// The title of a programme, course or event: a quoted span a certificate names it by.
///
/// Grammar, over a page's lines read as one text (a quotation may run over a line's end):
///
///     quoted   = open text close          open: « „ “ or ", close: » “ ” or "
///     title    = quoted with a title label near it
///              | quoted that names no organisation
///
/// Quotations nest («… «новых» …»): the outermost is the span. A German „…“ closes with “; a
/// straight quote closes the straight quote it follows. A label (`title-labels`: «по программе»,
/// «на тему», «тақырыбындағы», "course") may stand before the span or, in Kazakh, after it.
/// A span right after an organisation's form or name («НАО», «университет») or holding one names
/// the issuer, not the programme: it is a title only when nothing better is quoted, and never when
/// such a span is all there is.
enum TitleFinder {
    /// Characters of context looked at for a label before a span, and after it.
    static let reachBefore = 40
    static let reachAfter = 30

    struct Span {
        let text: String
        let firstLine: Int
        let lastLine: Int
        let before: String
        let after: String
    }

    static func read(_ lines: [SourceText.Line], _ lexicon: Lexicon, into facts: inout ExtractedFacts) {
        let labels = lexicon.list("title-labels").map(\.text)
        let markers = lexicon.list("organisation-markers").map(\.text), endings = lexicon.list("organisation-endings").map(\.text)
        var best: (span: Span, score: Int)?
        for span in spans(lines) {
            let before = span.before.lowercased(), after = span.after.lowercased(), inside = " " + span.text.lowercased() + " "
            var score = 0
            if labels.contains(where: { before.contains($0) || after.hasPrefix($0) || after.contains(" " + $0) }) { score += 2 }
            // An organisation's form or name word opens its name («НАО «…»»); a Kazakh one
            // closes it («…» университеті).
            let opener = String(before.suffix(16)), closer = String(after.prefix(16))
            if markers.contains(where: { opener.contains($0) || inside.contains($0) }) || endings.contains(where: { closer.contains($0) || inside.contains($0) }) {
                score -= 3
            }
            if score >= 0, best.map({ score > $0.score }) ?? true { best = (span, score) }
        }
        guard let (span, score) = best else { return }
        let line = span.lastLine == span.firstLine + 1
            ? SourceText.joined(lines[span.firstLine], lines[span.lastLine]) : lines[span.firstLine]
        facts.title = Found(span.text, line, confidence: score > 0 ? 0.8 : 0.6)
    }

    /// The outermost quoted spans of each page, with the text around them on the page.
    static func spans(_ lines: [SourceText.Line]) -> [Span] {
        var found: [Span] = []
        var start = 0
        while start < lines.count {
            var end = start
            while end + 1 < lines.count && lines[end + 1].page == lines[start].page { end += 1 }
            found += spans(onPage: lines[start...end])
            start = end + 1
        }
        return found
    }

    private static func spans(onPage lines: ArraySlice<SourceText.Line>) -> [Span] {
        // The page as one text of characters, each with the index of its line.
        var characters: [Character] = []
        var lineOf: [Int] = []
        for index in lines.indices {
            for character in lines[index].original {
                characters.append(character)
                lineOf.append(index)
            }
            characters.append(" ")
            lineOf.append(index)
        }
        var spans: [Span] = []
        var depth = 0
        var opening = 0
        var straightOpen = false
        var germanOpen = false
        for (offset, character) in characters.enumerated() {
            let opens: Bool, closes: Bool
            switch character {
            case "«", "„": (opens, closes) = (true, false)
            case "»", "”": (opens, closes) = (false, true)
            case "“": (opens, closes) = germanOpen ? (false, true) : (true, false)
            case "\"": (opens, closes) = straightOpen ? (false, true) : (true, false)
            default: continue
            }
            if opens {
                if depth == 0 { opening = offset }
                depth += 1
                if character == "\"" { straightOpen = true }
                if character == "„" { germanOpen = true }
            } else if closes, depth > 0 {
                depth -= 1
                if character == "\"" { straightOpen = false }
                if character == "“" { germanOpen = false }
                guard depth == 0 else { continue }
                // The title as printed, its own quotes kept; the words around it normalised, as
                // the lexicon's are, and ending in a space, as a word does.
                let inner = SourceText.squeezed(String(characters[(opening + 1)..<offset]))
                    .trimmingCharacters(in: CharacterSet(charactersIn: " .,;:"))
                guard inner.filter(\.isLetter).count >= 4 else { continue }
                spans.append(
                    Span(
                        text: inner, firstLine: lineOf[opening], lastLine: lineOf[offset],
                        before: TextNormalization.normalize(String(characters[max(0, opening - reachBefore)..<opening])) + " ",
                        after: TextNormalization.normalize(String(characters[(offset + 1)..<min(characters.count, offset + 1 + reachAfter)]))))
            }
        }
        return spans
    }
}
