import CSVRows
import Testing

@Suite("CSV rows: the package's parse, with the line each row starts on")
struct CSVRowsTests {
    @Test func semicolonsQuotedDelimitersAndLineBreaksInsideACell() throws {
        let text = "Title;Issn\n\"A; B\";\"15424863, 00079235\"\n\"врач \"\"участковый\"\"\nвторой строкой\";x\nlast;y"
        #expect(try csvRows(text, delimiter: ";") == [
            CSVRow(line: 1, cells: ["Title", "Issn"]),
            CSVRow(line: 2, cells: ["A; B", "15424863, 00079235"]),
            CSVRow(line: 3, cells: ["врач \"участковый\"\nвторой строкой", "x"]),
            CSVRow(line: 5, cells: ["last", "y"]),
        ])
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func everyLineBreakEndsARowAndCountsOnce(_ lineBreak: String) throws {
        let text = ["iin,name", "1,\"А\(lineBreak)Б\"", "", "2,В", ""].joined(separator: lineBreak)
        #expect(try csvRows(text, delimiter: ",") == [
            CSVRow(line: 1, cells: ["iin", "name"]), CSVRow(line: 2, cells: ["1", "А\(lineBreak)Б"]), CSVRow(line: 5, cells: ["2", "В"]),
        ])
    }

    @Test(arguments: [
        ("a,b\n\"open,1\n", 2), ("a,b\n1,\"", 2), ("a\nx\n\"one\n\"\"two\"\"\nthree", 3), ("a,b\n1,\"\"\"", 2),
    ])
    func aQuoteLeftOpenIsReportedOnItsRowsFirstLine(_ text: String, line: Int) {
        #expect(throws: CSVRowsError.unterminatedQuote(line: line)) { try csvRows(text, delimiter: ",") }
    }

    @Test(arguments: ["a,b\n1,\"\"", "a,b\n1,\"\"\"\"", "a,b\n1,\"x\"", "a,b\n1,x\"", "a,b\n1,\"x\"\"\"\n"])
    func aClosedQuoteAtTheEndIsNoError(_ text: String) throws {
        #expect(try csvRows(text, delimiter: ",").count == 2)
    }

    @Test func anEmptyTextHasNoRows() throws {
        #expect(try csvRows("", delimiter: ",").isEmpty)
        #expect(try csvRows("\n\n", delimiter: ",").isEmpty)
    }
}
