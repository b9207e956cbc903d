import CPDRules
import Foundation

/// The register's fields by name, each with its text form. One list serves every format: the
/// names are the JSON keys, the CSV columns, the XML attributes, the `edit` options and the
/// fields of the change history. A name is a path: `surname`, `certificate.expiresOn` (a group),
/// `employment[2].hired` (a row of a table, counted from 1).
enum Fields {
    static let scalars: [Field<Worker>] = [
        Field("iin", get: { $0.iin.digits }, set: { worker, text throws(FieldError) in
            guard text?.trimmingCharacters(in: .whitespaces) == worker.iin.digits else { throw FieldError("the IIN names the record and cannot be changed") }
        }),
        .required("surname", \.surname),
        .required("firstName", \.firstName),
        .optional("patronymic", \.patronymic, .text),
        Field("dateOfBirth", get: { $0.dateOfBirth.description }, set: { worker, text throws(FieldError) in
            guard let text else { return }
            let date = try ValueKind.date.parse(text)
            do throws(IdentificationNumberError) { try worker.iin.check(dateOfBirth: date, gender: nil) } catch { throw FieldError(error.description) }
        }),
        Field("gender", get: { $0.gender.rawValue }, set: { worker, text throws(FieldError) in
            guard let text else { return }
            let gender = try ValueKind.gender.parse(text)
            do throws(IdentificationNumberError) { try worker.iin.check(dateOfBirth: nil, gender: gender) } catch { throw FieldError(error.description) }
        }),
        .optional("placeOfBirth", \.placeOfBirth, .text),
        .optional("citizenship", \.citizenship, .text),
        .optional("identityDocument.kind", \.identityDocument.kind, .text),
        .optional("identityDocument.number", \.identityDocument.number, .text),
        .optional("identityDocument.issuedBy", \.identityDocument.issuedBy, .text),
        .optional("identityDocument.issuedOn", \.identityDocument.issuedOn, .date),
        .optional("residence", \.residence, .text),
        .optional("registrationPlace", \.registrationPlace, .text),
        .optional("registrationDate", \.registrationDate, .date),
        .optional("placeOfWork", \.placeOfWork, .text),
        .optional("employerBIN", \.employerBIN, .bin),
        .optional("position", \.position, .text),
        .optional("specialty", \.specialty, .text),
        .optional("certificate.number", \.certificate.number, .text),
        .optional("certificate.issuedOn", \.certificate.issuedOn, .date),
        .optional("certificate.expiresOn", \.certificate.expiresOn, .date),
        .optional("categoryCertificate.number", \.categoryCertificate.number, .text),
        .optional("categoryCertificate.issuedOn", \.categoryCertificate.issuedOn, .date),
        .optional("categoryCertificate.expiresOn", \.categoryCertificate.expiresOn, .categoryValidity),
        .optional("sqfLevel", \.sqfLevel, .level),
        .optional("sqfLevelObtainedOn", \.sqfLevelObtainedOn, .date),
        .optional("targetLevel", \.targetLevel, .level),
        .optional("qualificationCategory", \.qualificationCategory, .category),
        .optional("targetCategory", \.targetCategory, .category),
        .optional("totalService", \.totalService, .serviceLength),
        .optional("specialtyService", \.specialtyService, .serviceLength),
        .optional("postgraduateEducation", \.postgraduateEducation, .text),
    ]

    static let tables: [Table] = [
        Table("education", \.education, [
            .optional("document", \.document, .text),
            .optional("institution", \.institution, .text),
            .optional("specialty", \.specialty, .text),
            .optional("issuedOn", \.issuedOn, .date),
            .optional("track", \.track, .track),
            .optional("country", \.country, .text),
        ]),
        Table("professionalDevelopment", \.professionalDevelopment, [
            .optional("title", \.title, .text),
            .optional("provider", \.provider, .text),
            .optional("hours", \.hours, .hours),
            .optional("completedOn", \.completedOn, .date),
            .optional("document", \.document, .text),
        ]),
        Table("employment", \.employment, [
            .optional("hired", \.hired, .date),
            .optional("dismissed", \.dismissed, .date),
            .optional("placeOfWork", \.placeOfWork, .text),
            .optional("employerBIN", \.employerBIN, .bin),
            .optional("position", \.position, .text),
            .optional("orderNumber", \.orderNumber, .text),
            .optional("orderDate", \.orderDate, .date),
            .optional("specialty", \.specialty, .text),
        ]),
    ]

    /// `fullName`, as register extracts give it: "Surname First Patronymic…". Read on import
    /// only; the record keeps the parts.
    static let fullName = Field<Worker>("fullName", get: { _ in nil }, set: { worker, text throws(FieldError) in
        let words = (text ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.count >= 2 else { throw FieldError("needs at least a surname and a first name") }
        worker.surname = words[0]
        worker.firstName = words[1]
        worker.patronymic = words.count > 2 ? words[2...].joined(separator: " ") : nil
    })

    static let scalarsByName = Dictionary(uniqueKeysWithValues: (scalars + [fullName]).map { ($0.name, $0) })
    static let tablesByName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })

    /// Sets the field at `path` (nil clears it). A row one past a table's end is added.
    static func set(_ path: String, to text: String?, in worker: inout Worker) throws(FieldError) {
        if let field = scalarsByName[path] { return try field.set(&worker, text) }
        guard let (table, index, name) = rowPath(path), let tableField = tablesByName[table] else {
            throw FieldError("is not a field of the register")
        }
        try tableField.set(row: index, field: name, to: text, in: &worker)
    }

    /// Every field that has a value, in the catalogue's order: the record as the history and
    /// the exports see it.
    static func values(of worker: Worker) -> [(path: String, text: String)] {
        var values = scalars.compactMap { field in field.get(worker).map { (field.name, $0) } }
        for table in tables { values += table.values(of: worker) }
        return values
    }

    /// A table's field in a row, as a CSV column names it (`education[1].track`): the table and the row.
    static func tableColumn(_ path: String) -> (table: String, row: Int)? {
        guard let (table, index, field) = rowPath(path), tablesByName[table]?.fields.contains(field) == true else { return nil }
        return (table, index)
    }

    /// `employment[2].hired` → ("employment", 2, "hired").
    private static func rowPath(_ path: String) -> (table: String, index: Int, field: String)? {
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), open < close,
            let index = Int(path[path.index(after: open)..<close]), index >= 1,
            path[path.index(after: close)...].first == "."
        else { return nil }
        return (String(path[..<open]), index, String(path[path.index(close, offsetBy: 2)...]))
    }

    /// Checks a record needs once all its fields are set: the required parts, and dates that
    /// must come in order. Each problem names its field's path.
    static func problems(in worker: Worker) -> [(path: String, message: String)] {
        var problems: [(String, String)] = []
        if worker.surname.isEmpty { problems.append(("surname", "is required (or fullName)")) }
        if worker.firstName.isEmpty { problems.append(("firstName", "is required (or fullName)")) }
        if let issued = worker.certificate.issuedOn, let expires = worker.certificate.expiresOn, expires < issued {
            problems.append(("certificate.expiresOn", "is before certificate.issuedOn"))
        }
        if let issued = worker.categoryCertificate.issuedOn, case .expires(let expires)? = worker.categoryCertificate.expiresOn, expires < issued {
            problems.append(("categoryCertificate.expiresOn", "is before categoryCertificate.issuedOn"))
        }
        for (index, row) in worker.education.enumerated() where row.document == nil {
            problems.append(("education[\(index + 1)].document", "is required for every education document"))
        }
        for (index, row) in worker.professionalDevelopment.enumerated() where row.title == nil {
            problems.append(("professionalDevelopment[\(index + 1)].title", "is required for every row"))
        }
        for (index, row) in worker.employment.enumerated() {
            let prefix = "employment[\(index + 1)]"
            if row.hired == nil { problems.append(("\(prefix).hired", "is required for every row of the labour activity table")) }
            if let hired = row.hired, let dismissed = row.dismissed, dismissed < hired {
                problems.append(("\(prefix).dismissed", "is before \(prefix).hired"))
            }
        }
        return problems
    }
}

/// Why a value cannot stand in its field; the field's name and the line are added by the caller.
struct FieldError: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}

/// One named field of `Root`: its text when set, and how a text sets it.
struct Field<Root>: Sendable {
    let name: String
    let get: @Sendable (Root) -> String?
    let set: @Sendable (inout Root, String?) throws(FieldError) -> Void

    init(
        _ name: String, get: @escaping @Sendable (Root) -> String?,
        set: @escaping @Sendable (inout Root, String?) throws(FieldError) -> Void
    ) {
        self.name = name
        self.get = get
        self.set = set
    }

    static func optional<Value>(
        _ name: String, _ keyPath: WritableKeyPath<Root, Value?> & Sendable, _ kind: ValueKind<Value>
    ) -> Field {
        Field(name, get: { $0[keyPath: keyPath].map(kind.format) }, set: { root, text throws(FieldError) in
            root[keyPath: keyPath] = try text.map { text throws(FieldError) in try kind.parse(text) }
        })
    }

    static func required(_ name: String, _ keyPath: WritableKeyPath<Root, String> & Sendable) -> Field {
        Field(name, get: { $0[keyPath: keyPath] }, set: { root, text throws(FieldError) in
            guard let text else { throw FieldError("is required and cannot be cleared") }
            root[keyPath: keyPath] = text
        })
    }
}

/// A row of one of a worker's tables; a new row starts empty.
protocol TableRow: Sendable { init() }

extension Worker.Education: TableRow {}
extension Worker.ProfessionalDevelopment: TableRow {}
extension Worker.Employment: TableRow {}

/// A table of a worker's record (education, professional development, employment): its rows'
/// fields, addressed as `name[row].field`.
struct Table: Sendable {
    let name: String
    let fields: [String]
    private let countRows: @Sendable (Worker) -> Int
    private let resize: @Sendable (inout Worker, Int) -> Void
    private let rowCells: @Sendable (Worker, Int) -> [String?]
    private let setField: @Sendable (inout Worker, Int, String, String?) throws(FieldError) -> Void

    init<Row: TableRow>(_ name: String, _ keyPath: WritableKeyPath<Worker, [Row]> & Sendable, _ rowFields: [Field<Row>]) {
        self.name = name
        fields = rowFields.map(\.name)
        let byName = Dictionary(uniqueKeysWithValues: rowFields.map { ($0.name, $0) })
        countRows = { $0[keyPath: keyPath].count }
        resize = { worker, count in
            let rows = worker[keyPath: keyPath]
            worker[keyPath: keyPath] = Array(rows.prefix(count)) + Array(repeating: Row(), count: max(0, count - rows.count))
        }
        rowCells = { worker, index in rowFields.map { $0.get(worker[keyPath: keyPath][index]) } }
        setField = { worker, index, name, text throws(FieldError) in
            guard let field = byName[name] else { throw FieldError("is not a field of the register") }
            try field.set(&worker[keyPath: keyPath][index], text)
        }
    }

    /// Sets a field of row `row` (from 1); a row one past the end is added first.
    func set(row: Int, field: String, to text: String?, in worker: inout Worker) throws(FieldError) {
        let count = countRows(worker)
        guard row <= count + 1 else {
            throw FieldError(count == 0 ? "the table is empty; its first row is \(name)[1]" : "row \(row) does not exist; the table has \(count) and the next is \(count + 1)")
        }
        if row == count + 1 { resize(&worker, row) }
        try setField(&worker, row - 1, field, text)
    }

    func rowCount(of worker: Worker) -> Int { countRows(worker) }

    /// Empties the table: a file that lists a worker's table gives the whole table.
    func clear(_ worker: inout Worker) { resize(&worker, 0) }

    /// Each row's cells, in the order of `fields`.
    func rows(of worker: Worker) -> [[String?]] { (0..<countRows(worker)).map { rowCells(worker, $0) } }

    func values(of worker: Worker) -> [(path: String, text: String)] {
        rows(of: worker).enumerated().flatMap { index, cells in
            zip(fields, cells).compactMap { field, text in text.map { ("\(name)[\(index + 1)].\(field)", $0) } }
        }
    }
}

/// How a kind of value is written as text and read back.
struct ValueKind<Value>: Sendable {
    let parse: @Sendable (String) throws(FieldError) -> Value
    let format: @Sendable (Value) -> String
}

extension ValueKind where Value == String {
    /// Surrounding spaces are dropped; a blank text is refused (clear a field with null or an
    /// empty CSV cell instead, which the readers turn into nil).
    static let text = ValueKind(parse: { text throws(FieldError) in
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw FieldError("is blank") }
        return trimmed
    }, format: { $0 })
}

extension ValueKind where Value == CalendarDate {
    /// ISO 8601 (`2026-03-31`), or `31.03.2026` as Kazakh and Russian documents write it.
    static let date = ValueKind(parse: { text throws(FieldError) in
        guard let date = CalendarDate(text) ?? CalendarDate(dottedDayFirst: text) else {
            throw FieldError("is not a date that exists, as YYYY-MM-DD or DD.MM.YYYY")
        }
        return date
    }, format: \.description)
}

extension ValueKind where Value == BIN {
    static let bin = ValueKind(parse: { text throws(FieldError) in
        do throws(IdentificationNumberError) { return try BIN(text) } catch { throw FieldError(error.description) }
    }, format: \.digits)
}

extension ValueKind where Value == QualificationLevel {
    static let level = ValueKind(parse: { text throws(FieldError) in
        guard let level = QualificationLevel(text) else {
            throw FieldError("is not a level of Appendix 4 (4.0 to 6.3, 7.0 (I) to 7.3 (I), 7.1 (R) to 7.4 (R), 8)")
        }
        return level
    }, format: \.description)
}

extension ValueKind where Value == EducationTrack {
    /// The rows of Appendices 4 and 5 by their names in `EducationTrack`.
    static let track = ValueKind(parse: { text throws(FieldError) in
        guard let track = EducationTrack(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw FieldError("is not an education of Appendices 4 and 5: \(EducationTrack.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return track
    }, format: \.rawValue)
}

extension ValueKind where Value == LevelAssignment.CategoryCertificate.Validity {
    /// A category certificate's last valid day, or `indefinite` (бессрочно, мерзімсіз).
    static let categoryValidity = ValueKind(parse: { text throws(FieldError) in
        if ["indefinite", "бессрочно", "бессрочный", "мерзімсіз"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()) { return .indefinite }
        guard let date = CalendarDate(text) ?? CalendarDate(dottedDayFirst: text) else {
            throw FieldError("is neither a date (YYYY-MM-DD or DD.MM.YYYY) nor indefinite")
        }
        return .expires(date)
    }, format: { validity in
        switch validity {
        case .expires(let date): date.description
        case .indefinite: "indefinite"
        }
    })
}

extension ValueKind where Value == QualificationCategory {
    /// The names of the rules' tables in English, and the words the forms use in Russian and
    /// Kazakh (a register extract has "вторая").
    static let category = ValueKind(parse: { text throws(FieldError) in
        guard let category = QualificationCategory(word: text) else { throw FieldError(QualificationCategory.wordsExpected) }
        return category
    }, format: \.rawValue)
}

extension QualificationCategory {
    /// The category named in English (the rules' tables), Russian or Kazakh, as registers write it.
    public init?(word: String) {
        let words: [String: QualificationCategory] = [
            "none": .none, "без категории": .none, "санатсыз": .none,
            "second": .second, "вторая": .second, "екінші": .second,
            "first": .first, "первая": .first, "бірінші": .first,
            "highest": .highest, "высшая": .highest, "жоғары": .highest, "жоғарғы": .highest,
        ]
        guard let category = words[word.trimmingCharacters(in: .whitespaces).lowercased()] else { return nil }
        self = category
    }

    static let wordsExpected = "is not a category: none, second, first or highest (вторая, первая, высшая)"
}

extension ValueKind where Value == ServiceLength {
    /// Years, months and days in words of Russian, Kazakh or English, as numbers or in ISO 8601;
    /// kept in ISO 8601 ("P18Y2M15D").
    static let serviceLength = ValueKind(parse: { text throws(FieldError) in
        do throws(ServiceLength.Unreadable) { return try ServiceLength(parsing: text) } catch { throw FieldError(error.description) }
    }, format: \.description)
}

extension ValueKind where Value == Hours {
    static let hours = ValueKind(parse: { text throws(FieldError) in
        guard let hours = Hours(text), !hours.isNegative else { throw FieldError("is not a number of hours (16, 16.5)") }
        return hours
    }, format: \.description)
}

extension ValueKind where Value == Gender {
    static let gender = ValueKind(parse: { text throws(FieldError) in
        guard let gender = Gender(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw FieldError("is not male or female")
        }
        return gender
    }, format: \.rawValue)
}

extension CalendarDate {
    /// `31.03.2026`.
    public init?(dottedDayFirst text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
