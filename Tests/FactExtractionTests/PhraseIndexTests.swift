@testable import FactExtraction
import Testing

@Suite("Finding many wordings in one pass")
struct PhraseIndexTests {
    static let phrases = ["he", "she", "his", "hers", "конференци", "научно-практической конференции", "ция", "семинар", "i"]

    @Test(arguments: [
        "ushers", "ahishers", "участник научно-практической конференции", "республиканский семинар-тренинг",
        "", "ничего", "she said his hers", "конференция",
    ])
    func findsWhatASearchForEachWordingFinds(text: String) {
        let index = PhraseIndex(Self.phrases)
        let expected = Set(Self.phrases.indices.filter { text.contains(literal: Self.phrases[$0]) })
        #expect(index.matches(in: text) == expected)
    }

    /// Every wording of the built-in lexicon, looked for in lines of the wording bank's kind.
    @Test func agreesWithTheSearchOnTheBuiltInActivityPhrases() {
        let lexicon = Lexicon.standard
        let phrases = lexicon.activityPhraseList.map(\.entry.text)
        let lines = [
            "сертификат о прохождении повышения квалификации по программе «кардиология»",
            "біліктілікті арттыру курсынан өткені туралы куәлік",
            "certificate of attendance: international congress of cardiology, 24 cme credits",
            "принял(а) участие в мастер-классе «инфекционный контроль»",
        ]
        for line in lines {
            let expected = Set(phrases.indices.filter { line.contains(literal: phrases[$0]) })
            #expect(lexicon.activityPhraseIndex.matches(in: line) == expected, "\(line)")
        }
    }
}
