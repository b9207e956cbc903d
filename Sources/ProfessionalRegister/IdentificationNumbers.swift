import CPDRules

/// An individual identification number (IIN, ЖСН/ИИН): `YYMMDD G NNNN C`, the birth date, a
/// digit for century and sex, a serial number and a check digit.
///
/// The check digit follows the two-pass rule of `shared/regulations/iin-checksum.md`. The birth
/// date and sex are read from the number, so the register never stores them apart from it.
public struct IIN: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 12 digits.
    public let digits: String
    public let dateOfBirth: CalendarDate
    public let gender: Gender

    public init(_ text: String) throws(IdentificationNumberError) {
        let values = try twelveDigits(text)
        guard (1...6).contains(values[6]) else { throw .centuryDigit(values[6]) }
        let century = 1800 + (values[6] - 1) / 2 * 100
        guard let date = CalendarDate(
            year: century + values[0] * 10 + values[1], month: values[2] * 10 + values[3], day: values[4] * 10 + values[5])
        else { throw .birthDate }
        try verifyCheckDigit(values)
        digits = text
        dateOfBirth = date
        gender = values[6] % 2 == 1 ? .male : .female
    }

    /// Refuses a stated date of birth or gender that the number contradicts.
    public func check(dateOfBirth stated: CalendarDate?, gender statedGender: Gender?) throws(IdentificationNumberError) {
        if let stated, stated != dateOfBirth { throw .dateOfBirthDisagrees }
        if let statedGender, statedGender != gender { throw .genderDisagrees }
    }

    public var description: String { digits }

    public static func < (lhs: IIN, rhs: IIN) -> Bool { lhs.digits < rhs.digits }
}

/// A business identification number (BIN, БСН/БИН) of a legal entity: 12 digits, the last a
/// check digit.
///
/// What is relied on: the same two-pass check digit as the IIN, which the public BINs of
/// Halyk Bank and its branches satisfy (940140000385, 950341000052, 961141000023 through the
/// second pass, 070941024691; the tests of valery1707/kaz-person-id, which applies one checksum
/// to both numbers). The other digits (registration year and month, kind of entity) are not
/// checked: a private practitioner's organisation is named by its owner's IIN, which has the
/// same check digit but not that structure.
public struct BIN: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 12 digits.
    public let digits: String

    public init(_ text: String) throws(IdentificationNumberError) {
        try verifyCheckDigit(try twelveDigits(text))
        digits = text
    }

    public var description: String { digits }

    public static func < (lhs: BIN, rhs: BIN) -> Bool { lhs.digits < rhs.digits }
}

public enum Gender: String, Sendable, Hashable, CaseIterable {
    case male
    case female
}

/// Why a text is not an IIN or a BIN. The messages never repeat the number: it is personal data.
public enum IdentificationNumberError: Error, Sendable, Equatable, CustomStringConvertible {
    case length(Int)
    case notDigits
    /// The 7th digit of an IIN: 1 to 6 give century and sex.
    case centuryDigit(Int)
    /// Digits 1 to 6 of an IIN are not a day that exists.
    case birthDate
    case checkDigit(expected: Int, found: Int)
    /// Both passes give 10: no number is issued with these first 11 digits.
    case noCheckDigit
    case dateOfBirthDisagrees
    case genderDisagrees

    public var description: String {
        switch self {
        case .length(let count): "has \(count) characters; it must be 12 digits"
        case .notDigits: "must be 12 digits, with no other characters"
        case .centuryDigit(let digit): "the 7th digit (century and sex) is \(digit); it must be 1 to 6"
        case .birthDate: "the first 6 digits are not a date of birth (YYMMDD)"
        case .checkDigit(let expected, let found): "the check digit is \(found), but the first 11 digits give \(expected)"
        case .noCheckDigit: "no number is issued with these first 11 digits (the check digit would be 10)"
        case .dateOfBirthDisagrees: "the date of birth differs from the one the IIN encodes"
        case .genderDisagrees: "the gender differs from the one the IIN encodes"
        }
    }
}

private func twelveDigits(_ text: String) throws(IdentificationNumberError) -> [Int] {
    let bytes = Array(text.utf8)
    guard bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { throw .notDigits }
    guard bytes.count == 12 else { throw .length(text.count) }
    return bytes.map { Int($0 - UInt8(ascii: "0")) }
}

extension IIN {
    /// The check digit of the numbers that begin with `first11` (11 digits), or nil when no
    /// number is issued with them. A BIN's is computed the same way.
    public static func checkDigit(first11: String) -> Int? {
        let values = first11.utf8.map { Int($0) - Int(UInt8(ascii: "0")) }
        guard values.count == 11, values.allSatisfy((0...9).contains) else { return nil }
        return computedCheckDigit(values)
    }
}

/// The two passes of iin-checksum.md: weights 1…11, and when the remainder is 10, weights 3…11, 1, 2.
private func computedCheckDigit(_ digits: [Int]) -> Int? {
    func remainder(_ weights: some Sequence<Int>) -> Int { zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 }
    var digit = remainder(1...11)
    if digit == 10 { digit = remainder([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]) }
    return digit == 10 ? nil : digit
}

private func verifyCheckDigit(_ digits: [Int]) throws(IdentificationNumberError) {
    guard let expected = computedCheckDigit(digits) else { throw .noCheckDigit }
    guard expected == digits[11] else { throw .checkDigit(expected: expected, found: digits[11]) }
}
