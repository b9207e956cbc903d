import CPDRules

/// A worker's activities as an HR officer types them: YAML or JSON, one entry per document.
///
/// ```yaml
/// worker: {iin: "860111422990", fullName: Исаева Лаура Жанатовна}
/// asOf: 2026-11-22
/// targetCategory: first
/// activities:
///   - activity: seminar
///     hours: 16
///     endDate: 2025-03-03
/// ```
///
/// The fields of an entry are listed in `ActivityField`; the README documents them.
public struct ActivityFile: Sendable {
    /// An entry and the line it starts on, so output can point back at the file.
    public struct Entry: Sendable {
        public let line: Int
        public let evidence: Evidence
    }

    public var workerIIN: String?
    public var workerName: String?
    public var confirmationDate: CalendarDate?
    public var targetCategory: QualificationCategory?
    public var entries: [Entry]

    /// Reads the file's text. Every problem is collected, so one run lists them all.
    /// - Parameter name: the file's name, for the error messages.
    public init(text: String, name: String) throws(ActivityFileError) {
        var reader = ActivityFileReader(name: name)
        self = try reader.read(text)
    }

    init(
        workerIIN: String? = nil, workerName: String? = nil, confirmationDate: CalendarDate? = nil,
        targetCategory: QualificationCategory? = nil, entries: [Entry] = []
    ) {
        self.workerIIN = workerIIN
        self.workerName = workerName
        self.confirmationDate = confirmationDate
        self.targetCategory = targetCategory
        self.entries = entries
    }
}

/// Everything wrong with an activity file, each problem with its line and field.
public struct ActivityFileError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        /// The field's path: `activities[3].hours`.
        public let field: String
        public let message: String

        public var description: String { "line \(line), column \(column): \(field): \(message)" }
    }

    public let file: String
    public let problems: [Problem]

    public var description: String {
        problems.map { "\(file):\($0.line):\($0.column): \($0.field): \($0.message)" }.joined(separator: "\n")
    }
}
