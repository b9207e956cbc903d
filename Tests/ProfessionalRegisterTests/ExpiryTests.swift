import CPDRules
import Foundation
import ProfessionalRegister
import Testing

@Suite("Paragraph 14, items 4 and 5: expiring certificates and blocked records, day by day")
struct ExpiryTests {
    @Test(arguments: [
        ("2026-11-22", "2m", "2027-01-22"),
        ("2023-12-31", "2m", "2024-02-29"),  // leap year: the end of February is the 29th
        ("2022-12-31", "2m", "2023-02-28"),
        ("2024-02-29", "2m", "2024-04-29"),
        ("2024-01-31", "1m", "2024-02-29"),
        ("2024-12-31", "2m", "2025-02-28"),
        ("2026-11-22", "0m", "2026-11-22"),
        ("2024-02-28", "1d", "2024-02-29"),
        ("2023-12-31", "60d", "2024-02-29"),
    ])
    func theWindowsLastDay(_ from: String, _ lookahead: String, _ last: String) throws {
        #expect(try #require(Lookahead(lookahead)).end(from: Fixtures.date(from)) == Fixtures.date(last))
    }

    @Test(arguments: ["", "2", "m", "2y", "-1m", "1.5m", "121d"])
    func lookaheadsThatDoNotRead(_ text: String) {
        #expect(Lookahead(text) == nil)
    }

    /// For each day from 70 days before the expiry to 3 days after it, the worker is expiring
    /// exactly when the expiry is within the two months that start that day, and blocked
    /// exactly from the day after the expiry. Expiries on the 29th of February and at the end
    /// of months of different lengths.
    @Test(arguments: ["2024-02-29", "2025-02-28", "2026-01-31", "2026-04-30", "2026-12-31"])
    func eachDayAroundTheExpiry(_ expiry: String) throws {
        let register = try ProfessionalRegister()
        var worker = Fixtures.worker(try IIN("850314410007"))
        worker.certificate.expiresOn = Fixtures.date(expiry)
        try register.save(worker, by: "hr")
        let expires = Fixtures.date(expiry)
        for offset in -70...3 {
            let day = expires.adding(days: offset)
            let expected = day <= expires && expires <= Lookahead.months(2).end(from: day)
            #expect(try register.expiring(on: day).map(\.iin) == (expected ? [worker.iin] : []), "on \(day)")
            #expect(try register.blocked(on: day).map(\.iin) == (day > expires ? [worker.iin] : []), "on \(day)")
            #expect(try register.isBlocked(worker.iin, on: day) == (day > expires), "on \(day)")
        }
    }

    @Test func theTwoMonthsBeforeALeapDay() throws {
        let register = try ProfessionalRegister()
        var worker = Fixtures.worker(try IIN("850314410007"))
        worker.certificate.expiresOn = Fixtures.date("2024-02-29")
        try register.save(worker, by: "hr")
        #expect(try register.expiring(on: Fixtures.date("2023-12-28")).isEmpty)  // the window ends on 28 February
        #expect(try register.expiring(on: Fixtures.date("2023-12-29")).count == 1)
        #expect(try register.expiring(on: Fixtures.date("2023-12-28"), within: .days(63)).count == 1)
    }

    @Test func listsAreOrderedAndFilteredByOrganisation() throws {
        let register = try ProfessionalRegister()
        let (hospital, clinic) = (try BIN("940140000385"), try BIN("950341000052"))
        for (index, (expiry, employer)) in [("2027-01-10", hospital), ("2026-12-01", clinic), ("2026-12-20", hospital), (nil, hospital)].enumerated() {
            var worker = Fixtures.worker(Fixtures.iin("1980-01-0\(index + 1)"))
            worker.certificate.expiresOn = expiry.map(Fixtures.date)
            worker.employerBIN = employer
            try register.save(worker, by: "hr")
        }
        let today = Fixtures.date("2026-11-22")
        #expect(try register.expiring(on: today).map(\.expiresOn.description) == ["2026-12-01", "2026-12-20", "2027-01-10"])
        #expect(try register.expiring(on: today, employer: hospital).map(\.expiresOn.description) == ["2026-12-20", "2027-01-10"])
        #expect(try register.blocked(on: Fixtures.date("2027-01-01")).map(\.expiresOn.description) == ["2026-12-01", "2026-12-20"])
        // No certificate stated: never expiring, never blocked.
        #expect(try register.isBlocked(Fixtures.iin("1980-01-04"), on: Fixtures.date("2099-01-01")) == false)
    }

    /// Item 5: a blocked worker cannot be confirmed until the certificate is renewed.
    @Test func aBlockedWorkerCannotBeConfirmedUntilRenewed() throws {
        let register = try ProfessionalRegister()
        var worker = Fixtures.worker(try IIN("850314410007"))
        worker.certificate.expiresOn = Fixtures.date("2026-11-21")
        worker.targetCategory = .first
        try register.save(worker, by: "hr")
        var totals = Totals()
        totals.additionalEducation = 130
        totals.nonFormalAndCompetences = 90
        let confirmation = AssessmentRecord(
            confirmationDate: Fixtures.date("2026-11-22"), targetCategory: .first, totals: totals, meetsRequirements: true, forms: [])
        #expect(throws: RegisterStoreError.blocked(certificateExpiredOn: Fixtures.date("2026-11-21"))) {
            try register.record(confirmation, for: worker.iin, by: "hr")
        }
        try register.set([("certificate.expiresOn", "2031-11-21")], on: worker.iin, entering: false, by: "hr")
        try register.record(confirmation, for: worker.iin, by: "hr")
        #expect(try register.assessments(of: worker.iin) == [confirmation])
    }
}
