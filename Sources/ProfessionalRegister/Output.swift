import CPDRules
import Foundation

// The register's JSON is the layout it imports (README.md): dates as `YYYY-MM-DD`, amounts as
// exact JSON numbers, the worker's groups as objects and tables as lists. The `cpd` commands
// encode these types with their one JSON style.

/// A JSON key made at run time, for the layout's field names.
private struct Key: CodingKey {
    let stringValue: String
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

extension Worker: Encodable {
    /// The fuller JSON layout, `fullName` included, so that an export is also a register extract
    /// the other commands read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(fullName, forKey: Key("fullName"))
        var groups: [String: KeyedEncodingContainer<Key>] = [:]
        for field in Fields.scalars {
            guard let text = field.get(self) else { continue }
            let parts = field.name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                try container.encode(text, forKey: Key(field.name))
                continue
            }
            var group = groups[parts[0]] ?? container.nestedContainer(keyedBy: Key.self, forKey: Key(parts[0]))
            try group.encode(text, forKey: Key(parts[1]))
            groups[parts[0]] = group
        }
        for table in Fields.tables {
            let cells = table.rows(of: self)
            guard !cells.isEmpty else { continue }
            var rows = container.nestedUnkeyedContainer(forKey: Key(table.name))
            for rowCells in cells {
                var row = rows.nestedContainer(keyedBy: Key.self)
                for (field, text) in zip(table.fields, rowCells) { try row.encodeIfPresent(text, forKey: Key(field)) }
            }
        }
    }
}

/// The CSV layout: one row per worker, the worker's own fields and groups as columns. The
/// tables (education, professional development, employment) are in the JSON and XML layouts.
public enum RegisterCSV {
    public static let columns = Fields.scalars.map(\.name)

    public static func export(_ workers: [Worker]) -> String {
        var lines = [columns.joined(separator: ",")]
        for worker in workers { lines.append(Fields.scalars.map { csvCell($0.get(worker) ?? "") }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A CSV cell, quoted when it holds a separator, a quote or a line break.
func csvCell(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Credit units as an exact JSON number ("8.5", never 8.4999), as the `cpd` reports write them.
private func exact(_ amount: some ExactAmount) -> Decimal { Decimal(string: amount.description)! }

extension AssessmentRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(confirmationDate.description, forKey: Key("confirmationDate"))
        try container.encode(targetCategory.rawValue, forKey: Key("targetCategory"))
        try container.encode(exact(totals.additionalEducation), forKey: Key("additionalEducation"))
        try container.encode(exact(totals.nonFormalAndCompetences), forKey: Key("nonFormalAndCompetences"))
        try container.encode(exact(totals.total), forKey: Key("total"))
        try container.encode(meetsRequirements, forKey: Key("meetsRequirements"))
        try container.encode(forms, forKey: Key("forms"))
    }
}

extension CertificateExpiry: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(iin.digits, forKey: Key("iin"))
        try container.encode(fullName, forKey: Key("fullName"))
        try container.encodeIfPresent(employerBIN?.digits, forKey: Key("employerBIN"))
        try container.encodeIfPresent(certificateNumber, forKey: Key("certificateNumber"))
        try container.encode(expiresOn.description, forKey: Key("expiresOn"))
    }
}

extension TrainingDue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(iin.digits, forKey: Key("iin"))
        try container.encode(fullName, forKey: Key("fullName"))
        try container.encode(targetCategory.rawValue, forKey: Key("targetCategory"))
        switch reason {
        case .noConfirmation:
            try container.encode("no-confirmation", forKey: Key("reason"))
        case .confirmationOutsideWindow(let last):
            try container.encode("confirmation-outside-window", forKey: Key("reason"))
            try container.encode(last.description, forKey: Key("lastConfirmation"))
        case .shortfall(let checks):
            try container.encode("shortfall", forKey: Key("reason"))
            var shortfall = container.nestedContainer(keyedBy: Key.self, forKey: Key("shortfall"))
            for check in checks { try shortfall.encode(exact(check.shortfall), forKey: Key(check.measure.rawValue)) }
        }
    }
}

extension TrainingDue.Reason: CustomStringConvertible {
    public var description: String {
        switch self {
        case .noConfirmation: "no assessment recorded"
        case .confirmationOutsideWindow(let last): "last assessment \(last), before the 5-year window"
        case .shortfall(let checks):
            "short of Appendix 3: " + checks.map { "\($0.shortfall) CU of \($0.measure.label)" }.joined(separator: ", ")
        }
    }
}

extension ThresholdCheck.Measure {
    var label: String {
        switch self {
        case .total: "the total"
        case .additionalEducation: "additional education"
        case .nonFormalAndCompetences: "non-formal education and competences"
        }
    }
}

extension OrganisationReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(employer.digits, forKey: Key("employerBIN"))
        try container.encode(period.description, forKey: Key("period"))
        try container.encode(period.first.description, forKey: Key("from"))
        try container.encode(period.last.description, forKey: Key("to"))
        var movement = container.nestedContainer(keyedBy: Key.self, forKey: Key("movement"))
        for (name, count) in counts { try movement.encode(count, forKey: Key(name)) }
        var list = container.nestedUnkeyedContainer(forKey: Key("forecast"))
        for entry in forecast {
            var item = list.nestedContainer(keyedBy: Key.self)
            for (name, value) in entry.cells { try item.encode(value, forKey: Key(name)) }
        }
    }

    private var counts: [(String, Int)] {
        [("employedAtStart", employedAtStart), ("registered", registered), ("movedIn", movedIn), ("movedOut", movedOut),
         ("outflow", outflow), ("employedAtEnd", employedAtEnd)]
    }

    /// For a person: the counts, then the forecast, soonest first.
    public var text: String {
        let movement = [
            ("employed on \(period.first.adding(days: -1))", employedAtStart), ("registered", registered),
            ("  of whom moved in", movedIn), ("moved out", movedOut), ("outflow", outflow),
            ("employed on \(period.last)", employedAtEnd),
        ]
        var lines = ["Organisation \(employer), \(period) (\(period.first) to \(period.last))", "", "Movement of the workforce (paragraph 6)"]
        lines += movement.map { label, count in "  " + label.padding(toLength: 24, withPad: " ", startingAt: 0) + String(count) }
        lines += ["", "Qualification forecast (paragraph 7)"]
        if forecast.isEmpty { lines.append("  no worker here has a qualification level and its date in the register") }
        for entry in forecast {
            let when = entry.eligibleFrom <= period.last ? "eligible since \(entry.eligibleFrom)" : "eligible from \(entry.eligibleFrom)"
            lines.append("  \(when): \(entry.fullName) (\(entry.iin)), \(entry.level) since \(entry.obtainedOn) → \(entry.nextLevel)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One table: the counts as `movement` rows, then one `forecast` row per worker.
    public var csv: String {
        let forecastColumns = ["iin", "fullName", "sqfLevel", "obtainedOn", "nextLevel", "eligibleFrom"]
        var lines = [(["section", "measure", "count"] + forecastColumns).joined(separator: ",")]
        let blank = Array(repeating: "", count: forecastColumns.count)
        for (name, count) in counts { lines.append((["movement", name, String(count)] + blank).joined(separator: ",")) }
        for entry in forecast { lines.append((["forecast", "", ""] + entry.cells.map { csvCell($0.1) }).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension OrganisationReport.Forecast {
    fileprivate var cells: [(String, String)] {
        [("iin", iin.digits), ("fullName", fullName), ("sqfLevel", level.description), ("obtainedOn", obtainedOn.description),
         ("nextLevel", nextLevel.description), ("eligibleFrom", eligibleFrom.description)]
    }
}

extension Worker {
    /// Every field that has a value, named as the layouts and the history name it
    /// (`certificate.expiresOn`, `employment[2].hired`), in the layouts' order.
    public var fieldValues: [(field: String, value: String)] { Fields.values(of: self).map { ($0.path, $0.text) } }
}
