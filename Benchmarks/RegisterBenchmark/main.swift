// 100,000 valid workers imported from CSV and from JSON into a new register file, then
// `expiring` asked of them. Targets (issue 6): import under 10 s, `expiring` under 100 ms.
// Run in release mode: swift run -c release RegisterBenchmark
import CPDRules
import Foundation
import ProfessionalRegister

let count = 100_000
let today = CalendarDate(year: 2026, month: 11, day: 22)!
let employers = ["940140000385", "950341000052", "961141000023", "070941024691"]

/// The `index`-th valid IIN: birth dates over 1950-1999, serials counting up, skipping the
/// 11-digit starts that have no check digit.
func iin(_ index: Int) -> String {
    let born = CalendarDate(year: 1950, month: 1, day: 1)!.adding(days: index % 18_000)
    let head = String(born.description.dropFirst(2).filter(\.isNumber)) + (index % 2 == 0 ? "4" : "3")
    var serial = index / 18_000 * 50
    while true {
        let first11 = head + String(String(10_000 + serial).dropFirst())
        if let digit = IIN.checkDigit(first11: first11) { return first11 + String(digit) }
        serial += 1
    }
}

/// A certificate expiry spread over the six years around today, and a hiring date.
func expiry(_ index: Int) -> CalendarDate { today.adding(days: index % 2_190 - 1_095) }
func hired(_ index: Int) -> CalendarDate { CalendarDate(year: 2000, month: 1, day: 1)!.adding(days: index % 9_000) }

var csv = "iin,surname,firstName,patronymic,gender,employerBIN,position,certificate.number,certificate.expiresOn,sqfLevel,sqfLevelObtainedOn,targetCategory\n"
var json = "[\n"
for index in 0..<count {
    let number = iin(index), employer = employers[index % employers.count]
    let gender = index % 2 == 0 ? "female" : "male"
    csv += "\(number),Фамилия\(index),Имя,Отчество,\(gender),\(employer),врач,KZ-\(index),\(expiry(index)),6.1,\(hired(index)),first\n"
    json += """
        {"iin": "\(number)", "fullName": "Фамилия\(index) Имя Отчество", "gender": "\(gender)", "targetCategory": "first",
         "employerBIN": "\(employer)", "position": "врач", "certificate": {"number": "KZ-\(index)", "expiresOn": "\(expiry(index))"},
         "sqfLevel": "6.1", "sqfLevelObtainedOn": "\(hired(index))",
         "employment": [{"hired": "\(hired(index))", "employerBIN": "\(employer)", "position": "врач", "orderNumber": "\(index)-к"}]}\(index == count - 1 ? "" : ",")

        """
}
json += "]\n"

func seconds(_ duration: Duration) -> String {
    let components = duration.components
    return String(format: "%.3f s", Double(components.seconds) + Double(components.attoseconds) / 1e18)
}

func milliseconds(_ duration: Duration) -> String {
    let components = duration.components
    return String(format: "%.2f ms", (Double(components.seconds) + Double(components.attoseconds) / 1e18) * 1000)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-benchmark-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: folder) }
let clock = ContinuousClock()
print("\(count) workers: CSV \(csv.utf8.count / 1_000_000) MB, JSON \(json.utf8.count / 1_000_000) MB")

for (format, text) in [(RegisterFileFormat.csv, csv), (.json, json)] {
    let register = try ProfessionalRegister(path: folder.appendingPathComponent("\(format.rawValue).sqlite").path)
    var summary = ImportSummary()
    let importTime = try clock.measure {
        summary = try register.importFile(Data(text.utf8), name: "workers.\(format.rawValue)", format: format, by: "benchmark")
    }
    precondition(summary.added == count, "imported \(summary.added) of \(count): \(summary.refused.prefix(3))")
    print("import \(format.rawValue): \(seconds(importTime)) (target < 10 s)")

    var found = 0
    var times: [Duration] = []
    for _ in 0..<20 {
        times.append(try clock.measure { found = try register.expiring(on: today).count })
    }
    times.sort()
    print("expiring (2 months, \(found) of \(count)): median \(milliseconds(times[times.count / 2])), worst \(milliseconds(times.last!)) (target < 100 ms)")
    let blockedTime = try clock.measure { found = try register.blocked(on: today).count }
    print("blocked (\(found)): \(milliseconds(blockedTime))")
    let reportTime = try clock.measure { _ = try register.report(.quarter(year: 2026, quarter: 3), employer: try BIN(employers[0])) }
    print("quarterly report of one organisation (\(count / employers.count) workers): \(milliseconds(reportTime))")
    let dueTime = try clock.measure { found = try register.dueForTraining(on: today).count }
    print("due-training (\(found)): \(milliseconds(dueTime))")
}
