import CPDRules
import Foundation
import Wording

/// A finding in the JSON outputs: its stable code, the English wording of the message
/// catalogue, the details as JSON values and the provenance.
struct FindingReport: Encodable {
    enum Detail: Encodable {
        case text(String)
        case list([String])
        case number(Decimal)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .list(let list): try container.encode(list)
            case .number(let number): try container.encode(number)
            }
        }
    }

    let code: FindingCode
    let message: String
    let details: [String: Detail]?
    let provenance: Finding.Provenance?

    init(_ finding: Finding) {
        code = finding.code
        message = Self.english(finding)
        details = finding.details.isEmpty ? nil : finding.details.mapValues(Self.detail)
        provenance = finding.provenance
    }

    /// The English wording; the code where cpd was installed without its templates.
    static func english(_ finding: Finding) -> String {
        FindingWording.shippedEnglish?.message(finding, in: .en) ?? finding.code.rawValue
    }

    /// Dates in ISO 8601, months as YYYY-MM, amounts as exact numbers, levels in the regulation's
    /// notation, words as their codes.
    static func detail(_ value: FindingValue) -> Detail {
        switch value {
        case .text(let text): .text(text)
        case .names(let names): .list(names)
        case .number(let number): .number(Decimal(number))
        case .amount(let amount): .number(Decimal(string: amount.description)!)
        case .date(let date): .text(date.description)
        case .month(let year, let month): .text(String(format: "%04d-%02d", year, month))
        case .significance(let significance): .text(significance.rawValue)
        case .activity(let activity): .text(activity.rawValue)
        case .volume(let volume): .text(volume.rawValue)
        case .level(let level): .text(level.description)
        case .category(let category): .text(category.rawValue)
        case .track(let track): .text(track.rawValue)
        case .tracks(let tracks): .list(tracks.map(\.rawValue))
        case .levelDocument(let document): .text(document.rawValue)
        }
    }
}
