import Foundation
import Testing
import XMLRecords

/// What one real PubMed record says, checked by reading the file.
struct PubMedExpectation: CustomTestStringConvertible, Sendable {
    let file: String
    let index: Int
    let title: String
    let journal: String
    let issns: [String]
    let date: [Int]
    let authorCount: Int
    let firstAuthor: Author
    let lastAuthorFamily: String
    let doi: String?

    var testDescription: String { "\(file) #\(index + 1)" }
}

@Suite("PubMed efetch XML")
struct PubMedTests {
    static let realWorld: [PubMedExpectation] = [
        PubMedExpectation(
            file: "pubmed1.xml", index: 0, title: "The treatment of AIDS behind the walls of correctional facilities.",
            journal: "Social justice (San Francisco, Calif.)", issns: ["1043-1578"], date: [1990, 3], authorCount: 1,
            firstAuthor: Author(family: "Olivero", given: "J Michael", initials: "JM"), lastAuthorFamily: "Olivero", doi: nil),
        PubMedExpectation(
            file: "pubmed1.xml", index: 1,
            title: "Magnetic studies of Chromatium flavocytochrome C552. A mechanism for heme-flavin interaction.",
            journal: "Biochimica et biophysica acta", issns: ["0006-3002"], date: [1976, 9, 28], authorCount: 1,
            firstAuthor: Author(family: "Strekas", given: "T C", initials: "TC"), lastAuthorFamily: "Strekas",
            doi: "10.1016/0005-2795(76)90109-4"),
        PubMedExpectation(
            file: "pubmed2.xml", index: 0,
            title: "Is cryopreservation a homogeneous process? Ultrastructure and motility of untreated, prefreezing, and postthawed spermatozoa of Diplodus puntazzo (Cetti).",
            journal: "Cryobiology", issns: ["0011-2240"], date: [2001, 6], authorCount: 8,
            firstAuthor: Author(family: "Taddei", given: "A R", initials: "AR"), lastAuthorFamily: "Mazzini",
            doi: "10.1006/cryo.2001.2328"),
        PubMedExpectation(
            file: "pubmed2.xml", index: 1, title: "Proton MRI of (13)C distribution by J and chemical shift editing.",
            journal: "Journal of magnetic resonance (San Diego, Calif. : 1997)", issns: ["1090-7807"], date: [2001, 11],
            authorCount: 6, firstAuthor: Author(family: "Casieri", given: "C", initials: "C"), lastAuthorFamily: "De Luca",
            doi: "10.1006/jmre.2001.2429"),
        PubMedExpectation(
            file: "pubmed4.xml", index: 0,
            title: "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.",
            journal: "Gut", issns: ["1468-3288", "0017-5749"], date: [2017, 6], authorCount: 22,
            firstAuthor: Author(family: "Bao", given: "Ying", initials: "Y"), lastAuthorFamily: "Wolpin",
            doi: "10.1136/gutjnl-2016-312510"),
        PubMedExpectation(
            file: "pubmed5.xml", index: 0,
            title: "Occupational pesticide exposure and subclinical hypothyroidism among male pesticide applicators.",
            journal: "Occupational and environmental medicine", issns: ["1470-7926", "1351-0711"], date: [2018, 2],
            authorCount: 12, firstAuthor: Author(family: "Lerro", given: "Catherine C", initials: "CC"),
            lastAuthorFamily: "Ward", doi: "10.1136/oemed-2017-104431"),
        PubMedExpectation(
            file: "pubmed6.xml", index: 0,
            title: "A \"Blood Relationship\" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?",
            journal: "Frontiers in physiology", issns: ["1664-042X"], date: [2018], authorCount: 2,
            firstAuthor: Author(family: "Garcia-Tabar", given: "Ibai", initials: "I"), lastAuthorFamily: "Gorostiaga",
            doi: "10.3389/fphys.2018.01034"),
        PubMedExpectation(
            file: "pubmed7.xml", index: 0,
            title: "Development of a pulmonary imaging biomarker pipeline for phenotyping of chronic lung disease.",
            journal: "Journal of medical imaging (Bellingham, Wash.)", issns: ["2329-4302"], date: [2018, 4], authorCount: 9,
            firstAuthor: Author(family: "Guo", given: "Fumin", initials: "F"),
            lastAuthorFamily: "Canadian Respiratory Research Network", doi: "10.1117/1.JMI.5.2.026002"),
    ]

    @Test(arguments: realWorld)
    func realRecordsGiveTheirFacts(_ expected: PubMedExpectation) throws {
        let records = try publications(Fixtures.sharedFolder.appendingPathComponent("realworld/pubmed/\(expected.file)"))
        let record = try #require(records.indices.contains(expected.index) ? records[expected.index] : nil)
        #expect(record.format == .pubmed)
        #expect(record.title == expected.title)
        #expect(record.journal == expected.journal)
        #expect(record.issns == expected.issns)
        #expect([record.year, record.month, record.day].compactMap { $0 } == expected.date)
        #expect(record.authors.count == expected.authorCount)
        #expect(record.authors.first == expected.firstAuthor)
        #expect(record.authors.last?.family == expected.lastAuthorFamily)
        #expect(record.language == "en")
        #expect(record.doi == expected.doi)
    }

    @Test func everyRealWorldFileGivesRecords() throws {
        let counts = try Fixtures.sharedFiles("realworld/pubmed").map { try publications($0).count }
        #expect(counts == [2, 2, 1, 1, 1, 1])
    }

    @Test func locationsPointAtTheElementsRead() throws {
        let records = try publications(Fixtures.sharedFolder.appendingPathComponent("realworld/pubmed/pubmed1.xml"))
        let second = try #require(records.last)
        let article = "/PubmedArticleSet/PubmedArticle[2]/MedlineCitation/Article"
        #expect(second.locations["record"] == "/PubmedArticleSet/PubmedArticle[2]")
        #expect(second.locations["title"] == "\(article)/ArticleTitle")
        #expect(second.locations["day"] == "\(article)/Journal/JournalIssue/PubDate/Day")
        #expect(second.locations["authors[1]"] == "\(article)/AuthorList/Author")
        #expect(second.locations["doi"] == "/PubmedArticleSet/PubmedArticle[2]/PubmedData/ArticleIdList/ArticleId[2]")
        // The season of the first record is where its month came from.
        #expect(records.first?.locations["month"] == "/PubmedArticleSet/PubmedArticle[1]/MedlineCitation/Article/Journal/JournalIssue/PubDate/Season")

        let many = try publications(Fixtures.sharedFolder.appendingPathComponent("realworld/pubmed/pubmed7.xml"))
        #expect(many.first?.locations["authors[9]"] == "/PubmedArticleSet/PubmedArticle/MedlineCitation/Article/AuthorList/Author[9]")
    }

    /// The development corpus: the facts `truth.json` records for each PubMed file.
    @Test(arguments: [
        ("11_pubmed.xml", "1857-9655", 2024, 12, 4, "Open Access Macedonian Journal of Medical Sciences"),
        ("10_pubmed.xml", "2305-0616", 2025, 10, 3, "Медицина (Алматы)"),
        ("01_pubmed.xml", "1471-2458", 2025, 8, 5, "BMC Public Health"),
        ("05_pubmed.xml", "2168-8184", 2024, 6, 6, "Cureus"),
    ])
    func corpusRecords(_ file: String, issn: String, year: Int, month: Int, authors: Int, journal: String) throws {
        let url = try #require(try Fixtures.corpus("pubmed").first { $0.lastPathComponent == file })
        let record = try #require(try publications(url).first)
        #expect(record.issns == [issn])
        #expect(record.year == year && record.month == month && record.day == nil)
        #expect(record.authors.count == authors)
        #expect(record.journal == journal)
        #expect(record.language == "en")
    }

    @Test(arguments: [
        ("<MedlineDate>2019 Jan-Feb</MedlineDate>", [2019, 1]),
        ("<MedlineDate>1998 Dec-1999 Jan</MedlineDate>", [1998, 12]),
        ("<MedlineDate>2015 Nov 25-Dec 2</MedlineDate>", [2015, 11, 25]),
        ("<MedlineDate>2000 Spring</MedlineDate>", [2000, 3]),
        ("<MedlineDate>2001-2002</MedlineDate>", [2001]),
        ("<Year>2019</Year><Season>Winter</Season>", [2019, 1]),
        ("<Year>2019</Year><Season>Fall</Season>", [2019, 9]),
        ("<Year>2021</Year><Month>Sept</Month><Day>9</Day>", [2021, 9, 9]),
        ("<Year>2023</Year><Month>02</Month><Day>29</Day>", [2023, 2]),
        ("<Year>2024</Year><Month>02</Month><Day>29</Day>", [2024, 2, 29]),
        ("<Year>20xx</Year>", []),
    ])
    func publicationDates(_ pubDate: String, expected: [Int]) throws {
        let record = try #require(try publications(article(pubDate: pubDate)).first)
        #expect([record.year, record.month, record.day].compactMap { $0 } == expected)
    }

    @Test func authorsListedInErrorAndEditorsAreLeftOutGroupsKept() throws {
        let record = try #require(try publications(article(authors: """
            <AuthorList Type="authors">
              <Author ValidYN="Y"><LastName>Абенова</LastName><ForeName>Гульнар</ForeName><Initials>Г</Initials></Author>
              <Author ValidYN="N"><LastName>Abenov</LastName><ForeName>G</ForeName></Author>
              <Author><CollectiveName>KazCardio   Study Group</CollectiveName></Author>
            </AuthorList>
            <AuthorList Type="editors"><Author><LastName>Editor</LastName></Author></AuthorList>
            """)).first)
        #expect(record.authors == [
            Author(family: "Абенова", given: "Гульнар", initials: "Г"), Author(family: "KazCardio Study Group"),
        ])
        #expect(record.locations["authors[2]"]?.hasSuffix("AuthorList[1]/Author[3]") == true)
    }

    @Test(arguments: [("rus", "ru"), ("kaz", "kk"), ("eng", "en"), ("ger", "de"), ("und", nil), ("xyz", "xyz")])
    func languagesAreISO6391(_ stated: String, expected: String?) throws {
        let record = try #require(try publications(article(language: stated)).first)
        #expect(record.language == expected)
    }

    @Test func theDOIComesFromTheElectronicLocationWhenTheIdListHasNone() throws {
        let record = try #require(try publications(article(extra: """
            <ELocationID EIdType="pii" ValidYN="Y">e0123</ELocationID>
            <ELocationID EIdType="doi" ValidYN="Y">10.1371/journal.pone.0123</ELocationID>
            """)).first)
        #expect(record.doi == "10.1371/journal.pone.0123")
        #expect(record.issns == ["1234-567X"], "an ISSN written without its hyphen is normalised")
    }

    @Test func aSetWithoutArticlesGivesNoRecords() throws {
        #expect(try publications("<PubmedArticleSet><PubmedBookArticle/></PubmedArticleSet>").isEmpty)
    }

    private func article(
        pubDate: String = "<Year>2020</Year>", authors: String = "", language: String = "eng", extra: String = ""
    ) -> String {
        """
        <PubmedArticleSet><PubmedArticle><MedlineCitation><Article>
          <Journal><ISSN IssnType="Electronic">1234567x</ISSN>
            <JournalIssue><PubDate>\(pubDate)</PubDate></JournalIssue><Title>J</Title></Journal>
          <ArticleTitle>T</ArticleTitle>\(extra)\(authors)<Language>\(language)</Language>
        </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
        """
    }
}
