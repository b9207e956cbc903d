import CPDRules

/// The two documents chapter 3 of the rules asks for besides the CPD evidence: the certificate of
/// the assessment of professional preparedness (paragraph 12, item 2; paragraph 16) and the report
/// on the work functions performed (paragraph 12, item 3). Neither earns credit units; each is read
/// for what the level decision needs.
public enum LevelDocumentKind: String, CaseIterable, Sendable, Codable {
    case assessmentResult = "assessment-result"
    case workFunctionsReport = "work-functions-report"
}

/// Tells a level document by its phrases (the lexicon's `level-documents`, weighted as the
/// activities are) and reads its result, the level it names and who issued it.
enum LevelDocumentReader {
    /// Reads `lines` into `facts`; true when they are a level document. The caller asks only of a
    /// document no CPD phrase decides: an order on the members of the commission that assesses
    /// professional preparedness names the assessment, and is CPD evidence (criterion 21).
    static func read(_ lines: [SourceText.Line], _ lexicon: Lexicon, into facts: inout ExtractedFacts) -> Bool {
        guard let (kind, line, entry, score) = classify(lines, lexicon) else { return false }
        facts.levelDocument = Found(kind, line, entry, confidence: score >= 2 * ActivityClassifier.decisiveScore ? 0.9 : 0.75)
        facts.levelNamed = level(in: lines, lexicon)
        switch kind {
        case .assessmentResult:
            // "не сдал" holds "сдал": the negative wordings are looked for first.
            facts.assessmentPassed = found(in: lines, groups: [("failed", false), ("passed", true)], section: "assessment-outcomes", lexicon)
        case .workFunctionsReport:
            facts.reportIssuer = found(
                in: lines, groups: [("electronic-registry", .electronicRegistry), ("head-of-unit", .headOfUnit)], section: "report-issuers", lexicon)
        }
        return true
    }

    /// The kind whose phrases weigh at least `ActivityClassifier.decisiveScore`; a phrase in the
    /// first three lines (the title) counts twice.
    private static func classify(_ lines: [SourceText.Line], _ lexicon: Lexicon) -> (LevelDocumentKind, SourceText.Line, Lexicon.Entry, Double)? {
        var best: (LevelDocumentKind, SourceText.Line, Lexicon.Entry, Double)?
        for kind in LevelDocumentKind.allCases {
            var score = 0.0
            var strongest: (SourceText.Line, Lexicon.Entry, Double)?
            for (index, line) in (lines + SourceText.pairs(lines)).enumerated() {
                let factor = index < 3 ? 2.0 : 1.0
                for entry in lexicon.group("level-documents", kind.rawValue) where line.folded.contains(entry.text) {
                    score += entry.value * factor
                    if entry.value * factor > strongest?.2 ?? 0 { strongest = (line, entry, entry.value * factor) }
                }
            }
            if let strongest, score >= ActivityClassifier.decisiveScore, score > best?.3 ?? 0 {
                best = (kind, strongest.0, strongest.1, score)
            }
        }
        return best
    }

    /// The first group of `section` one of whose wordings a line holds.
    private static func found<Value>(in lines: [SourceText.Line], groups: [(String, Value)], section: String, _ lexicon: Lexicon) -> Found<Value>? {
        for (group, value) in groups {
            for line in lines {
                if let entry = lexicon.first(in: lexicon.group(section, group), of: line.folded) {
                    return Found(value, line, entry, confidence: 0.85)
                }
            }
        }
        return nil
    }

    /// A level in the regulation's notation ("5.2", "7,3 (R)", "7.2 (И)", "7.2 (І)") on a line with a level's
    /// label («уровень квалификации», «біліктілік деңгейі»), or on the line after one that ends
    /// with it; never part of a date or a longer number.
    static func level(in lines: [SourceText.Line], _ lexicon: Lexicon) -> Found<QualificationLevel>? {
        let notation = /(?:^|[^\d.,])([4-7])[.,]([0-4])(?!\d|[.,]\d)\s*(?:\(\s*([irирі])\s*\))?/
        // A line, then each pair of lines: a label the layout left at a line's end.
        for line in lines + SourceText.pairs(lines) {
            guard let label = lexicon.first(in: lexicon.list("level-labels"), of: line.folded) else { continue }
            for match in line.folded.matches(of: notation) {
                // Cyrillic И (and the Kazakh І) for internship, Р for residency.
                let marker = match.output.3.map { "иі".contains($0) ? " (I)" : $0 == "р" ? " (R)" : " (\($0.uppercased()))" } ?? ""
                if let level = QualificationLevel("\(match.output.1).\(match.output.2)\(marker)") {
                    return Found(level, line, label, confidence: 0.85)
                }
            }
        }
        return nil
    }
}
