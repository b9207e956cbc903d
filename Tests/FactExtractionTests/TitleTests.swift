@testable import FactExtraction
import Testing

/// The title is the quoted programme or event, not the quoted organisation beside it, wherever
/// the lines break and whichever quotes a document uses.
@Suite("A programme's or an event's title")
struct TitleTests {
    static func title(_ text: String) -> String? { FactExtractor.extract(from: SourceText(pages: [text])).title?.value }

    @Test(arguments: [
        // The issuer's name broken over two lines, then the programme.
        ("прошла повышение квалификации в НАО «Медицинский университет\nАстана» по программе «Сестринский уход в кардиологии»", "Сестринский уход в кардиологии"),
        // A Kazakh label after the title.
        ("«Базалық жүрек-өкпе реанимациясы» тақырыбындағы семинарына қатысты", "Базалық жүрек-өкпе реанимациясы"),
        // Quotes inside quotes: the outermost span.
        ("по программе «Медицинская реабилитация в «новых» условиях» в объеме 54 часа", "Медицинская реабилитация в «новых» условиях"),
        // German quotes, the title before the organiser.
        ("hat an der Fortbildung „Notfallmedizin kompakt“ der Charité teilgenommen", "Notfallmedizin kompakt"),
        // English curly and straight quotes.
        ("has completed the course “Basic Life Support” (8 hours)", "Basic Life Support"),
        ("This certifies that Aliya Nurlanovna attended the workshop \"Point-of-care ultrasound\" organised by KazMed", "Point-of-care ultrasound"),
        // A programme on a line of its own after its label.
        ("по программе\n«Неотложная помощь\nв педиатрии»\nТОО «Медикал Групп»", "Неотложная помощь в педиатрии"),
    ])
    func theProgrammeIsTakenNotTheIssuer(text: String, expected: String) {
        #expect(Self.title(text) == expected)
    }

    @Test func anOrganisationsNameAloneIsNoTitle() {
        #expect(Self.title("Справка выдана ТОО «Медикал Групп» для предоставления по месту требования") == nil)
        #expect(Self.title("прошел стажировку в НАО «Медицинский университет Караганды» с 01.02.2024") == nil)
    }

    @Test func aQuoteLeftOpenOrTooShortIsNoTitle() {
        #expect(Self.title("по программе «Сестринский уход") == nil)
        #expect(Self.title("по программе «ОК»") == nil)
    }

    @Test func theTitleSaysWhereItWasRead() throws {
        let facts = FactExtractor.extract(from: SourceText(pages: ["Выдано Иванову\nпо программе «Неотложная\nпомощь»"]))
        let title = try #require(facts.title)
        #expect(title.provenance.text == "по программе «Неотложная помощь»")
        #expect(title.confidence == 0.8)
    }
}
