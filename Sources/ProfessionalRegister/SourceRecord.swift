import Foundation

/// One worker's fields as a file or a command gives them, by path and with the line each stands
/// on, before they are checked. Every reader (JSON, CSV, XML, the command line) makes these, so
/// that one piece of code checks them all.
struct SourceRecord {
    struct Entry {
        let path: String
        /// Nil clears the field.
        let text: String?
        let line: Int?
    }

    /// Where the record starts; nil on the command line.
    let line: Int?
    var entries: [Entry] = []
    /// Tables the source gives whole: their rows replace the record's.
    var replacedTables: [String] = []
    /// Problems the reader found already (a value of the wrong JSON type, a short CSV row).
    var problems: [RegisterProblem] = []

    init(line: Int?) { self.line = line }

    mutating func add(_ path: String, _ text: String?, line: Int?) { entries.append(Entry(path: path, text: text, line: line)) }

    mutating func problem(_ field: String, _ message: String, line: Int?) {
        problems.append(RegisterProblem(line: line, field: field, message: message))
    }

    enum Checked {
        case valid(Worker)
        case refused([RegisterProblem])
    }

    /// The record's IIN, or the problem with it.
    func iin() -> Result<IIN, RegisterProblem> {
        guard let entry = entries.first(where: { $0.path == "iin" }), let text = entry.text else {
            return .failure(RegisterProblem(line: line, field: "iin", message: "is required"))
        }
        do {
            return .success(try IIN(text.trimmingCharacters(in: .whitespaces)))
        } catch {
            return .failure(RegisterProblem(line: entry.line ?? line, field: "iin", message: error.description))
        }
    }

    /// The worker these fields make on top of `existing` (nil: a new worker), or every problem.
    func worker(_ iin: IIN, existing: Worker?) -> Checked {
        var worker = existing ?? Worker(iin: iin, surname: "", firstName: "")
        var problems = self.problems
        for name in replacedTables { Fields.tablesByName[name]?.clear(&worker) }
        for entry in entries {
            do {
                try Fields.set(entry.path, to: entry.text, in: &worker)
            } catch {
                problems.append(RegisterProblem(line: entry.line ?? line, field: entry.path, message: error.message))
            }
        }
        if problems.isEmpty {
            problems = Fields.problems(in: worker).map { path, message in
                RegisterProblem(line: entries.last(where: { $0.path == path })?.line ?? line, field: path, message: message)
            }
        }
        return problems.isEmpty ? .valid(worker) : .refused(problems)
    }
}

/// A value the register refuses: where it stands and why. The message never repeats the value,
/// which may be personal data.
public struct RegisterProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the file; nil for a value given on the command line.
    public let line: Int?
    /// The field's path: `certificate.expiresOn`, `employment[2].hired`.
    public let field: String
    public let message: String

    public init(line: Int?, field: String, message: String) {
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String { "\(line.map { "line \($0), " } ?? "")\(field): \(message)" }
}
