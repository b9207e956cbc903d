import CPDRules
import Foundation
import JournalLists
import Testing

@Suite("Journal lists")
struct JournalListsTests {
    @Test func readsAScimagoExport() throws {
        let list = try QuartileList(csv: """
            Rank;Sourceid;Title;Type;Issn;SJR;SJR Best Quartile;H index
            1;28773;"Ca-A Cancer Journal for Clinicians";journal;"15424863, 00079235";62,937;Q1;168
            2;21000000001;"BMC Public Health";journal;"14712458";1,101;Q1;150
            3;19900192105;"Cureus";journal;"21688184";0,430;Q3;60
            4;1;"Unranked";journal;"12345678";0,100;-;1
            5;2;"Semicolon; in the title";journal;"2296-2565";0,9;Q2;10
            """)
        #expect(list.entry(for: [ISSN("0007-9235")!])?.quartile == .q1)
        #expect(list.entry(for: [ISSN("1542-4863")!])?.title == "Ca-A Cancer Journal for Clinicians")
        #expect(list.entry(for: [ISSN("2168-8184")!])?.quartile == .q3)
        #expect(list.entry(for: [ISSN("2296-2565")!])?.quartile == .q2)
        #expect(list.entry(for: [ISSN("1234-5678")!]) == nil)
        #expect(list.count == 4)
    }

    @Test func readsTheCorpusLists() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
        let quartiles = try QuartileList(csv: String(contentsOf: corpus.appendingPathComponent("journals.csv"), encoding: .utf8))
        #expect(quartiles.entry(for: [ISSN("1471-2458")!])?.quartile == .q1)
        #expect(quartiles.entry(for: [ISSN("1812-2892")!])?.quartile == .q4)
        let recommended = try RecommendedJournals(csv: String(contentsOf: corpus.appendingPathComponent("recommended-journals.csv"), encoding: .utf8))
        #expect(recommended.contains(issns: [ISSN("2305-0616")!], title: nil))
        #expect(recommended.contains(issns: [], title: "Вестник  КазНМУ"))
        #expect(!recommended.contains(issns: [ISSN("2707-6180")!], title: "Медицинский журнал Западного Казахстана"))
    }

    @Test(arguments: ["1471-2458", "14712458", " 1471 2458 ", "1812-289x"])
    func normalisesISSNs(text: String) {
        #expect(ISSN(text) != nil)
        #expect(ISSN(text)?.value.count == 9)
    }

    @Test(arguments: [
        ("", JournalListError.empty), ("Title;Issn\n\"Open;1234", .unterminatedQuote(line: 2)),
        ("Title;Issn\nA;12345678\n", .missingColumn("SJR Best Quartile")),
    ])
    func refusesBrokenLists(text: String, error: JournalListError) {
        #expect(throws: error) { try QuartileList(csv: text) }
    }
}

@Suite("The university ranking list (paragraph 15)")
struct UniversityRankingsTests {
    static let csv = """
        institution;qs;arwu;the
        University of Melbourne;13;35;37
        "Lomonosov Moscow State University";87;301-400;
        Example Institute;201-250;;260
        """

    @Test func readsPositionsAndRangesAtTheirWorst() throws {
        let list = try UniversityRankings(csv: Self.csv, name: "rankings.csv")
        #expect(list.count == 3)
        let melbourne = try #require(list.ranking(of: "university of  melbourne"))
        #expect(melbourne == LevelAssignment.UniversityRanking(qs: 13, arwu: 35, the: 37, source: .init(.rankingList, "rankings.csv:2")))
        #expect(melbourne.isRecognizedOnOriginal)
        let moscow = try #require(list.ranking(of: "Lomonosov Moscow State University"))
        #expect(moscow.arwu == 400 && moscow.the == nil && !moscow.isRecognizedOnOriginal)
        let example = try #require(list.ranking(of: "Example Institute"))
        #expect(example.qs == 250 && example.the == 260 && !example.isRecognizedOnOriginal)
        #expect(list.ranking(of: "Unknown College") == nil)
    }

    @Test func aListWithoutItsColumnsIsRefused() {
        #expect(throws: JournalListError.missingColumn("institution")) { try UniversityRankings(csv: "qs,arwu\n1,2\n", name: "r.csv") }
        #expect(throws: JournalListError.missingColumn("qs, arwu or the")) { try UniversityRankings(csv: "institution,country\nX,Y\n", name: "r.csv") }
    }
}
