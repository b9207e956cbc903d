import CPDRules
import Foundation

extension CreditUnits: Encodable {
    /// A JSON number written exactly ("8.5", never "8.499999"), through `Decimal`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description)!)
    }
}

/// The one JSON style of every `cpd` output: stable key order, readable, UTF-8 as is.
public func encodeJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    // Encoding plain structs of strings and numbers cannot fail.
    return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
}
