@testable import FactExtraction
import Foundation
import Testing

@Suite("Searching normalised text byte for byte")
struct LiteralSearchTests {
    @Test(arguments: [
        ("повышение квалификации", "квалификации", true),
        ("біліктілікті арттыру", "арттыру", true),
        ("сертификат", "сертификаты", false),
        ("", "час", false),
        ("час", "", false),
        ("72 ак. ч.", "ак. ч.", true),
    ])
    func agreesWithFoundation(text: String, needle: String, found: Bool) {
        #expect(text.contains(literal: needle) == found)
        #expect(found == (!needle.isEmpty && text.range(of: needle) != nil))
    }

    @Test func theRangeIsThePlaceOfTheWording() throws {
        let line = "курс «Қазақ тілі» 72 академических часов"
        let range = try #require(line.range(ofLiteral: "академических"))
        #expect(line[range] == "академических")
        #expect(line[range.upperBound...] == " часов")
        let slice = line[line.index(line.startIndex, offsetBy: 5)...]
        #expect(slice.range(ofLiteral: "курс") == nil)
        #expect(slice[try #require(slice.range(ofLiteral: "тілі"))] == "тілі")
    }

    /// A letter written as a base and a combining mark reads as the composed letter after
    /// normalisation, so the byte search finds wordings written either way.
    @Test func decomposedLettersAreComposedBeforeTheSearch() {
        let decomposed = "курс повышения квалификации и\u{306}"
        let line = TextNormalization.normalize(decomposed).lowercased()
        #expect(line.contains(literal: "й"))
    }

    /// The characters taken from the scalars are the grapheme clusters, where every scalar is one
    /// of its own; the lines where some scalar joins its neighbours (CR LF, a stress mark, an
    /// emoji with its modifier, Hangul jamo, flags) are split by the rules.
    @Test(arguments: [
        "Сертификат № 17473 — 72 ак. ч. «Қазақ тілі»", "Teilnahmebescheinigung für Ärzte ™ ©", "Ελληνικά 12/03/2024",
        "ударе\u{301}ние", "line\r\nnext", "👍\u{1F3FD} ok", "\u{1100}\u{1161} 한국어", "🇰🇿 Қазақстан", "a\u{200D}b", "",
    ])
    func charactersAreTheGraphemeClusters(text: String) {
        #expect(text.characterArray == Array(text))
    }
}
