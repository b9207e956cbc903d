/// Why a file gave no records: the file's name and the one thing wrong with it.
public struct XMLRecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        /// No bytes, or only whitespace.
        case empty
        case tooLarge(bytes: Int, limit: Int)
        /// The bytes do not begin like XML at all (a PDF, an image, a Word file).
        case notXML
        /// XML that breaks off or breaks the syntax: libxml2's first error and its line.
        case notWellFormed(line: Int, message: String)
        /// A DTD that declares entities: refused before anything is expanded or fetched.
        case forbiddenDoctype(reason: String)
        /// Well-formed XML of a kind this module does not read, named by its root element.
        case unknownFormat(root: String)
        /// A CPD activity export that breaks its XSD: each problem as "line N: message".
        case invalidAgainstSchema([String])
        /// A CPD activity export valid against its XSD whose facts contradict one another (an
        /// activity and a criterion that disagree, an end before a start): "line N: message".
        case inconsistentActivities([String])

        public var description: String {
            switch self {
            case .empty: "the file is empty"
            case .tooLarge(let bytes, let limit): "the file has \(bytes) bytes, more than the limit of \(limit)"
            case .notXML: "the file is not XML"
            case .notWellFormed(let line, let message): "line \(line): not well-formed XML: \(message)"
            case .forbiddenDoctype(let reason): "refused: \(reason)"
            case .unknownFormat(let root): "an XML format this reader does not know (root element <\(root)>)"
            case .invalidAgainstSchema(let problems):
                (["does not match the CPD activity schema:"] + problems).joined(separator: "\n  ")
            case .inconsistentActivities(let problems):
                (["has activities whose facts contradict one another:"] + problems).joined(separator: "\n  ")
            }
        }
    }

    /// The name the caller gave the file.
    public let file: String
    public let reason: Reason

    public var description: String { "\(file): \(reason)" }
}
