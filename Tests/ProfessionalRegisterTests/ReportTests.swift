import CPDRules
import Foundation
import ProfessionalRegister
import Testing

@Suite("Paragraphs 6 and 7: an organisation's movement and qualification forecast")
struct ReportTests {
    static let hospital = try! BIN("940140000385")
    static let clinic = try! BIN("950341000052")

    /// Six workers of a hospital, and what happened to them in the fourth quarter of 2026.
    static func register() throws -> ProfessionalRegister {
        let register = try ProfessionalRegister()
        func enter(_ born: String, _ surname: String, level: String? = nil, obtained: String? = nil, at employer: BIN?, _ rows: [(String, String?, BIN)]) throws {
            var worker = Fixtures.worker(Fixtures.iin(born), surname)
            worker.employerBIN = employer
            worker.sqfLevel = level.flatMap(QualificationLevel.init)
            worker.sqfLevelObtainedOn = obtained.map(Fixtures.date)
            worker.employment = rows.map { hired, dismissed, employer in
                var row = Worker.Employment()
                row.hired = Fixtures.date(hired)
                row.dismissed = dismissed.map(Fixtures.date)
                row.employerBIN = employer
                return row
            }
            try register.save(worker, by: "hr")
        }
        try enter("1970-01-01", "Старожилова", level: "6.1", obtained: "2022-03-01", at: hospital, [("2000-01-10", nil, hospital)])
        try enter("1990-02-02", "Новикова", level: "6.0", obtained: "2021-10-15", at: hospital, [("2026-10-05", nil, hospital)])
        try enter("1985-03-03", "Переходова", level: "5.2", obtained: "2024-06-30", at: hospital, [("2015-01-01", "2026-11-30", clinic), ("2026-12-01", nil, hospital)])
        try enter("1980-04-04", "Уходова", at: clinic, [("2010-01-01", "2026-11-15", hospital), ("2026-11-16", nil, clinic)])
        // Dismissed on the last day of the quarter: still employed that day.
        try enter("1960-05-05", "Пенсионерова", level: "8", obtained: "2015-01-01", at: nil, [("1990-01-01", "2026-12-31", hospital)])
        try enter("1995-06-06", "Клиникова", level: "6.1", obtained: "2020-01-01", at: clinic, [("2020-01-01", nil, clinic)])
        return register
    }

    @Test func aQuarter() throws {
        let report = try Self.register().report(ReportPeriod("2026-Q4")!, employer: Self.hospital)
        #expect(report.period.first == Fixtures.date("2026-10-01") && report.period.last == Fixtures.date("2026-12-31"))
        let counts: [Int] = [report.employedAtStart, report.registered, report.movedIn, report.movedOut, report.outflow, report.employedAtEnd]
        #expect(counts == [3, 2, 1, 1, 1, 4])
        // Appendix 5: 4 years to 6.2, 5 years to 6.1, 3 years to 5.3; level 8 has none above it.
        #expect(report.forecast.map { "\($0.level)→\($0.nextLevel) \($0.eligibleFrom)" } == [
            "6.1→6.2 2026-03-01", "6.0→6.1 2026-10-15", "5.2→5.3 2027-06-30",
        ])
        #expect(report.text == """
            Organisation 940140000385, 2026-Q4 (2026-10-01 to 2026-12-31)

            Movement of the workforce (paragraph 6)
              employed on 2026-09-30  3
              registered              2
                of whom moved in      1
              moved out               1
              outflow                 1
              employed on 2026-12-31  4

            Qualification forecast (paragraph 7)
              eligible since 2026-03-01: Старожилова Айгуль (\(Fixtures.iin("1970-01-01"))), 6.1 since 2022-03-01 → 6.2
              eligible since 2026-10-15: Новикова Айгуль (\(Fixtures.iin("1990-02-02"))), 6.0 since 2021-10-15 → 6.1
              eligible from 2027-06-30: Переходова Айгуль (\(Fixtures.iin("1985-03-03"))), 5.2 since 2024-06-30 → 5.3

            """)
    }

    @Test func monthsOfTheQuarter() throws {
        let register = try Self.register()
        let counts = try ["2026-10", "2026-11", "2026-12"].map { month in
            let report = try register.report(ReportPeriod(month)!, employer: Self.hospital)
            let counts: [Int] = [report.employedAtStart, report.registered, report.movedIn, report.movedOut, report.outflow, report.employedAtEnd]
            return counts
        }
        #expect(counts == [[3, 1, 0, 0, 0, 4], [4, 0, 0, 1, 0, 3], [3, 1, 1, 0, 1, 4]])
    }

    @Test func csvAndJSON() throws {
        let report = try Self.register().report(.month(year: 2026, month: 11), employer: Self.hospital)
        let lines = report.csv.split(separator: "\n")
        #expect(lines[0] == "section,measure,count,iin,fullName,sqfLevel,obtainedOn,nextLevel,eligibleFrom")
        #expect(lines[5] == "movement,outflow,0,,,,,,")
        #expect(lines[7] == "forecast,,,\(Fixtures.iin("1970-01-01")),Старожилова Айгуль,6.1,2022-03-01,6.2,2026-03-01")
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        #expect(json["period"] as? String == "2026-11")
        #expect((json["movement"] as? [String: Int])?["movedOut"] == 1)
        #expect((json["forecast"] as? [[String: String]])?.count == 3)
    }

    @Test(arguments: [("2026-10", "2026-10-01", "2026-10-31"), ("2024-02", "2024-02-01", "2024-02-29"), ("2026-Q1", "2026-01-01", "2026-03-31"), ("2026-q3", "2026-07-01", "2026-09-30")])
    func periods(_ text: String, _ first: String, _ last: String) throws {
        let period = try #require(ReportPeriod(text))
        #expect(period.first == Fixtures.date(first) && period.last == Fixtures.date(last))
    }

    @Test func theDefaultPeriodIsTheLastCompleteOne() {
        #expect(ReportPeriod.previous(quarterly: false, before: Fixtures.date("2027-01-05")).description == "2026-12")
        #expect(ReportPeriod.previous(quarterly: true, before: Fixtures.date("2027-01-05")).description == "2026-Q4")
        #expect(ReportPeriod.previous(quarterly: true, before: Fixtures.date("2026-11-22")).description == "2026-Q3")
        #expect(ReportPeriod("2026-13") == nil && ReportPeriod("2026-Q5") == nil && ReportPeriod("26-10") == nil)
    }
}
