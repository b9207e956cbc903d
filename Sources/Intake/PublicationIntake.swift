import CPDRules
import FactExtraction
import JournalLists
import PersonNames
import XMLRecords

/// Records for bibliographic XML: one per article, and only the worker's own articles when the
/// worker is known and the file lists several.
struct PublicationIntake {
    let options: IntakeOptions

    func records(_ publications: [PublicationRecord], file: String, sha256: String) -> [ExtractionRecord] {
        let indexed = publications.enumerated().map { ($0.offset + 1, $0.element) }
        let relevant = publications.count > 1 && options.worker != nil
            ? indexed.filter { _, publication in position(in: publication) != nil }
            : indexed
        guard !relevant.isEmpty else {
            var record = ExtractionRecord(file: file, sha256: sha256)
            record.source = .xml
            record.uncertainties.append(Finding(.workerInNoRecord, ["records": .number(publications.count)]))
            return [record]
        }
        return relevant.map { item, publication in
            record(publication, item: publications.count > 1 ? item : nil, file: file, sha256: sha256)
        }
    }

    private func position(in publication: PublicationRecord) -> Int? {
        guard let worker = options.worker else { return nil }
        return publication.authors.firstIndex { author in
            worker.match(printed: [author.family, author.given ?? author.initials].compactMap { $0 }.joined(separator: " ")) == .same
        }.map { $0 + 1 }
    }

    private func record(_ publication: PublicationRecord, item: Int?, file: String, sha256: String) -> ExtractionRecord {
        var record = ExtractionRecord(file: file, sha256: sha256)
        record.item = item
        record.source = .xml
        record.pages = 1
        record.activity = .article
        record.language = publication.language ?? "en"
        let issns = publication.issns.compactMap { ISSN($0) }
        let journal = JournalPlacement(issns: issns, title: publication.journal, options: options)
        record.criterion = journal.standing.criterion
        if record.criterion == nil { record.uncertainties.append(journal.missingListFinding) }
        record.needsNotarizedTranslation = NotarizedTranslation.isRequired(
            language: record.language, criterion: Criterion.number(record.criterion ?? 9), options.interpretation)

        // Locations are XPath-like paths into the record ("…/AuthorList/Author[2]").
        func at(_ field: String) -> Provenance {
            Provenance(page: 1, text: publication.locations[field] ?? publication.locations["\(field)[1]"] ?? publication.locations["record"] ?? field)
        }
        var facts: [NamedFact] = []
        let names = publication.authors.map { [$0.family, $0.given ?? $0.initials].compactMap { $0 }.joined(separator: " ") }
        facts.append(NamedFact(name: "authors", value: .list(names), provenance: at("authors"), confidence: 1))
        facts.append(NamedFact(name: "authorCount", value: .number("\(names.count)"), provenance: at("authors"), confidence: 1))
        let position = position(in: publication)
        if let position {
            facts.append(NamedFact(name: "authorPosition", value: .number("\(position)"), provenance: at("authors"), confidence: 0.95))
        } else if options.worker != nil {
            record.uncertainties.append(Finding(.workerNotAmongAuthors, ["authors": .names(names)], provenance: .init(page: 1, text: at("authors").text)))
        }
        if let year = publication.year { facts.append(NamedFact(name: "year", value: .number("\(year)"), provenance: at("year"), confidence: 1)) }
        if let title = publication.title { facts.append(NamedFact(name: "title", value: .text(title), provenance: at("title"), confidence: 1)) }
        if let journal = publication.journal { facts.append(NamedFact(name: "journal", value: .text(journal), provenance: at("journal"), confidence: 1)) }
        if let issn = issns.first { facts.append(NamedFact(name: "issn", value: .text(issn.value), provenance: at("issns"), confidence: 1)) }
        if let quartile = journal.quartile { facts.append(NamedFact(name: "quartile", value: .text(quartile.rawValue), provenance: at("issns"), confidence: 1)) }
        if let doi = publication.doi { facts.append(NamedFact(name: "doi", value: .text(doi), provenance: at("doi"), confidence: 1)) }
        facts.append(NamedFact(name: "xmlFormat", value: .text(publication.format.rawValue), provenance: at("format"), confidence: 1))
        record.facts = facts
        record.people = names

        guard let criterion = record.criterion else { return record }
        var evidence = Evidence(criterion: criterion)
        evidence.activity = .article
        evidence.title = publication.title
        evidence.language = record.language
        evidence.publicationYear = publication.year
        if let year = publication.year, let month = publication.month {
            if let day = publication.day { evidence.issueDate = CalendarDate(year: year, month: month, day: day) } else { evidence.publicationMonth = month }
        }
        evidence.authorPosition = position
        evidence.authorCount = names.count
        evidence.quartile = journal.quartile
        evidence.fingerprint = "article|" + (publication.doi?.lowercased() ?? publication.title?.lowercased() ?? sha256)
        record.evidence = evidence
        return record
    }
}

/// Records for a CPD activity export: one per activity, its facts as the export states them.
enum ActivityExportIntake {
    static func records(_ export: CPDActivityExport, file: String, sha256: String, options: IntakeOptions) -> [ExtractionRecord] {
        export.activities.enumerated().map { index, entry in
            var record = ExtractionRecord(file: file, sha256: sha256)
            record.item = export.activities.count > 1 ? index + 1 : nil
            record.source = .xml
            record.pages = 1
            record.activity = entry.evidence.activity
            record.criterion = entry.evidence.criterion
            record.language = entry.evidence.language ?? "ru"
            record.hasNotarizedTranslation = entry.evidence.hasNotarizedTranslation
            record.needsNotarizedTranslation = NotarizedTranslation.isRequired(
                language: entry.evidence.language, criterion: Criterion.number(entry.evidence.criterion), options.interpretation)
            record.holderName = export.workerName
            var evidence = entry.evidence
            if evidence.fingerprint == nil { evidence.fingerprint = EvidenceBuilder.fingerprint(evidence, holder: export.workerName) }
            record.evidence = evidence
            record.facts = [NamedFact(name: "line", value: .number("\(entry.line)"), provenance: Provenance(page: 1, text: "line \(entry.line)"), confidence: 1)]
            return record
        }
    }
}
