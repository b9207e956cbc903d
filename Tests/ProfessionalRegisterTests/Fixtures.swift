import CPDRules
import Foundation
import ProfessionalRegister
import Testing

/// Test data: the shared corpus beside the package root (as CI has it), and workers made here.
enum Fixtures {
    static let sharedFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func corpusWorkers() throws -> Data {
        try Data(contentsOf: sharedFolder.appendingPathComponent("corpus/workers.json"))
    }

    /// A valid IIN for a birth date and gender: the first serial number that has a check digit.
    static func iin(_ born: String, _ gender: Gender = .female, serial: Int = 1) -> IIN {
        let date = CalendarDate(born)!
        let century = (date.year - 1800) / 100 * 2 + (gender == .male ? 1 : 2)
        let head = String(born.dropFirst(2).filter(\.isNumber)) + String(century)
        for number in serial..<serial + 100 {
            let first11 = head + String(String(number + 10000).dropFirst())
            if let digit = IIN.checkDigit(first11: first11) { return try! IIN(first11 + String(digit)) }
        }
        fatalError("no serial with a check digit")
    }

    static func bin(_ first11: String) -> BIN { try! BIN(first11 + String(IIN.checkDigit(first11: first11)!)) }

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static func worker(_ iin: IIN, _ surname: String = "Ахметова", _ firstName: String = "Айгуль") -> Worker {
        Worker(iin: iin, surname: surname, firstName: firstName)
    }
}

extension ProfessionalRegister {
    /// Imports text, or returns the problems that refused it.
    func importing(_ text: String, format: RegisterFileFormat, skipInvalid: Bool = false) -> Result<ImportSummary, RegisterStoreError> {
        Result { () throws(RegisterStoreError) in
            try importFile(Data(text.utf8), name: "test.\(format.rawValue)", format: format, skipInvalid: skipInvalid, by: "test")
        }
    }
}

extension Result where Failure == RegisterStoreError {
    /// The problems of a refused import, empty when it went through.
    var problems: [RegisterProblem] {
        guard case .failure(.invalid(_, let problems)) = self else { return [] }
        return problems
    }
}
