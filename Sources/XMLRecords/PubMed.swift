/// PubMed efetch XML: one record per `PubmedArticle` of a `PubmedArticleSet` (book records,
/// `PubmedBookArticle`, and deletions are not articles and are skipped).
func pubmedRecords(_ set: ParsedElement) -> [PublicationRecord] {
    set.children("PubmedArticle").compactMap { entry in
        guard let citation = entry.child("MedlineCitation"), let article = citation.child("Article") else { return nil }
        var record = PublicationRecord(format: .pubmed, at: entry)
        record.setTitle(article.child("ArticleTitle"))
        let journal = article.child("Journal")
        record.setJournal(journal?.child("Title"))
        for issn in journal?.children("ISSN") ?? [] { record.addISSN(issn) }
        record.addISSN(citation.child("MedlineJournalInfo", "ISSNLinking"))
        record.setDate(journal?.child("JournalIssue", "PubDate"))

        // An AuthorList of Type "editors" (books) or an Author marked ValidYN="N" (listed in error)
        // names no author.
        let authorLists = article.children("AuthorList").filter { ($0.attribute("Type") ?? "authors") == "authors" }
        for author in authorLists.flatMap({ $0.children("Author") }) where author.attribute("ValidYN") != "N" {
            if let family = author.child("LastName")?.text {
                record.addAuthor(
                    Author(family: family, given: author.child("ForeName")?.text, initials: author.child("Initials")?.text),
                    at: author)
            } else if let group = author.child("CollectiveName")?.text {
                record.addAuthor(Author(family: group), at: author)
            }
        }
        record.setLanguage(article.child("Language"))

        // The article's own identifiers, not the ones of its reference list.
        let doi = entry.child("PubmedData", "ArticleIdList")?.children("ArticleId").first { $0.attribute("IdType") == "doi" }
            ?? article.children("ELocationID").first { $0.attribute("EIdType") == "doi" && $0.attribute("ValidYN") != "N" }
        record.setDOI(doi)
        return record
    }
}
