/// ORCID works: a single `work`, a `bulk` answer holding several, or the `works` summary of a
/// record, where each `group` is one work as several sources describe it. Summaries carry no
/// contributors, so their records have no authors.
func orcidRecords(_ root: ParsedElement) -> [PublicationRecord] {
    switch root.name {
    case "work": return [orcidRecord(root)]
    case "bulk": return root.children("work").map(orcidRecord)
    default:
        // ORCID shows the summary with the highest display index as the preferred one.
        return root.children("group").compactMap { group in
            group.children("work-summary")
                .max { Int($0.attribute("display-index") ?? "") ?? 0 < Int($1.attribute("display-index") ?? "") ?? 0 }
                .map(orcidRecord)
        }
    }
}

private func orcidRecord(_ work: ParsedElement) -> PublicationRecord {
    var record = PublicationRecord(format: .orcid, at: work)
    record.setTitle(work.child("title", "title"))
    record.setJournal(work.child("journal-title"))
    record.setDate(work.child("publication-date"))

    let identifiers = work.child("external-ids")?.children("external-id") ?? []
    func values(_ type: String) -> [ParsedElement] {
        identifiers.filter { $0.child("external-id-type")?.text?.lowercased() == type }
    }
    for issn in values("issn") { record.addISSN(issn.child("external-id-value")) }
    // The work's own DOI (`self`) before that of a version or a part.
    let dois = values("doi").leading { $0.child("external-id-relationship")?.text == "self" }
    for doi in dois where record.doi == nil { record.setDOI(doi.child("external-id-value")) }

    let contributors = (work.child("contributors")?.children("contributor") ?? []).filter { contributor in
        let role = contributor.child("contributor-attributes", "contributor-role")?.text
        return role == nil || role == "author"
    }
    let byline = contributors.leading { $0.child("contributor-attributes", "contributor-sequence")?.text == "first" }
    for contributor in byline {
        guard let name = contributor.child("credit-name")?.text else { continue }
        record.addAuthor(author(creditName: name), at: contributor)
    }
    record.setLanguage(work.child("language-code"))
    return record
}

/// ORCID keeps a contributor's name as one string: "Family, Given" when written with a comma,
/// otherwise the last word is taken as the family name ("Aigerim S. Nurlanova").
private func author(creditName: String) -> Author {
    if let comma = creditName.firstIndex(of: ","), let family = creditName[..<comma].normalisedSpace {
        return Author(family: family, given: creditName[creditName.index(after: comma)...].normalisedSpace)
    }
    let words = creditName.split(separator: " ")
    guard words.count > 1, let family = words.last else { return Author(family: creditName) }
    return Author(family: String(family), given: words.dropLast().joined(separator: " "))
}
