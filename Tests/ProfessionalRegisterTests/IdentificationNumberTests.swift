import CPDRules
import Foundation
import ProfessionalRegister
import Testing

@Suite("IIN and BIN: 12 digits, birth date, century and sex, two-pass check digit")
struct IdentificationNumberTests {
    /// The vectors of shared/regulations/iin-checksum.md.
    @Test func theChecksumNoteVectors() throws {
        // 123456789012: the first pass gives 10, the second 3, not 2. (As an IIN its 7th digit,
        // 7, already refuses it; the checksum alone is what the BIN has.)
        #expect(IIN.checkDigit(first11: "12345678901") == 3)
        #expect(throws: IdentificationNumberError.checkDigit(expected: 3, found: 2)) { try BIN("123456789012") }
        #expect(throws: IdentificationNumberError.centuryDigit(7)) { try IIN("123456789012") }
        let iin = try IIN("061211600012")  // the first pass gives 10, the second 2
        #expect(iin.dateOfBirth == CalendarDate("2006-12-11"))
        #expect(iin.gender == .female)
    }

    struct CorpusWorker: Decodable {
        let iin: String
        let dateOfBirth: String
        let gender: String
    }

    /// The 20 workers of the corpus: valid numbers that encode the date of birth and gender stated.
    @Test func theCorpusWorkersAreValid() throws {
        let workers = try JSONDecoder().decode([CorpusWorker].self, from: Fixtures.corpusWorkers())
        #expect(workers.count == 20)
        for worker in workers {
            let iin = try IIN(worker.iin)
            #expect(iin.dateOfBirth == CalendarDate(worker.dateOfBirth))
            #expect(iin.gender.rawValue == worker.gender)
            try iin.check(dateOfBirth: CalendarDate(worker.dateOfBirth), gender: Gender(rawValue: worker.gender))
        }
    }

    @Test(arguments: [
        ("85031441000", IdentificationNumberError.length(11)),
        ("8503144100070", .length(13)),
        ("", .length(0)),
        ("8503144100O7", .notDigits),
        ("850314 41000", .notDigits),
        ("850314010007", .centuryDigit(0)),
        ("850314710007", .centuryDigit(7)),
        ("851314410007", .birthDate),  // month 13
        ("010229500000", .birthDate),  // 29 February 2001
        ("850314410008", .checkDigit(expected: 7, found: 8)),
        ("850314400080", .noCheckDigit),  // both passes give 10
    ])
    func invalidIINs(_ text: String, _ error: IdentificationNumberError) {
        #expect(throws: error) { try IIN(text) }
    }

    @Test func centuryDigitAndLeapDay() throws {
        let leapDay = try IIN("000229500008")
        #expect(leapDay.dateOfBirth == CalendarDate("2000-02-29"))
        #expect(leapDay.gender == .male)
        #expect(Fixtures.iin("1899-12-31", .male).dateOfBirth == CalendarDate("1899-12-31"))
        #expect(Fixtures.iin("1899-12-31", .male).digits.dropFirst(6).first == "1")
        #expect(Fixtures.iin("1950-06-01", .female).digits.dropFirst(6).first == "4")
    }

    @Test func aStatedDateOfBirthOrGenderMustAgree() throws {
        let iin = try IIN("850314410007")
        try iin.check(dateOfBirth: CalendarDate("1985-03-14"), gender: .female)
        #expect(throws: IdentificationNumberError.dateOfBirthDisagrees) { try iin.check(dateOfBirth: CalendarDate("1985-03-15"), gender: nil) }
        #expect(throws: IdentificationNumberError.genderDisagrees) { try iin.check(dateOfBirth: nil, gender: .male) }
    }

    /// Public BINs of Halyk Bank and its branches (kaz-person-id's tests).
    @Test(arguments: ["940140000385", "950341000052", "961141000023", "070941024691"])
    func realBINs(_ text: String) throws {
        #expect(try BIN(text).digits == text)
    }

    @Test func theSecondPassDecidesABIN() {
        // 961141000023: weights 1…11 give 10, weights 3…11, 1, 2 give 3.
        #expect(IIN.checkDigit(first11: "96114100002") == 3)
    }

    @Test(arguments: [
        ("940140000386", IdentificationNumberError.checkDigit(expected: 5, found: 6)),
        ("94014000038", .length(11)),
        ("94014000038X", .notDigits),
    ])
    func invalidBINs(_ text: String, _ error: IdentificationNumberError) {
        #expect(throws: error) { try BIN(text) }
    }

    @Test func messagesNeverRepeatTheNumber() {
        for text in ["850314410008", "850314710007", "851314410007"] {
            do {
                _ = try IIN(text)
                Issue.record("\(text) accepted")
            } catch {
                #expect(!error.description.contains(text))
            }
        }
    }
}
