import Foundation
import Testing
import XMLRecords

@Suite("JATS front matter")
struct JATSTests {
    @Test func anArticleGivesItsFrontMatter() throws {
        let records = try publications(Fixtures.own("jats-article.xml"))
        let record = try #require(records.first)
        #expect(records.count == 1 && record.format == .jats)
        #expect(record.title == "Ранняя мобилизация после лапароскопической холецистэктомии")
        #expect(record.journal == "Вестник КазНМУ")
        #expect(record.issns == ["2524-0684", "2524-0692"])
        // The print date (a season) before the electronic one.
        #expect([record.year, record.month] == [2024, 3] && record.day == nil)
        #expect(record.authors == [
            Author(family: "Сейтказина", given: "Айгерим Болатовна"), Author(family: "Жумабеков", given: "Ерлан"),
            Author(family: "Рабочая группа по хирургии КазНМУ"),
        ])
        #expect(record.language == "ru")
        #expect(record.doi == "10.53065/kaznmu.2024.117")
        #expect(record.locations["title"] == "/article/front/article-meta/title-group/article-title")
        #expect(record.locations["authors[2]"] == "/article/front/article-meta/contrib-group[1]/contrib[2]")
        #expect(record.locations["language"] == "/article/@lang")
    }

    @Test func anOlderNLMArticleReadsToo() throws {
        let record = try #require(try publications("""
            <article xmlns:xlink="http://www.w3.org/1999/xlink"><front>
              <journal-meta><journal-title>Journal of Testing</journal-title><issn pub-type="epub">2049-3630</issn></journal-meta>
              <article-meta>
                <title-group><article-title>Older markup</article-title></title-group>
                <contrib-group><contrib><name><surname>Kim</surname><given-names>Olga</given-names></name></contrib></contrib-group>
                <pub-date pub-type="epub"><day>7</day><month>11</month><year>2012</year></pub-date>
              </article-meta>
            </front></article>
            """).first)
        #expect(record.journal == "Journal of Testing")
        #expect(record.issns == ["2049-3630"])
        #expect([record.year, record.month, record.day] == [2012, 11, 7])
        #expect(record.authors == [Author(family: "Kim", given: "Olga")])
        #expect(record.language == nil && record.doi == nil)
    }
}

@Suite("ORCID works")
struct ORCIDTests {
    @Test func aWorkGivesItsContributorsInBylineOrder() throws {
        let records = try publications(Fixtures.own("orcid-work.xml"))
        let record = try #require(records.first)
        #expect(records.count == 1 && record.format == .orcid)
        #expect(record.title == "Nurse-led follow-up after cardiac surgery in Almaty: a cohort study")
        #expect(record.journal == "Central Asian Journal of Medicine")
        #expect(record.issns == ["2958-2334"])
        #expect([record.year, record.month, record.day] == [2025, 1, 31])
        // The work's own DOI, not its preprint's, without the resolver.
        #expect(record.doi == "10.5555/CAJM.2025.0131")
        // First by sequence; the editor left out; a contributor without a role is an author.
        #expect(record.authors == [
            Author(family: "Seitkazina", given: "Aigerim B."), Author(family: "Nurlanov", given: "Daniyar"),
            Author(family: "Ospanova", given: "Zhanna"),
        ])
        #expect(record.locations["authors[1]"] == "/work:work/work:contributors/work:contributor[2]")
        #expect(record.language == "en")
    }

    @Test func aWorksSummaryGivesOneRecordPerWorkWithoutAuthors() throws {
        let records = try publications(Fixtures.own("orcid-works.xml"))
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.authors.isEmpty && $0.format == .orcid })
        // The preferred summary of a group is the one with the highest display index.
        let first = try #require(records.first)
        #expect(first.title == "Nurse-led follow-up after cardiac surgery in Almaty: a cohort study")
        #expect([first.year, first.month, first.day] == [2025, 1, 31])
        #expect(first.issns == ["2958-2334"] && first.doi == "10.5555/cajm.2025.0131")
        #expect(first.locations["record"] == "/activities:works/activities:group[1]/work:work-summary[2]")
        let second = try #require(records.last)
        #expect(second.title == "Антибиотикорезистентность в стационарах Алматы")
        #expect(second.journal == "Медицина (Алматы)")
        #expect([second.year, second.month] == [2023, 5] && second.doi == nil)
    }

    @Test func aBulkAnswerGivesEachWorkAndSkipsErrors() throws {
        let records = try publications("""
            <bulk:bulk xmlns:bulk="http://www.orcid.org/ns/bulk" xmlns:work="http://www.orcid.org/ns/work"
                       xmlns:common="http://www.orcid.org/ns/common" xmlns:error="http://www.orcid.org/ns/error">
              <work:work><work:title><common:title>One</common:title></work:title>
                <work:contributors><work:contributor><work:credit-name>Dana</work:credit-name></work:contributor></work:contributors>
              </work:work>
              <error:error><error:response-code>404</error:response-code></error:error>
              <work:work><work:title><common:title>Two</common:title></work:title></work:work>
            </bulk:bulk>
            """)
        #expect(records.map(\.title) == ["One", "Two"])
        #expect(records.first?.authors == [Author(family: "Dana")])
    }
}
