/// A JATS (or older NLM) `article`: its front matter, `journal-meta` and `article-meta`.
func jatsRecord(_ article: ParsedElement) -> PublicationRecord {
    var record = PublicationRecord(format: .jats, at: article)
    let journal = article.child("front", "journal-meta")
    let meta = article.child("front", "article-meta")

    record.setTitle(meta?.child("title-group", "article-title"))
    // JATS 1.x groups the title; NLM 2.x has it directly under journal-meta.
    record.setJournal(journal?.child("journal-title-group", "journal-title") ?? journal?.child("journal-title"))
    for issn in journal?.children("issn") ?? [] { record.addISSN(issn) }

    // The print date first (`pub-type="ppub"` before JATS 1.1, `publication-format="print"` after),
    // else the first date given.
    let dates = meta?.children("pub-date") ?? []
    record.setDate(
        dates.first { $0.attribute("pub-type") == "ppub" || $0.attribute("publication-format") == "print" }
            ?? dates.first)

    let contributors = (meta?.children("contrib-group") ?? []).flatMap { $0.children("contrib") }
    for contributor in contributors where (contributor.attribute("contrib-type") ?? "author") == "author" {
        // A name given in several scripts is a `name-alternatives`; the first is taken.
        let name = contributor.child("name") ?? contributor.child("name-alternatives", "name")
        if let name, let surname = name.child("surname")?.text {
            record.addAuthor(Author(family: surname, given: name.child("given-names")?.text), at: contributor)
        } else if let group = contributor.child("collab")?.text {
            record.addAuthor(Author(family: group), at: contributor)
        }
    }

    record.setLanguage(article, attribute: "lang")
    record.setDOI(meta?.children("article-id").first { $0.attribute("pub-id-type") == "doi" })
    return record
}
