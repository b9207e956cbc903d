import CPDRules
@testable import FactExtraction
import Testing

/// Random volumes written every way certificates write them, read back exactly. The forms are
/// spelled out here, independently of the lexicon.
@Suite("Volumes written every way, read back")
struct VolumePropertyTests {
    /// A way of writing hours: the number as text, and the line around it.
    static let hourForms: [(name: String, render: @Sendable (String) -> String)] = [
        ("часов", { "прошла обучение в объеме \($0) часов" }), ("ак. ч.", { "общей трудоемкостью \($0) ак. ч." }),
        ("ак.ч", { "Объем: \($0) ак.ч" }), ("акад. часов", { "\($0) акад. часов" }), ("академических часа", { "в объеме \($0) академических часа" }),
        ("ч.", { "продолжительность \($0) ч." }), ("label after", { "Количество часов: \($0)" }), ("сағат", { "Көлемі: \($0) сағат" }),
        ("ак. сағ.", { "\($0) ак. сағ." }), ("академиялық сағат", { "\($0) академиялық сағат көлемінде" }), ("Сағат саны", { "Сағат саны: \($0)" }),
        ("hours", { "a total of \($0) hours" }), ("contact hours", { "(\($0) contact hours)" }), ("hrs", { "Duration: \($0) hrs" }),
        ("Unterrichtsstunden", { "mit insgesamt \($0) Unterrichtsstunden" }), ("saat", { "Süre: \($0) saat" }), ("heures", { "(durée : \($0) heures)" }),
    ]

    @Test(arguments: hourForms.indices)
    func wholeAndHalfHoursReadBack(form: Int) {
        var random = SplitMix64(seed: 0x0B_7E5 ^ UInt64(form))
        for _ in 0..<150 {
            let halves = Int.random(in: 1...1200, using: &random)
            let hours = Hours(thousandths: halves * 500)
            let written = halves % 2 == 0 ? "\(halves / 2)" : "\(halves / 2),5"
            let line = Self.hourForms[form].render(written)
            #expect(QuantityFinder.amount(.hours, in: TextNormalization.normalize(line).lowercased()) == hours, "\(line)")
        }
    }

    @Test func amountsInWordsAndBracketsReadBack() {
        var random = SplitMix64(seed: 0xB0C5)
        for _ in 0..<300 {
            let value = Int.random(in: 1...999, using: &random)
            let words = Self.russianWords(value)
            for line in ["в объеме \(value) (\(words)) часов", "в объеме \(words) (\(value)) часов", "\(words) часов"] {
                #expect(QuantityFinder.amount(.hours, in: TextNormalization.normalize(line).lowercased()) == Hours(value), "\(line)")
            }
        }
    }

    @Test func creditsWithTheirHoursReadBoth() {
        var random = SplitMix64(seed: 0xC4ED)
        for _ in 0..<200 {
            let credits = Int.random(in: 1...20, using: &random)
            for line in ["Объем: \(credits) кредит (\(credits * 30) ак.ч.)", "Көлемі: \(credits) кредит (\(credits * 30) сағат)", "\(credits) ECTS credits (\(credits * 30) hours)"] {
                let amounts = QuantityFinder.amounts(in: TextNormalization.normalize(line).lowercased(), .standard)
                #expect(amounts.first { $0.unit == .credits }?.value == Hours(credits), "\(line)")
                #expect(amounts.first { $0.unit == .hours }?.value == Hours(credits * 30), "\(line)")
            }
        }
    }

    /// Russian cardinal numbers in the nominative, 1 to 999.
    static func russianWords(_ value: Int) -> String {
        let units = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
        let teens = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"]
        let tens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"]
        let hundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"]
        var words = [hundreds[value / 100]]
        let rest = value % 100
        if rest >= 10 && rest < 20 { words.append(teens[rest - 10]) } else { words += [tens[rest / 10], units[rest % 10]] }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
