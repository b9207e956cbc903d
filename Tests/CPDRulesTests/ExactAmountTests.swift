import CPDRules
import Testing

@Suite("Exact amounts")
struct ExactAmountTests {
    @Test(arguments: [
        ("12", 12_000), ("12.5", 12_500), ("0,5", 500), ("0.02", 20), (" 7 ", 7_000), ("-3", -3_000),
        ("1.125", 1_125),
    ])
    func parses(text: String, thousandths: Int) {
        #expect(CreditUnits(text)?.thousandths == thousandths)
    }

    @Test(arguments: ["", "abc", "1.2345", "1,000", "1e3", "1.", ".5", "--1", "1.2.3", "1,5,0", "٣"])
    func refusesWhatIsNotAnExactDecimal(text: String) {
        #expect(CreditUnits(text) == nil)
    }

    @Test(arguments: [(12_000, "12"), (12_500, "12.5"), (20, "0.02"), (-1_500, "-1.5"), (0, "0"), (1_010, "1.01")])
    func printsTheShortestExactDecimal(thousandths: Int, text: String) {
        #expect(CreditUnits(thousandths: thousandths).description == text)
    }

    @Test func halfUnitsAddUpExactly() {
        // 0.1 + 0.2 is not 0.3 in binary floating point; here a thousand half units are 500.
        let half = CreditUnits("0.5")!
        #expect(Array(repeating: half, count: 1000).sum() == 500)
        #expect(Hours("16.5")!.creditUnits(at: half) == CreditUnits("8.25"))
    }
}
