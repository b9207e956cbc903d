import Foundation
import CPDRules

/// Decides which date is which: the event's period, the document's issue date, a date of birth
/// to ignore, and assigns them to the facts the activity needs.
enum DateRoles {
    struct Seen {
        var range: (start: CalendarDate, end: CalendarDate?, line: SourceText.Line)?
        var since: (date: CalendarDate, line: SourceText.Line)?
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
            } else if let single = seen.single ?? (kind == .event ? seen.dated : nil) {
                facts.startDate = Found(single.date, single.line, confidence: 0.75)
                facts.endDate = Found(single.date, single.line, confidence: 0.75)
            }
            let issued = seen.issued ?? (kind == .appointment ? seen.dated : nil)
            if let issued { facts.issueDate = Found(issued.date, issued.line, confidence: 0.85) }
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
        for (index, line) in lines.enumerated() {
            let folded = line.folded
            if lexicon.first(in: lexicon.list("birth-labels"), of: folded) != nil { continue }
            let isOngoing = lexicon.first(in: lexicon.list("ongoing"), of: folded) != nil
            if isOngoing, seen.ongoing == nil { seen.ongoing = line }
            var mentions = DateFinder.dates(in: folded)
            // A period split over two lines: "с 13 апреля 2026 года по" / "28 апреля 2026 года".
            if mentions.count == 1, index + 1 < lines.count, isRangeOpening(folded, after: mentions[0]) {
                let next = DateFinder.dates(in: lines[index + 1].folded)
                if let end = next.first, end.date >= mentions[0].date {
                    if seen.range == nil { seen.range = (mentions[0].date, end.date, line) }
                    continue
                }
            }
            if mentions.isEmpty {
                if let year = publicationYear(folded) { seen.years.append((year, line)) }
                continue
            }
            let isIssue = lexicon.first(in: lexicon.list("issue-labels"), of: folded) != nil
            let isDocumentDate = folded.contains("№") && (folded.contains(" от ") || folded.contains(" from ") || folded.contains(" dated "))
            if mentions.count >= 2, isRange(folded, mentions[0], mentions[1]), mentions[1].date >= mentions[0].date, !isIssue {
                if seen.range == nil { seen.range = (mentions[0].date, mentions[1].date, line) }
                mentions.removeFirst(2)
            } else if mentions.count == 1, isOngoing || isSince(folded, before: mentions[0]) {
                if seen.since == nil { seen.since = (mentions[0].date, line) }
                if seen.range == nil, isOngoing { seen.range = (mentions[0].date, nil, line) }
                continue
            }
            for mention in mentions {
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
        return seen
    }

    /// Two dates joined by a dash or a word that means "to": "с 13 апреля 2026 года по 28
    /// апреля 2026 года", "15.08.2026 – 29.08.2026", "10.02.2022 бастап 11.02.2022 дейін".
    static func isRange(_ folded: String, _ first: DateMention, _ second: DateMention) -> Bool {
        if first.start == second.start { return true }  // "12-13 апреля 2023": one written range
        let characters = Array(folded)
        guard first.end <= second.start, second.start <= characters.count else { return false }
        let between = String(characters[first.end..<second.start])
        let words = between.split { !$0.isLetter && $0 != "-" }.map(String.init).filter { !yearWords.contains($0) }
        if words.isEmpty { return false }
        return words.count == 1 && joiners.contains(words[0])
    }

    private static let yearWords: Set<String> = ["года", "г", "гг", "ж", "жылғы", "жыл", "year"]
    private static let joiners: Set<String> = ["-", "по", "до", "to", "bis", "till", "until", "through", "бастап", "ile", "au", "al", "a", "-bis"]

    /// "с 21.10.2020", "since 2020-10-21", "21.10.2020 бастап" (membership since a date).
    static func isSince(_ folded: String, before mention: DateMention) -> Bool {
        let characters = Array(folded)
        let before = String(characters[..<mention.start]).trimming(" \"'")
        let after = String(characters[mention.end...]).trimming(" \"'.,")
        return before.hasSuffix(" с") || before == "с" || before.hasSuffix("since") || before.hasSuffix("from") || before.hasSuffix("seit")
            || after.hasPrefix("бастап") || after.hasPrefix("жылдан бастап")
    }

    /// A line that opens a period and leaves its end for the next line: "с 13 апреля 2026 года по".
    static func isRangeOpening(_ folded: String, after mention: DateMention) -> Bool {
        let characters = Array(folded)
        let after = String(characters[mention.end...]).trimming(" \"'.,")
        return ["по", "to", "bis", "-", "года по", "г. по", "г по", "until", "till"].contains { after == $0 || after.hasSuffix(" " + $0) }
    }

    /// "Астана, 2024. – 174 с.", "© 2023": a publication's year, on a line with no full date.
    static func publicationYear(_ folded: String) -> Int? {
        let hasImprint = folded.contains("isbn") || folded.contains(" с.") || folded.contains(" p.") || folded.contains("©")
            || folded.contains("издательство") || folded.contains("баспа") || folded.contains("publisher")
            || folded.range(of: #"^[\p{L} .-]+[:,] ?(\p{L}+ )?\d{4}"#, options: .regularExpression) != nil
        guard hasImprint else { return nil }
        let years = folded.split { !$0.isNumber }.compactMap { Int($0) }.filter { (1950...2100).contains($0) }
        return years.first
    }
}
