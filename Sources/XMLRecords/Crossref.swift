/// Crossref journal articles, from query results (`crossref_result`) or deposits (`doi_batch`).
/// Both carry the same `journal` element; unresolved queries and other kinds of work (books,
/// conference papers) give no record. Names are matched locally, so any schema version reads.
func crossrefRecords(_ root: ParsedElement) -> [PublicationRecord] {
    let journals: [ParsedElement]
    if root.name == "doi_batch" {
        journals = root.child("body")?.children("journal") ?? []
    } else {
        let queries = root.child("query_result", "body")?.children("query") ?? []
        journals = queries.compactMap { $0.child("doi_record", "crossref", "journal") }
    }
    return journals.flatMap { journal in
        journal.children("journal_article").map { article in
            crossrefRecord(article, journal: journal)
        }
    }
}

private func crossrefRecord(_ article: ParsedElement, journal: ParsedElement) -> PublicationRecord {
    var record = PublicationRecord(format: .crossref, at: article)
    let metadata = journal.child("journal_metadata")
    record.setTitle(article.child("titles", "title"))
    record.setJournal(metadata?.child("full_title") ?? metadata?.child("abbrev_title"))
    for issn in metadata?.children("issn") ?? [] { record.addISSN(issn) }

    // The article's print date before its online one; the date when the article has none.
    let dates = article.children("publication_date")
    record.setDate(
        dates.first { $0.attribute("media_type") == "print" } ?? dates.first
            ?? journal.child("journal_issue", "publication_date"))

    // Editors, translators and reviewers are contributors too but not authors. The one marked
    // `sequence="first"` leads the byline even if it is not listed first.
    let authors = (article.child("contributors")?.children ?? [])
        .filter { $0.attribute("contributor_role") == "author" }
    for contributor in authors.leading(where: { $0.attribute("sequence") == "first" }) {
        switch contributor.name {
        case "person_name":
            guard let surname = contributor.child("surname")?.text else { continue }
            record.addAuthor(Author(family: surname, given: contributor.child("given_name")?.text), at: contributor)
        case "organization":
            guard let name = contributor.text else { continue }
            record.addAuthor(Author(family: name), at: contributor)
        default: continue
        }
    }

    record.setLanguage(article.attribute("language") != nil ? article : metadata, attribute: "language")
    record.setDOI(article.child("doi_data", "doi"))
    return record
}
