import Foundation
import CPDRules

/// Decides which date is which: the event's period, the document's issue date, a date of birth
/// to ignore, and assigns them to the facts the activity needs.
enum DateRoles {
    struct Seen {
        var range: (start: CalendarDate, end: CalendarDate?, line: SourceText.Line)?
        var since: (date: CalendarDate, line: SourceText.Line)?
        /// A period's end whose start is missing ("с по 11.06.2027").
        var until: (date: CalendarDate, line: SourceText.Line)?
        var ongoing: SourceText.Line?
        var issued: (date: CalendarDate, line: SourceText.Line)?
        var dated: (date: CalendarDate, line: SourceText.Line)?
        var single: (date: CalendarDate, line: SourceText.Line)?
        var years: [(year: Int, line: SourceText.Line)] = []
    }

    static func assign(_ lines: [SourceText.Line], activity: ActivityKind?, _ lexicon: Lexicon, into facts: inout ExtractedFacts) {
        let seen = survey(lines, lexicon)
        let kind = activity.map(category) ?? .document
        switch kind {
        case .event, .appointment:
            if let range = seen.range {
                facts.startDate = Found(range.start, range.line, confidence: 0.9)
                if let end = range.end { facts.endDate = Found(end, range.line, confidence: 0.9) }
            } else if let until = seen.until {
                // The start is lost: no other date on the page stands in for it.
                facts.endDate = Found(until.date, until.line, confidence: 0.85)
            } else if kind == .appointment, let since = seen.since {
                // "назначить наставником сроком на один год с 15.08.2024"
                facts.startDate = Found(since.date, since.line, confidence: 0.8)
            } else if let single = seen.single ?? (kind == .event ? seen.dated : nil) {
                facts.startDate = Found(single.date, single.line, confidence: 0.75)
                facts.endDate = Found(single.date, single.line, confidence: 0.75)
            }
            if let issued = seen.issued ?? seen.dated { facts.issueDate = Found(issued.date, issued.line, confidence: 0.85) }
        case .membership:
            if let since = seen.since ?? seen.range.map({ ($0.start, $0.line) }) {
                facts.startDate = Found(since.date, since.line, confidence: 0.85)
            }
            if let range = seen.range, let end = range.end, seen.ongoing == nil { facts.endDate = Found(end, range.line, confidence: 0.85) }
            if let ongoing = seen.ongoing { facts.ongoing = Found(true, ongoing, confidence: 0.9) }
            if let issued = seen.issued ?? seen.dated { facts.issueDate = Found(issued.date, issued.line, confidence: 0.85) }
        case .document:
            if let issued = seen.issued ?? seen.dated ?? seen.single ?? seen.range.map({ ($0.end ?? $0.start, $0.line) }) {
                facts.issueDate = Found(issued.date, issued.line, confidence: seen.issued != nil ? 0.9 : 0.75)
            }
        case .publication:
            if let found = seen.years.first { facts.year = Found(found.year, found.line, confidence: 0.85) }
            if let issued = seen.issued { facts.issueDate = Found(issued.date, issued.line, confidence: 0.8) }
        }
        if let ongoing = seen.ongoing, facts.ongoing == nil, kind != .document { facts.ongoing = Found(true, ongoing, confidence: 0.9) }
    }

    enum Category { case event, appointment, membership, document, publication }

    static func category(_ activity: ActivityKind) -> Category {
        switch activity {
        case .advancedTraining, .internship, .seminar, .onlineCourse, .conference: .event
        case .tutoringTrainees, .tutoringNewStaff: .appointment
        case .membership, .expertBody: .membership
        case .monograph, .guidelines, .textbook, .article: .publication
        case .patent, .ipCertificate, .implementation, .expertCoaching, .regulatoryAct, .examExpertise, .independentExpertCommission: .document
        }
    }

    static func survey(_ lines: [SourceText.Line], _ lexicon: Lexicon) -> Seen {
        var seen = Seen()
        let order = DateGrammar.NumericOrder(of: lines.map(\.folded))
        let spansByLine = lines.map { line in
            lexicon.mentions("birth-labels", in: line.folded) ? nil : DateGrammar.spans(in: line.folded, lexicon, order: order)
        }
        for (index, line) in lines.enumerated() {
            guard let spans = spansByLine[index] else { continue }
            let folded = line.folded
            let isOngoing = lexicon.mentions("ongoing", in: folded)
            if isOngoing, seen.ongoing == nil { seen.ongoing = line }
            if spans.isEmpty {
                if let year = publicationYear(folded, lexicon) { seen.years.append((year, line)) }
                continue
            }
            let isIssue = lexicon.mentions("issue-labels", in: folded)
            // "№ 12 от 01.02.2024", "2023 жылғы 15 қазандағы № 164", "№ 108 08.08.2021 ж.", or a line
            // of its own "dated April 25, 2022", "Date: 28.01.2025".
            let labels = lexicon.dateWords.documentDateLabels
            let isDocumentDate = folded.contains(literal: "№") && (labels.contains { folded.contains(literal: $0) } || spans.allSatisfy { if case .single = $0 { true } else { false } })
                || labels.contains { folded.hasPrefix($0.trimming(" ") + " ") }
            let nextSpans = index + 1 < lines.count ? spansByLine[index + 1] ?? [] : []
            // A date alone on its line heads a letter ("May 9, 2021" first), or dates the order whose
            // number stands on the line above ("БҰЙРЫҚ № 61-ж" / "2025 жылғы 3 наурыз").
            if spans.count == 1, case .single(let date) = spans[0], date.start == 0, date.end >= folded.count - 2 {
                if index == 0 {
                    seen.issued = (date.date, line)
                    continue
                }
                if lines[index - 1].folded.contains(literal: "№"), seen.dated == nil {
                    seen.dated = (date.date, line)
                    continue
                }
            }
            for span in spans {
                switch span {
                case .range(let from, let to) where !isIssue:
                    if seen.range == nil { seen.range = (from.date, to.date, line) }
                case .since(let from) where from.precision == .year:
                    seen.years.append((from.date.year, line))
                case .since(let from), .awaitingEnd(let from):
                    // A period broken over two lines: "с 13 апреля 2026 года по" / "28 апреля 2026 года",
                    // or "с 13 апреля 2026 года" / "по 28 апреля 2026 года".
                    if let end = continuation(of: span, in: nextSpans), end >= from.date {
                        if seen.range == nil { seen.range = (from.date, end, line) }
                    } else {
                        noteSince(from.date, line, isOngoing: isOngoing, into: &seen)
                    }
                case .until(let to) where !isIssue:
                    if seen.until == nil { seen.until = (to.date, line) }
                case .single(let date) where isOngoing && spans.count == 1:
                    noteSince(date.date, line, isOngoing: isOngoing, into: &seen)
                default:
                    for mention in span.mentions {
                        if isIssue {
                            if seen.issued == nil { seen.issued = (mention.date, line) }
                        } else if isDocumentDate {
                            if seen.dated == nil { seen.dated = (mention.date, line) }
                        } else if seen.single == nil {
                            seen.single = (mention.date, line)
                        }
                        seen.years.append((mention.date.year, line))
                    }
                }
            }
        }
        return seen
    }

    /// The end a period's start on one line finds on the next: after "… по", the next line's
    /// first date; after "с …", the next line's "по …".
    static func continuation(of span: DateSpan, in next: [DateSpan]) -> CalendarDate? {
        guard let first = next.first else { return nil }
        switch (span, first) {
        case (.awaitingEnd, _): return (first.startMention ?? first.endMention)?.date
        case (.since, .until(let end)): return end.date
        default: return nil
        }
    }

    /// A start with no end: a membership's "since", and an open period when the line says it
    /// runs to the present.
    static func noteSince(_ date: CalendarDate, _ line: SourceText.Line, isOngoing: Bool, into seen: inout Seen) {
        if seen.since == nil { seen.since = (date, line) }
        if seen.range == nil, isOngoing { seen.range = (date, nil, line) }
    }

    /// "Астана, 2024. – 174 с.", "Алматы – 2023", "Павлодар 2018", or the year alone on its line.
    private static let imprintPatterns = [
        #"^[\p{L} .-]+[:,] ?(\p{L}+ )?\d{4}"#,
        #"^(\p{L}[\p{L}.]*( \p{L}[\p{L}.]*)?)?( ?[-:,] ?| )?\d{4}( ?(г|ж|y)\.?)?\.?$"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Four decimal digits in a row, which both imprint patterns need (`\d` is any script's
    /// decimal digit, and Cyrillic has none): most lines have none, and are not run through them.
    private static func hasFourDigits(_ text: String) -> Bool {
        var run = 0
        for scalar in text.unicodeScalars {
            let isDigit = switch scalar.value {
                case 0x30...0x39: true
                case 0...0x7F, 0x400...0x52F: false
                default: scalar.properties.generalCategory == .decimalNumber
            }
            run = isDigit ? run + 1 : 0
            if run == 4 { return true }
        }
        return false
    }

    /// "Астана, 2024. – 174 с.", "© 2023": a publication's year, on a line with no full date.
    static func publicationYear(_ folded: String, _ lexicon: Lexicon) -> Int? {
        if let year = BibliographicReference.year(in: folded) { return year }
        let hasImprint = lexicon.dateWords.imprintMarkers.contains { folded.contains(literal: $0) }
            || hasFourDigits(folded) && imprintPatterns.contains { $0.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)) != nil }
        guard hasImprint else { return nil }
        let years = folded.split { !$0.isNumber }.compactMap { Int($0) }.filter { (1950...2100).contains($0) }
        return years.first
    }
}
