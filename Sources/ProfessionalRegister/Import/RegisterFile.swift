import CSVRows
import Foundation
import XMLRecords

/// The layouts the register reads (README.md beside this file documents them) and writes.
public enum RegisterFileFormat: String, Sendable, CaseIterable {
    case json
    case csv
    case xml

    /// By the file's extension.
    public init?(path: String) {
        self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
    }
}

/// Turns a file's bytes into source records. A problem that spoils the whole file (a syntax
/// error, an unknown CSV column) is thrown; a problem with one worker stays in its record.
enum RegisterFileReader {
    static func records(_ data: Data, format: RegisterFileFormat, name: String) throws(RegisterProblem) -> [SourceRecord] {
        switch format {
        case .json: try jsonRecords(utf8(data))
        case .csv: try csvRecords(utf8(data))
        case .xml: try xmlRecords(data, name: name)
        }
    }

    private static func utf8(_ data: Data) throws(RegisterProblem) -> [UInt8] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw RegisterProblem(line: nil, field: "file", message: "is not UTF-8 text")
        }
        return bytes
    }

    // MARK: JSON

    private static func jsonRecords(_ bytes: [UInt8]) throws(RegisterProblem) -> [SourceRecord] {
        guard case .array(let elements, _) = try JSONReader.parse(bytes) else {
            throw RegisterProblem(line: 1, field: "file", message: "must be a JSON list of workers, as workers.json is")
        }
        return elements.map { element in
            var record = SourceRecord(line: element.line)
            guard case .object(let members, _) = element else {
                record.problem("worker", "must be an object of fields", line: element.line)
                return record
            }
            for (key, line, value) in members {
                switch value {
                case .object(let fields, _):
                    for (name, line, value) in fields { addScalar("\(key).\(name)", value, line, to: &record) }
                case .array(let rows, _):
                    guard Fields.tablesByName[key] != nil else {
                        record.problem(key, "must be a single value, not a list", line: line)
                        continue
                    }
                    record.replacedTables.append(key)
                    for (index, row) in rows.enumerated() {
                        guard case .object(let fields, _) = row, !fields.isEmpty else {
                            record.problem("\(key)[\(index + 1)]", "must be an object with at least one field", line: row.line)
                            continue
                        }
                        for (name, line, value) in fields { addScalar("\(key)[\(index + 1)].\(name)", value, line, to: &record) }
                    }
                default:
                    addScalar(key, value, line, to: &record)
                }
            }
            return record
        }
    }

    private static func addScalar(_ path: String, _ value: JSONValue, _ line: Int, to record: inout SourceRecord) {
        switch value {
        case .scalar(let text, _): record.add(path, text, line: line)
        case .null: record.add(path, nil, line: line)
        case .object, .array: record.problem(path, "must be a single value", line: line)
        }
    }

    // MARK: CSV

    /// RFC 4180 quoting; separated by commas, or by semicolons as spreadsheets in Russian and
    /// Kazakh locales save them: the header line tells which.
    private static func csvRecords(_ bytes: [UInt8]) throws(RegisterProblem) -> [SourceRecord] {
        let headerLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let semicolons = headerLine.count(where: { $0 == UInt8(ascii: ";") }), commas = headerLine.count(where: { $0 == UInt8(ascii: ",") })
        let delimiter: Unicode.Scalar = semicolons > commas ? ";" : ","
        let rows: [CSVRow]
        do {
            rows = try csvRows(String(decoding: bytes, as: UTF8.self), delimiter: delimiter)
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw RegisterProblem(line: line, field: "syntax", message: "a quoted cell is not closed")
            }
        }
        guard let header = rows.first else { throw RegisterProblem(line: 1, field: "file", message: "is empty; the first line names the columns") }
        let columns = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        for column in columns where Fields.scalarsByName[column] == nil && Fields.tableColumn(column) == nil {
            throw RegisterProblem(line: header.line, field: column, message: "is not a column of the register's CSV layout")
        }
        // Table columns (`education[1].track`) give the whole table, row by row in order; a row
        // whose cells are all empty is no row.
        let tables = columns.compactMap { Fields.tableColumn($0) }
        let replacedTables = Array(Set(tables.map(\.table))).sorted()
        let order = columns.indices.sorted { (Fields.tableColumn(columns[$0])?.row ?? 0, $0) < (Fields.tableColumn(columns[$1])?.row ?? 0, $1) }
        if let repeated = Dictionary(grouping: columns, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw RegisterProblem(line: header.line, field: repeated, message: "is named twice in the header")
        }
        guard columns.contains("iin") else { throw RegisterProblem(line: header.line, field: "iin", message: "the header has no iin column") }
        return rows.dropFirst().map { row in
            var record = SourceRecord(line: row.line)
            if row.cells.count != columns.count {
                record.problem("row", "has \(row.cells.count) cells; the header has \(columns.count)", line: row.line)
            }
            record.replacedTables = replacedTables
            for index in order where index < row.cells.count {
                let text = row.cells[index].trimmingCharacters(in: .whitespaces)
                if text.isEmpty && Fields.tableColumn(columns[index]) != nil { continue }
                record.add(columns[index], text.isEmpty ? nil : text, line: row.line)
            }
            return record
        }
    }

    // MARK: XML

    /// `professional-register-1.xsd`, read once from the module's resources.
    private static let schema: Data = {
        guard let url = Bundle.module.url(forResource: "professional-register-1", withExtension: "xsd"),
            let data = try? Data(contentsOf: url)
        else { fatalError("professional-register-1.xsd is missing from the ProfessionalRegister resources") }
        return data
    }()

    static let namespace = "urn:kz:cpd:register:1"

    private static func xmlRecords(_ data: Data, name: String) throws(RegisterProblem) -> [SourceRecord] {
        let result: Result<[SourceRecord], RegisterProblem>
        do {
            result = try XMLRecords.withDocument(data, name: name) { root in
                guard root.name == "register" else {
                    return .failure(RegisterProblem(line: root.line, field: root.name, message: "is not a register file; its root element is <register xmlns=\"\(namespace)\">"))
                }
                let workers = root.children("worker")
                var records = workers.map(record)
                for violation in root.schemaViolations(schema: schema, namespace: namespace) {
                    let problem = RegisterProblem(line: violation.line, field: attributeName(violation.message) ?? "worker", message: violation.message)
                    // A problem inside a worker's element belongs to that worker; any other spoils the file.
                    guard let index = workers.lastIndex(where: { $0.line <= violation.line }) else { return .failure(problem) }
                    records[index].problems.append(problem)
                }
                return .success(records)
            }
        } catch {
            if case .notWellFormed(let line, let message) = error.reason {
                throw RegisterProblem(line: line, field: "syntax", message: message)
            }
            throw RegisterProblem(line: nil, field: "file", message: error.reason.description)
        }
        return try result.get()
    }

    /// A `worker` element: the worker's fields are attributes, a group (`identityDocument`,
    /// `certificate`) is a child element, and each row of a table a child element of its name.
    private static func record(_ element: ParsedElement) -> SourceRecord {
        var record = SourceRecord(line: element.line)
        for field in Fields.scalars where !field.name.contains(".") {
            if let value = element.attribute(field.name) { record.add(field.name, value, line: element.line) }
        }
        if let fullName = element.attribute(Fields.fullName.name) { record.add(Fields.fullName.name, fullName, line: element.line) }
        var rowCounts: [String: Int] = [:]
        for child in element.children {
            if let table = Fields.tablesByName[child.name] {
                if rowCounts[table.name] == nil { record.replacedTables.append(table.name) }
                let row = rowCounts[table.name, default: 0] + 1
                rowCounts[table.name] = row
                for field in table.fields {
                    if let value = child.attribute(field) { record.add("\(table.name)[\(row)].\(field)", value, line: child.line) }
                }
            } else {
                for field in Fields.scalars where field.name.hasPrefix(child.name + ".") {
                    if let value = child.attribute(String(field.name.dropFirst(child.name.count + 1))) {
                        record.add(field.name, value, line: child.line)
                    }
                }
            }
        }
        return record
    }

    /// "Element 'worker', attribute 'iin': …" names the attribute; the field is that.
    private static func attributeName(_ message: String) -> String? {
        guard let start = message.range(of: "attribute '")?.upperBound, let end = message[start...].firstIndex(of: "'") else { return nil }
        return String(message[start..<end])
    }
}
