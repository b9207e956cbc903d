import CPDRules
import Foundation

/// A worker as a register extract lists them: the JSON layout of the corpus's `workers.json`
/// (`iin`, `fullName` in Cyrillic nominative, `dateOfBirth`, `gender`, `targetCategory`), with
/// the optional fields the Appendix 2 form is filled from when the extract has them.
public struct RegisteredWorker: Sendable, Hashable, Decodable {
    public let iin: String
    public let fullName: String
    public let dateOfBirth: String?
    public let gender: String?
    public let targetCategory: QualificationCategory?
    /// Years, months and days, in words of any of the forms' languages or as numbers.
    public let totalService: ServiceLength?
    public let specialtyService: ServiceLength?
    public let placeOfWork: String?
    public let position: String?
    /// The SQF level, in the regulation's notation ("6.2").
    public let sqfLevel: String?
    /// In English, Russian or Kazakh ("вторая"): `category`.
    public let qualificationCategory: String?
    public let postgraduateEducation: String?
    public let employment: [Employment]?

    /// The qualification category, whatever language the extract names it in.
    public var category: QualificationCategory? { qualificationCategory.flatMap(QualificationCategory.init(word:)) }

    /// One row of the labour activity table (Appendix 2, item 7).
    public struct Employment: Sendable, Hashable, Decodable {
        public let hired: String?
        public let dismissed: String?
        public let placeOfWork: String?
        public let position: String?
        public let orderNumber: String?
        public let orderDate: String?
    }
}

/// The workers of a register extract, by IIN.
public struct RegisterExtract: Sendable {
    public let workers: [RegisteredWorker]

    public init(json data: Data) throws(RegisterError) {
        do {
            workers = try JSONDecoder().decode([RegisteredWorker].self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            guard let entry = Self.index(context), let field = context.codingPath.last?.stringValue else { throw .invalid(context.debugDescription) }
            throw .invalid("entry \(entry), \(field): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalid("entry \(Self.index(context) ?? 0): missing \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .invalid("entry \(Self.index(context) ?? 0), \(context.codingPath.last?.stringValue ?? "value"): \(context.debugDescription)")
        } catch {
            throw .invalid("\(error)")
        }
        for (index, worker) in workers.enumerated() where worker.qualificationCategory != nil && worker.category == nil {
            throw .invalid("entry \(index + 1), qualificationCategory: \"\(worker.qualificationCategory!)\" \(QualificationCategory.wordsExpected)")
        }
        if let duplicate = Dictionary(grouping: workers, by: \.iin).first(where: { $0.value.count > 1 })?.key {
            throw .invalid("IIN \(duplicate) is listed twice")
        }
    }

    public func worker(iin: String) -> RegisteredWorker? { workers.first { $0.iin == iin } }

    private static func index(_ context: DecodingError.Context) -> Int? {
        context.codingPath.first?.intValue.map { $0 + 1 }
    }
}

public enum RegisterError: Error, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let reason): "the register extract is not valid: \(reason)"
        }
    }
}
