import Confirmation
import CPDRules
import FactExtraction
import Foundation
import Intake
import ProfessionalRegister
import Watch
import Wording
import WorkerConfirmation

/// What each page's template is given: plain dictionaries of words and figures, every word in the
/// page's language, every figure exact.
extension Pages {
    /// Appendix 3 for `category` as three bars: additional education, non-formal education and
    /// competences, and the total, each against its threshold.
    func bars(_ totals: Totals?, category: QualificationCategory?, _ language: FormLanguage) -> [[String: Any]] {
        guard let category, let requirements = CPDRequirements.forCategory(category) else { return [] }
        let achieved = totals ?? Totals()
        return [
            ("bar.additional", achieved.additionalEducation, requirements.additionalEducation),
            ("bar.nonFormal", achieved.nonFormalAndCompetences, requirements.nonFormalAndCompetences),
            ("bar.total", achieved.total, requirements.total),
        ].map { key, achieved, required in
            // The meter's scale: the threshold, or what was achieved when that is more.
            let scale = max(achieved, required)
            return [
                "label": word(key, language), "figure": "\(language.format(achieved)) / \(language.format(required))",
                "value": achieved.description, "max": (scale == .zero ? CreditUnits(1) : scale).description,
                "low": required.description, "met": achieved >= required,
            ]
        }
    }

    /// Which workers the list shows.
    enum WorkerFilter: String, CaseIterable {
        case attention, all, review, failed, blocked, notMet

        func admits(_ row: WorkspaceData.WorkerRow) -> Bool {
            switch self {
            case .all: true
            case .attention: row.urgency < 6
            case .review: row.review > 0
            case .failed: row.failed > 0
            case .blocked: row.blocked
            case .notMet: row.entry.latestAssessment?.meetsRequirements == false
            }
        }
    }

    /// Workers on one page of the list: a hospital's thousands are paged, most urgent first.
    static let pageSize = 100

    func workersContext(_ rows: [WorkspaceData.WorkerRow], query: String, filter: WorkerFilter, page: Int, _ language: FormLanguage) -> [String: Any] {
        let needle = query.trimmingCharacters(in: .whitespaces).lowercased()
        let matching = rows.filter { row in
            filter.admits(row) && (needle.isEmpty || row.entry.iin.digits.hasPrefix(needle) || row.entry.fullName.lowercased().contains(needle))
        }
        let pages = max(1, (matching.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(page, 1), pages)
        let shown = matching.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        func link(_ page: Int) -> String {
            "/?" + [("q", query), ("show", filter.rawValue), ("page", String(page))].filter { !$0.1.isEmpty }
                .map { "\($0.0)=\(ReviewServer.formEncoded($0.1))" }.joined(separator: "&")
        }
        var context: [String: Any] = [
            "query": query, "total": rows.count, "shown": matching.count, "hasRows": !shown.isEmpty,
            "page": page, "pages": pages, "paged": pages > 1,
            "filters": WorkerFilter.allCases.map { ["value": $0.rawValue, "label": word("workers.filter.\($0.rawValue)", language), "selected": $0 == filter] },
        ]
        if page > 1 { context["previous"] = link(page - 1) }
        if page < pages { context["next"] = link(page + 1) }
        return context.merging(["rows": shown.map { renderedRow($0, language) }]) { first, _ in first }
    }

    /// One row of the list as HTML (`worker-row.mustache`). A row is the same HTML for the same
    /// worker's state in the same language, so it is rendered once and kept: the list of a
    /// hospital's thousands is otherwise mostly Mustache looking up the same names again.
    func renderedRow(_ row: WorkspaceData.WorkerRow, _ language: FormLanguage) -> String {
        if let kept = renderedRows.row(row, language) { return kept }
        var context = rowContext(row, language)
        context["t"] = nestedWords[language] ?? [:]
        let html = library.render(context, withTemplate: "worker-row") ?? ""
        renderedRows.keep(html, for: row, language)
        return html
    }

    func rowContext(_ row: WorkspaceData.WorkerRow, _ language: FormLanguage) -> [String: Any] {
        [
            "iin": row.entry.iin.digits, "name": row.entry.fullName,
            "category": row.entry.targetCategory.map { wording.name(of: $0, in: language) } ?? "",
            // A count shows only when it is not zero: Mustache takes 0 for true.
            "files": row.files, "pending": Self.nonZero(row.pending), "failed": Self.nonZero(row.failed),
            "review": Self.nonZero(row.review), "refused": Self.nonZero(row.refused),
            "blocked": row.blocked,
            "forms": word(row.state?.lastAssessed == nil ? "forms.none" : row.upToDate ? "forms.upToDate" : "forms.outdated", language),
            "bars": bars(row.entry.latestAssessment?.totals, category: row.entry.targetCategory, language),
        ]
    }

    func workerContext(_ detail: WorkspaceData.WorkerDetail, canUpload: Bool, _ language: FormLanguage) -> [String: Any] {
        let record = detail.record
        let iin = record.iin.digits
        var context: [String: Any] = [
            "iin": iin, "name": record.fullName,
            "category": record.targetCategory.map { wording.name(of: $0, in: language) } ?? "",
            "record": ["placeOfWork": record.placeOfWork ?? "", "position": record.position ?? ""],
            "forms": detail.forms.map { ["name": $0, "pdf": $0.hasSuffix(".pdf")] }, "hasForms": !detail.forms.isEmpty,
            "canUpload": canUpload,
        ]
        if let stop = detail.stop { context["stop"] = stopMessage(stop, language) }
        let failures = detail.files.filter { $0.status == .failed }
        context["hasFailures"] = !failures.isEmpty
        context["failures"] = failures.map { ["file": URL(fileURLWithPath: $0.path).lastPathComponent, "error": $0.error ?? ""] }
        if let assessed = detail.assessment {
            context["hasAssessment"] = true
            context["asOf"] = language.format(assessed.assessment.confirmationDate)
            context["bars"] = bars(assessed.assessment.totals, category: assessed.assessment.targetCategory, language)
            context["documents"] = assessed.documents.enumerated().map { index, document in documentContext(document, index: index + 1, language) }
            context["hasDocuments"] = !assessed.documents.isEmpty
        }
        context["history"] = detail.history.reversed().map { kept -> [String: Any] in
            [
                "date": language.format(kept.confirmationDate), "category": wording.name(of: kept.targetCategory, in: language),
                "additional": language.format(kept.totals.additionalEducation), "nonFormal": language.format(kept.totals.nonFormalAndCompetences),
                "total": language.format(kept.totals.total), "met": kept.meetsRequirements,
            ]
        }
        context["hasHistory"] = !detail.history.isEmpty
        if let level = detail.level {
            func status(_ value: LevelAssignment.Status, waived: Bool = false) -> [String: Any] {
                let key = waived ? "waived" : value.rawValue
                return ["status": waived ? "met" : value.rawValue, "statusWord": word("level.status.\(key)", language)]
            }
            context["level"] = status(level.status).merging([
                "target": level.target.description,
                "conditions": level.conditions.map { condition in
                    status(condition.status, waived: condition.waived).merging([
                        "name": word("level.kind.\(condition.kind.rawValue)", language),
                        "basis": condition.references.map { wording.message($0, in: language) }.joined(separator: "; "),
                        "reasons": condition.reasons.map { wording.message($0, in: language) },
                    ]) { first, _ in first }
                },
            ]) { first, _ in first }
        }
        return context
    }

    func documentContext(_ document: FolderAssessment.Document, index: Int, _ language: FormLanguage) -> [String: Any] {
        let outcome = document.item.outcome
        let explanations: [String]
        switch outcome.decision {
        case .accepted: explanations = [outcome.terms.map { wording.message($0, in: language) } ?? outcome.calculation]
        case .refused: explanations = outcome.refusals.map { wording.message($0, in: language) }
        case .review: explanations = outcome.findings.map { wording.message($0, in: language) }
        }
        var context: [String: Any] = [
            "index": index, "file": URL(fileURLWithPath: document.record.file).lastPathComponent,
            "decision": outcome.decision.rawValue, "decisionWord": word("decision.\(outcome.decision.rawValue)", language),
            "cu": language.format(outcome.creditUnits), "explanations": explanations, "sha256": document.record.sha256,
        ]
        if let item = document.record.item { context["item"] = item }
        if let activity = document.item.evidence?.activity ?? document.record.activity { context["activity"] = wording.name(of: activity, in: language) }
        if let criterion = document.item.criterion?.number { context["criterion"] = criterion }
        return context
    }

    /// A document beside its facts: each page's image, each fact with the line it was read from,
    /// and where the reader saw that line (a text layer's position, a recognised line's box),
    /// the line marked on the image (`#fact-N` targets its mark).
    func documentContext(_ detail: WorkspaceData.DocumentDetail, canCorrect: Bool, _ language: FormLanguage) -> [String: Any] {
        let iin = detail.worker.iin.digits
        let sha256 = detail.file.sha256 ?? ""
        let source = detail.records.first?.source
        let pageCount = source == .xml ? 0 : detail.records.map(\.pages).max() ?? 0
        var marks: [Int: [[String: Any]]] = [:]
        var counter = 0
        let items = detail.records.enumerated().map { index, record -> [String: Any] in
            let facts = record.facts.map { fact -> [String: Any] in
                counter += 1
                var row: [String: Any] = [
                    "name": fact.name, "label": wording.name(ofFact: fact.name, in: language), "value": value(fact.value, language),
                    "page": fact.provenance.page, "line": fact.provenance.text,
                    "confidence": "\(Int((fact.confidence * 100).rounded())) %",
                ]
                if let region = fact.provenance.region, fact.provenance.page <= pageCount {
                    let id = "fact-\(counter)"
                    row["mark"] = id
                    marks[fact.provenance.page, default: []].append(["id": id, "box": Self.markBox(region)])
                }
                return row
            }
            let assessed = detail.decisions[index]?.record ?? record
            let kept = detail.corrections.filter { $0.correction.sha256 == record.sha256 && $0.correction.item == record.item }
            let correctedFacts = Dictionary(kept.compactMap { kept -> (String, String)? in
                guard case .fact(let fact, let value) = kept.correction.change else { return nil }
                return (fact.rawValue, value.map { correctionValue(fact, $0, language) } ?? "—")
            }) { _, last in last }
            let shown = facts.map { row -> [String: Any] in
                guard let name = row["name"] as? String, let corrected = correctedFacts[name] else { return row }
                return row.merging(["corrected": corrected]) { _, new in new }
            }
            var item: [String: Any] = [
                "facts": shown, "position": index, "canCorrect": canCorrect,
                "corrections": kept.map { correctionContext($0, language) }, "hasCorrections": !kept.isEmpty,
            ]
            if canCorrect {
                let current = assessed.evidence?.activity ?? assessed.activity ?? assessed.activityGuess
                item["activities"] = ActivityKind.allCases.map { ["code": $0.rawValue, "name": wording.name(of: $0, in: language), "selected": $0 == current] }
                item["factChoices"] = EvidenceFact.correctable.map { ["code": $0.rawValue, "name": wording.name(ofFact: $0.rawValue, in: language)] }
                item["reasons"] = RefusalReason.allCases.map { ["code": $0.rawValue, "name": word("reason.\($0.rawValue)", language)] }
            }
            if detail.records.count > 1, let number = record.item { item["item"] = number }
            if let document = detail.decisions[index] {
                item.merge(documentContext(document, index: index + 1, language)) { mine, _ in mine }
            } else {
                item["explanations"] = record.errors.map(\.description)
            }
            return item
        }
        let base = "/workers/\(iin)/documents/\(sha256)"
        return [
            "iin": iin, "name": detail.worker.fullName, "sha256": sha256, "file": URL(fileURLWithPath: detail.file.path).lastPathComponent,
            "base": base,
            "items": items, "hasPages": pageCount > 0,
            "pages": (0..<pageCount).map { offset -> [String: Any] in
                let number = offset + 1
                return ["number": number, "src": "\(base)/pages/\(number)", "marks": marks[number] ?? [], "marked": marks[number] != nil]
            },
        ]
    }

    /// A correction as the document page lists it: what, from what, to what, by whom and when.
    func correctionContext(_ kept: KeptCorrection, _ language: FormLanguage) -> [String: Any] {
        let correction = kept.correction
        var context: [String: Any] = ["by": correction.by, "on": language.format(correction.on)]
        switch correction.change {
        case .fact(let fact, let value):
            context["what"] = wording.name(ofFact: fact.rawValue, in: language)
            context["value"] = value.map { correctionValue(fact, $0, language) } ?? "—"
            if let previous = kept.previous { context["previous"] = correctionValue(fact, previous, language) }
        case .accepted:
            context["what"] = word("correct.decision", language)
            context["value"] = word("correct.accepted", language)
        case .refused(let reason, let note):
            context["what"] = word("correct.decision", language)
            context["value"] = "\(word("correct.refused", language)): \(word("reason.\(reason.rawValue)", language)) — \(note)"
        }
        if case .fact = correction.change {} else if let previous = kept.previous.flatMap(Decision.init(rawValue:)) {
            context["previous"] = word("decision.\(previous.rawValue)", language)
        }
        return context
    }

    /// A fact's value as a correction states it, written the page's way.
    func correctionValue(_ fact: EvidenceFact, _ text: String, _ language: FormLanguage) -> String {
        if let date = CalendarDate(text) { return language.format(date) }
        if fact == .activity, let activity = ActivityKind(rawValue: text) { return wording.name(of: activity, in: language) }
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// The count, or false for none, so that a section shows it only when there is something.
    static func nonZero(_ count: Int) -> Any { count == 0 ? false : count }

    /// A line's mark in the page's SVG, whose view box is 100 by 100 over the image: in
    /// percent, with a little air around the glyphs, so the mark does not cut them.
    static func markBox(_ region: PageRegion) -> [String: String] {
        let (airX, airY) = (0.004, 0.003)
        let x = max(0, region.x - airX), y = max(0, region.y - airY)
        let width = min(1 - x, region.width + 2 * airX), height = min(1 - y, region.height + 2 * airY)
        func percent(_ value: Double) -> String { String(format: "%.2f", value * 100) }
        return ["x": percent(x), "y": percent(y), "width": percent(width), "height": percent(height)]
    }

    /// A fact's value in `language`: dates its way, kinds of activity and flags in its words.
    func value(_ value: NamedFact.Value, _ language: FormLanguage) -> String {
        switch value {
        case .text(let text): ActivityKind(rawValue: text).map { wording.name(of: $0, in: language) } ?? text
        case .number(let number): language == .en ? number : number.replacingOccurrences(of: ".", with: ",")
        case .date(let date): language.format(date)
        case .flag(let flag): word(flag ? "yes" : "no", language)
        case .list(let items): items.joined(separator: "; ")
        }
    }

    func stopMessage(_ stop: WorkerConfirmation.Stop, _ language: FormLanguage) -> String {
        switch stop {
        case .noWorker: word("stop.noWorker", language)
        case .notInRegister: word("stop.notInRegister", language)
        case .blocked(let since): word("stop.blocked", language) + " " + language.format(since)
        case .noTargetCategory: word("stop.noTargetCategory", language)
        }
    }

    func recordContext(_ record: Worker, changes: [Change], _ language: FormLanguage) -> [String: Any] {
        var fields: [(String, String?)] = [
            ("record.placeOfWork", record.placeOfWork), ("record.position", record.position), ("record.specialty", record.specialty),
            ("col.category", record.targetCategory.map { wording.name(of: $0, in: language) }),
            ("record.category", record.qualificationCategory.map { wording.name(of: $0, in: language) }),
            ("record.sqfLevel", record.sqfLevel?.description),
        ]
        if let number = record.certificate.number {
            fields.append(("record.certificate", number + (record.certificate.expiresOn.map { ", \(word("record.expires", language)) \(language.format($0))" } ?? "")))
        }
        return [
            "iin": record.iin.digits, "name": record.fullName,
            "fields": fields.compactMap { key, value in value.map { ["label": word(key, language), "value": $0] } },
            "changes": changes.reversed().map {
                ["when": $0.changedAt, "field": $0.field ?? "", "old": $0.oldValue ?? "", "new": $0.newValue ?? "", "by": $0.changedBy]
            },
        ]
    }

    /// A register list: the workers, and a column or two of why they are on it.
    func listContext(heading: String, columns: [String], rows: [(iin: IIN, name: String, cells: [String])]) -> [String: Any] {
        [
            "heading": heading, "columns": columns, "hasRows": !rows.isEmpty,
            "rows": rows.map { ["iin": $0.iin.digits, "name": $0.name, "cells": $0.cells] },
        ]
    }
}
