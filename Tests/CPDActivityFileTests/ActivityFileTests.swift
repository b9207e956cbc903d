import CPDActivityFile
import CPDRules
import Testing

@Suite("Activity files")
struct ActivityFileTests {
    @Test func readsAWorkersYAML() throws {
        let file = try ActivityFile(text: """
            worker:
              iin: "860111422990"
              fullName: Исаева Лаура Жанатовна
            asOf: 2026-11-22
            targetCategory: first
            activities:
              - activity: advanced-training
                hours: 72
                endDate: 2026-04-28
              - criterion: 3
                hours: 16,5
                language: DE
                notarizedTranslation: yes
              - activity: article
                quartile: Q2
                authorPosition: 4
                authorCount: 4
                year: 2024
              - activity: conference
                significance: national
                role: speaker
                documentNumber: "A-17"
            """, name: "worker.yaml")
        #expect(file.workerIIN == "860111422990")
        #expect(file.workerName == "Исаева Лаура Жанатовна")
        #expect(file.confirmationDate == CalendarDate("2026-11-22"))
        #expect(file.targetCategory == .first)
        #expect(file.entries.map(\.line) == [7, 10, 14, 19])
        #expect(file.entries.map(\.evidence.criterion) == [1, 3, 10, 5])
        #expect(file.entries[1].evidence.hours == Hours("16.5"))
        #expect(file.entries[1].evidence.language == "de")
        #expect(file.entries[1].evidence.hasNotarizedTranslation)
        #expect(file.entries[2].evidence.publicationYear == 2024)
        #expect(file.entries[3].evidence.significance == .republican)
        #expect(file.entries[3].evidence.fingerprint == "criterion 5 number A-17")
    }

    @Test func readsJSONWithTabs() throws {
        let file = try ActivityFile(text: "{\n\t\"activities\": [\n\t\t{\"activity\": \"seminar\", \"hours\": 8, \"endDate\": \"2025-03-03\"},\n\t\t{\"criterion\": 21, \"issueDate\": \"2025-01-01\"}\n\t]\n}\n", name: "a.json")
        #expect(file.entries.map(\.evidence.criterion) == [3, 21])
        #expect(file.entries.map(\.line) == [3, 4])
    }

    @Test(arguments: [
        ("activities:\n  - criterion: 22\n", 2, "activities[1].criterion", "must be a whole number from 1 to 21"),
        ("activities:\n  - criterion: 3\n    hours: -4\n", 3, "activities[1].hours", "must not be negative"),
        ("activities:\n  - criterion: 3\n    hours: 1.234\n", 3, "activities[1].hours", "at most two decimals"),
        ("activities:\n  - criterion: 3\n    hours: 8\n    endDate: 2023-02-30\n", 4, "activities[1].endDate", "2023-02-30 is not a date that exists"),
        ("activities:\n  - criterion: 3\n    endDate: 03.02.2023\n", 3, "activities[1].endDate", "must be a date written YYYY-MM-DD"),
        ("activities:\n  - criterion: 3\n    hourz: 8\n", 3, "activities[1].hourz", "did you mean `hours`?"),
        ("activities:\n  - activity: seminar\n    criterion: 4\n", 3, "activities[1].criterion", "a(n) seminar is criterion 3"),
        ("activities:\n  - activity: webinar\n", 2, "activities[1].activity", "must be one of advanced-training"),
        ("activities:\n  - activity: article\n", 2, "activities[1].activity", "an article needs `criterion`"),
        ("activities:\n  - title: something\n", 2, "activities[1]", "needs `activity` or `criterion`"),
        ("activities:\n  - criterion: 8\n    authorPosition: 3\n    authorCount: 2\n", 3, "activities[1].authorPosition", "more than authorCount 2"),
        ("activities:\n  - criterion: 3\n    startDate: 2025-03-04\n    endDate: 2025-03-03\n", 4, "activities[1].endDate", "is before startDate"),
        ("activities:\n  - criterion: 3\n    language: English\n", 3, "activities[1].language", "two-letter ISO 639-1 code"),
        ("activities:\n  - criterion: 5\n    significance: galactic\n", 3, "activities[1].significance", "must be regional, city"),
        ("activities:\n  - criterion: 3\n    hours: [1, 2]\n", 3, "activities[1].hours", "must be a single value"),
        ("worker:\n  iin: 86011142299\nactivities: []\n", 2, "worker.iin", "must be the 12 digits"),
        ("targetCategory: top\nactivities: []\n", 1, "targetCategory", "must be one of none, second, first, highest"),
        ("activites: []\n", 1, "activites", "did you mean `activities`?"),
        ("asOf: 2026-11-22\n", 1, "activities", "is missing"),
        ("activities: seminar\n", 1, "activities", "must be a list"),
        ("- criterion: 3\n", 1, "file", "must be a mapping"),
        ("", 1, "file", "is empty"),
        ("activities:\n  - criterion: 3\n    hours: 8\n   bad indent: [\n", 4, "syntax", "did not find expected"),
    ])
    func reportsTheLineAndFieldOfAMistake(text: String, line: Int, field: String, message: String) throws {
        let error = try #require(throws: ActivityFileError.self) { try ActivityFile(text: text, name: "a.yaml") }
        let problem = try #require(error.problems.first)
        #expect(problem.line == line, "\(error)")
        #expect(problem.field == field, "\(error)")
        #expect(problem.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("a.yaml:\(line):"))
    }

    @Test func entriesWithTheSameFactsAreTheSameDocument() throws {
        let file = try ActivityFile(
            text: "activities:\n  - &a {criterion: 3, hours: 2, endDate: 2025-01-01}\n  - *a\n  - {criterion: 3, hours: 2, endDate: 2025-01-02}\n",
            name: "a.yaml")
        let fingerprints = file.entries.map(\.evidence.fingerprint)
        #expect(fingerprints[0] != nil)
        #expect(fingerprints[0] == fingerprints[1])
        #expect(fingerprints[0] != fingerprints[2])
    }

    @Test func listsEveryProblemAtOnce() throws {
        let error = try #require(throws: ActivityFileError.self) {
            try ActivityFile(text: "activities:\n  - criterion: 30\n  - criterion: 3\n    hours: -1\n  - criterion: 3\n    endDate: 2025-02-29\n", name: "a.yaml")
        }
        #expect(error.problems.map(\.line) == [2, 4, 6])
    }
}
