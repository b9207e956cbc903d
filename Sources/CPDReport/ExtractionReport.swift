import CPDRules
import FactExtraction
import Foundation
import Intake

/// The records of `cpd extract`, for programs (JSON) and for people (text).
public struct ExtractionReport: Encodable, Sendable {
    struct Fact: Encodable {
        let value: JSONFactValue
        let page: Int
        let text: String
        let confidence: Double
        /// The lexicon entry that matched, where a wording decided the fact.
        let wording: String?
        /// Where the line stands on the page, as fractions of its width and height.
        let region: PageRegion?
    }

    enum JSONFactValue: Encodable, Sendable {
        case text(String)
        case number(Decimal)
        case flag(Bool)
        case list([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .flag(let flag): try container.encode(flag)
            case .list(let list): try container.encode(list)
            }
        }
    }

    struct Record: Encodable {
        let file: String
        let sha256: String
        let item: Int?
        let source: SourceKind?
        let pages: Int
        let language: String?
        let needsNotarizedTranslation: Bool
        let notarizedTranslation: Bool
        let activity: ActivityKind?
        /// A document of chapter 3 (not CPD evidence): `assessment-result`, `work-functions-report`.
        let levelDocument: LevelDocumentKind?
        let criterion: Int?
        let holderName: String?
        let people: [String]
        let facts: [String: Fact]
        let uncertainties: [FindingReport]
        let errors: [String]
    }

    let records: [Record]

    public init(_ records: [ExtractionRecord]) {
        self.records = records.map { record in
            Record(
                file: record.file, sha256: record.sha256, item: record.item, source: record.source, pages: record.pages,
                language: record.language, needsNotarizedTranslation: record.needsNotarizedTranslation,
                notarizedTranslation: record.hasNotarizedTranslation, activity: record.activity, levelDocument: record.levelDocument?.kind,
                criterion: record.criterion,
                holderName: record.holderName, people: record.people,
                facts: Dictionary(record.facts.map { fact in
                    (fact.name, Fact(
                        value: Self.value(fact.value), page: fact.provenance.page, text: fact.provenance.text,
                        confidence: (fact.confidence * 100).rounded() / 100, wording: fact.provenance.wording,
                        region: fact.provenance.region))
                }, uniquingKeysWith: { first, _ in first }),
                uncertainties: record.uncertainties.map(FindingReport.init), errors: record.errors.map(\.description))
        }
    }

    static func value(_ value: NamedFact.Value) -> JSONFactValue {
        switch value {
        case .text(let text): .text(text)
        case .number(let text): Decimal(string: text).map { .number($0) } ?? .text(text)
        case .date(let date): .text(date.description)
        case .flag(let flag): .flag(flag)
        case .list(let list): .list(list)
        }
    }

    /// The JSON form is an array of records, one per file (or per record of a file).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(records)
    }

    /// One block per record: what it is, the facts with the text they were read from.
    public var text: String {
        var lines: [String] = []
        for record in records {
            let name = record.file.escapingControlCharacters + (record.item.map { " #\($0)" } ?? "")
            lines.append(name)
            if !record.errors.isEmpty {
                lines += record.errors.map { "  error: \($0)" }
                lines.append("")
                continue
            }
            let what = [record.activity?.rawValue ?? record.levelDocument?.rawValue ?? "unrecognized", record.criterion.map { "criterion \($0)" }, record.source?.rawValue, record.language.map { "language \($0)" }]
                .compactMap { $0 }.joined(separator: ", ")
            lines.append("  \(what)")
            if record.needsNotarizedTranslation {
                lines.append("  paragraph 7: \(record.notarizedTranslation ? "notarized translation attached" : "needs a notarized translation into Kazakh or Russian")")
            }
            if let holder = record.holderName { lines.append("  holder: \(holder)") }
            for (name, fact) in record.facts.sorted(by: { $0.key < $1.key }) where name != "holderName" {
                let value: String =
                    switch fact.value {
                    case .text(let text): text
                    case .number(let number): "\(number)"
                    case .flag(let flag): "\(flag)"
                    case .list(let list): list.joined(separator: ", ")
                    }
                let wording = fact.wording.map { ", by \($0)" } ?? ""
                lines += wrap("\(value)    (page \(fact.page): \"\(fact.text)\"\(wording))", indent: 2, label: "\(name): ")
            }
            lines += record.uncertainties.map { "  to check: \($0.message)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
