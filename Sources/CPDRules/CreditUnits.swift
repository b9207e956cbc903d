/// An exact amount in thousandths: credit units, hours and other volumes.
///
/// Credit units are awarded in halves (0.5 CU per hour of a seminar) and, under some readings, in
/// fiftieths (one test question of fifty). Binary floating point cannot hold these exactly, and a
/// total that is off by a rounding error can cost a worker her category, so every amount in the
/// rules is a whole number of thousandths.
public protocol ExactAmount: Comparable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, LosslessStringConvertible
{
    var thousandths: Int { get }
    init(thousandths: Int)
}

extension ExactAmount {
    public init(integerLiteral value: Int) { self.init(thousandths: value * 1000) }

    public init(_ whole: Int) { self.init(thousandths: whole * 1000) }

    /// Parses "12", "12.5", "0,5" (a decimal comma, as Russian and Kazakh documents write it),
    /// with at most three decimals. Returns nil for anything else, including exponents.
    public init?(_ text: String) {
        var digits = Substring(text.trimmingSpaces)
        var sign = 1
        if digits.first == "-" { sign = -1; digits = digits.dropFirst() }
        // A decimal comma takes at most two decimals, so that "1,000" (a thousands separator) is refused.
        let separator: Character = digits.contains(",") ? "," : "."
        let parts = digits.split(separator: separator, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let wholePart = parts.first, !wholePart.isEmpty,
            wholePart.count <= 15, wholePart.allSatisfy(\.isASCIIDigit), let whole = Int(wholePart)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...(separator == "," ? 2 : 3)).contains(decimals.count), decimals.allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = Int(decimals.padding(toLength: 3))!
        }
        self.init(thousandths: sign * (whole * 1000 + fraction))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.thousandths < rhs.thousandths }

    public var isNegative: Bool { thousandths < 0 }

    public var isWhole: Bool { thousandths % 1000 == 0 }

    /// The shortest exact decimal: "12", "12.5", "0.02".
    public var description: String {
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let whole = magnitude / 1000
        var fraction = String(magnitude % 1000)
        guard fraction != "0" else { return "\(sign)\(whole)" }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }
}

/// Credit units (CU), the unit Appendix 1 measures every activity in.
public struct CreditUnits: ExactAmount, AdditiveArithmetic {
    public let thousandths: Int
    public init(thousandths: Int) { self.thousandths = thousandths }

    public static func + (lhs: Self, rhs: Self) -> Self { Self(thousandths: lhs.thousandths + rhs.thousandths) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(thousandths: lhs.thousandths - rhs.thousandths) }

    /// `count` times this amount.
    public func times(_ count: Int) -> Self { Self(thousandths: thousandths * count) }
}

/// A volume in hours (academic hours as the certificate states them).
public struct Hours: ExactAmount {
    public let thousandths: Int
    public init(thousandths: Int) { self.thousandths = thousandths }

    /// Credit units at `rate` CU per hour, exact when the product fits in thousandths
    /// (hours are validated to at most two decimals, rates to halves).
    public func creditUnits(at rate: CreditUnits) -> CreditUnits {
        CreditUnits(thousandths: thousandths * rate.thousandths / 1000)
    }
}

extension Hours: Codable {
    /// Written as exact decimal text, `"16.5"`, so nothing passes through binary floating point.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let hours = Hours(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an exact amount: \(text)"))
        }
        self = hours
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Sequence where Element == CreditUnits {
    public func sum() -> CreditUnits { reduce(.zero, +) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        let characters = self[...]
        let start = characters.firstIndex { !$0.isWhitespace } ?? characters.endIndex
        let end = characters.lastIndex { !$0.isWhitespace }.map { characters.index(after: $0) } ?? start
        return Substring(characters[start..<Swift.max(start, end)])
    }

    func padding(toLength length: Int) -> String {
        String(self) + String(repeating: "0", count: Swift.max(0, length - count))
    }
}
