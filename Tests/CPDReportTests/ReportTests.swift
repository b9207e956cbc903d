@testable import CPDReport
import CPDRules
import Testing

@Suite("Reports")
struct ReportTests {
    struct Wrapper: Encodable { let value: CreditUnits }

    @Test(arguments: [(8_500, "8.5"), (20, "0.02"), (210_000, "210"), (1_125, "1.125")])
    func creditUnitsAreWrittenAsExactJSONNumbers(thousandths: Int, text: String) {
        #expect(encodeJSON(Wrapper(value: CreditUnits(thousandths: thousandths))) == "{\n  \"value\" : \(text)\n}\n")
    }

    @Test func wrappedLinesKeepTheirLabelColumn() {
        let lines = wrap("one two three four five six", indent: 2, label: "Unit: ", width: 20)
        #expect(lines == ["  Unit: one two", "        three four", "        five six"])
    }

    @Test func tablesAlignTheirColumns() {
        #expect(table(["a", "bb"], [["ccc", "d"]], indent: 0) == "a    bb\n---  --\nccc  d")
    }

    @Test func assessmentTextNamesEveryUnmetMinimum() {
        var seminar = Evidence(criterion: 3)
        seminar.hours = 17
        seminar.endDate = CalendarDate("2025-01-01")
        let assessment = Assessment(evidence: [seminar], confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .second)
        let text = AssessmentReport(assessment: assessment, worker: nil, origins: [.entry(line: 3)]).text
        #expect(text.contains("Appendix 3 for the second category: NOT met"))
        #expect(text.contains("total over 5 years: 8.5 of at least 210: short by 201.5"))
        #expect(text.contains("additional education: 0 of at least 150: short by 150"))
    }

    /// A finding keeps its code and details in the JSON, with the catalogue's English wording.
    @Test func reviewFindingsAreCodesWithDetailsAndTheEnglishMessage() throws {
        var credits = Evidence(criterion: 1)
        credits.credits = 2
        credits.hours = 48
        credits.endDate = CalendarDate("2025-01-01")
        let assessment = Assessment(evidence: [credits], confirmationDate: CalendarDate("2026-11-22")!, targetCategory: .second)
        let report = AssessmentReport(assessment: assessment, worker: nil, origins: [.entry(line: 3)])
        let json = encodeJSON(report)
        #expect(json.contains("\"code\" : \"credits-and-hours-disagree\""))
        #expect(json.contains("\"hoursPerCredit\" : 30"))
        #expect(json.contains("\"message\" : \"the document states 2 credits and 48 hours, which disagree at 30 hours per credit\""))
        #expect(report.text.contains("#1 review: the document states 2 credits and 48 hours"))
    }
}
