import Foundation
import Testing
import XMLRecords

@Suite("Crossref query results and deposits")
struct CrossrefTests {
    /// Every Crossref file of the development corpus, with the facts read from it.
    @Test(arguments: [
        ("720105316225/12_crossref.xml", "Journal of Clinical Medicine of Kazakhstan", "1812-2892", 2025, ["Omarov", "Abenova", "Ivanov", "Turebekov", "Nurpeisova"], "10.9945/307016"),
        ("780507421066/07_crossref.xml", "Медицина (Алматы)", "2305-0616", 2025, ["Omarova", "Nurpeisova", "Abenova", "Omarov", "Ivanov"], "10.5768/225146"),
        ("790122483937/06_crossref.xml", "Медицинский журнал Западного Казахстана", "2707-6180", 2023, ["Iskakova", "Abenova", "Nurpeisova", "Ivanov"], "10.3284/185166"),
        ("820623410110/04_crossref.xml", "Frontiers in Public Health", "2296-2565", 2024, ["Nurpeisova", "Omarov", "Abenova", "Baizhanova"], "10.4919/443406"),
        ("820623410110/13_crossref.xml", "Астана медициналық журналы", "1562-2938", 2026, ["Ivanov", "Baizhanova", "Nurpeisova"], "10.7698/571113"),
        ("870922471602/02_crossref.xml", "Cureus", "2168-8184", 2026, ["Ivanov", "Abenova", "Abenova", "Omarov"], "10.9292/372217"),
        ("901126439533/06_crossref.xml", "BMC Public Health", "1471-2458", 2026, ["Abenova", "Nurpeisova", "Isaeva"], "10.8706/236148"),
        ("901126439533/09_crossref.xml", "Медицина (Алматы)", "2305-0616", 2026, ["Omarov", "Isaeva", "Nurpeisova"], "10.4105/307850"),
        ("920512368897/07_crossref.xml", "Вестник КазНМУ", "2524-0684", 2022, ["Mukashev", "Omarov", "Ivanov"], "10.6714/360993"),
        ("920512368897/11_crossref.xml", "Вестник КазНМУ", "2524-0684", 2026, ["Nurpeisova", "Ivanov", "Mukashev", "Omarov", "Abenova"], "10.3434/586624"),
        ("931227468422/03_crossref.xml", "Медицинский журнал Западного Казахстана", "2707-6180", 2022, ["Ivanov", "Smirnova", "Omarov", "Abenova", "Nurpeisova"], "10.3947/265573"),
    ])
    func corpusRecords(_ file: String, journal: String, issn: String, year: Int, authors: [String], doi: String) throws {
        let records = try publications(Fixtures.sharedFolder.appendingPathComponent("corpus/inbox/\(file)"))
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.format == .crossref)
        #expect(record.journal == journal)
        #expect(record.issns == [issn])
        #expect(record.year == year && record.month == nil)
        #expect(record.authors.map(\.family) == authors)
        #expect(record.authors.allSatisfy { $0.given != nil && $0.initials == nil })
        #expect(record.doi == doi)
        #expect(record.language == "en")
        #expect(record.title?.hasPrefix("Clinical outcomes of ") == true)
    }

    @Test func corpusLocationsUseLocalNames() throws {
        let record = try #require(try publications(Fixtures.sharedFolder.appendingPathComponent("corpus/inbox/901126439533/06_crossref.xml")).first)
        let journal = "/crossref_result/query_result/body/query/doi_record/crossref/journal"
        #expect(record.locations["record"] == "\(journal)/journal_article")
        #expect(record.locations["authors[3]"] == "\(journal)/journal_article/contributors/person_name[3]")
        #expect(record.locations["year"] == "\(journal)/journal_article/publication_date/year")
        #expect(record.locations["language"] == "\(journal)/journal_metadata/@language")
        #expect(record.locations["issns[1]"] == "\(journal)/journal_metadata/issn")
    }

    @Test func aDepositGivesEachArticle() throws {
        let records = try publications(Fixtures.own("crossref-deposit.xml"))
        #expect(records.count == 2)
        let first = try #require(records.first)
        #expect(first.title == "Қант диабетімен ауыратын науқастардағы ерте оңалту")
        #expect(first.journal == "Вестник КазНМУ")
        #expect(first.issns == ["2524-0684", "2524-0692"])
        #expect([first.year, first.month, first.day] == [2024, 3, 2])
        // The author marked first leads; the editor and the translator are not authors.
        #expect(first.authors == [
            Author(family: "Сейтказина", given: "Айгерим"), Author(family: "Жумабеков", given: "Ерлан"),
            Author(family: "Рабочая группа по эндокринологии"),
        ])
        #expect(first.locations["authors[1]"] == "/doi_batch/body/journal/journal_article[1]/contributors/person_name[2]")
        #expect(first.language == "kk")
        #expect(first.doi == "10.53065/kaznmu.2024.118")

        // No date of its own: the issue's, whose month 22 is Crossref's code for summer.
        let second = try #require(records.last)
        #expect([second.year, second.month] == [2024, 6] && second.day == nil)
        #expect(second.locations["month"] == "/doi_batch/body/journal/journal_issue/publication_date/month")
        #expect(second.authors == [Author(family: "Nurpeisova", given: "Dana")])
        #expect(second.language == "ru", "the journal's language when the article states none")
    }

    @Test func unresolvedQueriesAndOtherWorksGiveNoRecord() throws {
        let records = try publications("""
            <crossref_result version="2.0"><query_result><body>
              <query status="unresolved"><doi>10.9999/none</doi></query>
              <query status="resolved"><doi_record><crossref><book><book_metadata/></book></crossref></doi_record></query>
              <query status="resolved"><doi_record><crossref><journal>
                <journal_metadata><full_title>Old Schema Journal</full_title><issn>0000-0000</issn></journal_metadata>
                <journal_article><titles><title>Found</title></titles>
                  <publication_date media_type="online"><year>2019</year></publication_date>
                  <publication_date media_type="print"><month>12</month><year>2018</year></publication_date>
                </journal_article>
              </journal></crossref></doi_record></query>
            </body></query_result></crossref_result>
            """)
        #expect(records.map(\.title) == ["Found"])
        #expect(records.first.map { [$0.year, $0.month] } == [2018, 12], "the print date before the online one")
        #expect(records.first?.issns == ["0000-0000"])
    }
}
