import CPDRules
import Foundation

/// A worker as a register extract lists them: the JSON layout of the corpus's `workers.json`
/// (`iin`, `fullName` in Cyrillic nominative, `dateOfBirth`, `gender`, `targetCategory`).
public struct RegisteredWorker: Sendable, Hashable, Decodable {
    public let iin: String
    public let fullName: String
    public let dateOfBirth: String?
    public let gender: String?
    public let targetCategory: QualificationCategory?
}

/// The workers of a register extract, by IIN.
public struct RegisterExtract: Sendable {
    public let workers: [RegisteredWorker]

    public init(json data: Data) throws(RegisterError) {
        do {
            workers = try JSONDecoder().decode([RegisteredWorker].self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .invalid(context.debugDescription)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .invalid("entry \(Self.index(context) ?? 0): missing \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .invalid("entry \(Self.index(context) ?? 0), \(context.codingPath.last?.stringValue ?? "value"): \(context.debugDescription)")
        } catch {
            throw .invalid("\(error)")
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

extension QualificationCategory: Decodable {}
