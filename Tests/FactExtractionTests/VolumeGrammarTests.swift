import CPDRules
@testable import FactExtraction
import Testing

/// Volumes as documents write them: the unit before or after the number, abbreviated with and
/// without points and spaces, amounts in words and in brackets, several units side by side.
@Suite("Reading volumes")
struct VolumeGrammarTests {
    func amounts(_ text: String) -> [String] {
        QuantityFinder.amounts(in: TextNormalization.normalize(text).lowercased(), .standard).map { "\($0.value) \($0.unit.rawValue)" }
    }

    @Test(arguments: [
        ("общей трудоемкостью 18 ак. ч.", "18 hours"), ("в объеме 18 ак.ч", "18 hours"), ("18ак.ч.", "18 hours"),
        ("72 ч.", "72 hours"), ("36 уч. ч.", "36 hours"), ("в объеме 60 (шестьдесят) часов", "60 hours"),
        ("шестьдесят (60) часов", "60 hours"), ("семь часов", "7 hours"), ("Көлемі: 54 сағат", "54 hours"),
        ("Сағат саны: 36", "36 hours"), ("36 сағ.", "36 hours"), ("Количество часов - 36", "36 hours"),
        ("Duration: 24 hrs", "24 hours"), ("6 h", "6 hours"), ("a total of 18 CME hours", "18 hours"),
        ("AMA PRA Category 1 Credits™: 12", "12 cme-credits"), ("12 CME credits", "12 cme-credits"),
        ("1,5 ECTS", "1.5 credits"), ("16 UE", "16 hours"), ("3 нед.", "3 weeks"), ("2 дн.", "2 days"),
        ("Course: 2 credits (60 hours)", "2 credits|60 hours"), ("2 кредита (60 ак.ч.)", "2 credits|60 hours"),
        ("72 acad. hours", "72 hours"), ("Bildungspunkte: 8", "8 cme-credits"), ("8 DFP-Punkte", "8 cme-credits"),
    ])
    func readsAVolume(text: String, expected: String) {
        #expect(amounts(text) == expected.split(separator: "|").map(String.init))
    }

    @Test(arguments: [
        "согласно ч. 2 ст. 221 Кодекса", "с 9 ч. 00 мин.", "приказ № 12 от 01.02.2023", "Категория 1",
        "1-2 часа в день", "2023 г.", "тел. 8 (7172) 12-34-56",
    ])
    func readsNoVolumeWhereThereIsNone(text: String) {
        #expect(amounts(text).isEmpty)
    }

    @Test func aLabelledVolumeItCannotReadIsReportedNotIgnored() {
        let facts = FactExtractor.extract(from: SourceText(pages: ["СЕРТИФИКАТ\nпрошла обучение на семинаре\nОбъем: 18 а.с."]))
        #expect(facts.hours == nil)
        #expect(facts.unreadVolume?.value == "Объем: 18 а.с.")
    }

    @Test func aCreditsAndHoursPairIsReadBoth() {
        let facts = FactExtractor.extract(from: SourceText(pages: ["Сертификат о повышении квалификации\nОбъем: 2 кредита (60 ак.ч.)"]))
        #expect(facts.credits?.value == 2)
        #expect(facts.hours?.value == 60)
        #expect(facts.hours?.provenance.wording?.hasPrefix("ru.yaml:") == true)
    }

    /// Two lines' tokens put together are the joined line's tokens, where `joinedTokens` gives
    /// them; where a quote stays open or a scalar joins its neighbour it gives none.
    @Test(arguments: [
        ("в количестве", "175 часов", true), ("4,5", "кредита", true), ("01.02.", "2023", true), ("1.5", ".2", true),
        ("курс \"Первые 72", "часа\" 36 часов", false), ("ак.ч\u{301}", "72", false), ("объем:", "", true),
    ])
    func joinedLinesKeepTheirTokens(first: String, second: String, joins: Bool) {
        let tokens = { (line: String) in QuantityFinder.tokens(QuantityFinder.outsideQuotes(line)) }
        let joined = QuantityFinder.joinedTokens(first, tokens(first), second, tokens(second))
        #expect((joined != nil) == joins)
        if let joined {
            let expected = tokens(first + " " + second)
            #expect(joined.map(\.text) == expected.map(\.text))
            #expect(joined.map(\.kind) == expected.map(\.kind))
        }
    }
}
