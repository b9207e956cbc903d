import Foundation
import Testing

/// `cpd` run as a process: exit codes, where output goes, and the sample files.
@Suite("The cpd command line")
struct CommandLineTests {
    func temporaryFile(_ contents: String, extension: String = "yaml") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-\(UUID().uuidString).\(`extension`)")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test(arguments: [
        ("activities:\n  - criterion: 22\n", ":2:16: activities[1].criterion: must be a whole number from 1 to 21"),
        ("activities:\n  - criterion: 3\n    hours: -8\n", ":3:12: activities[1].hours: must not be negative"),
        ("activities:\n  - criterion: 3\n    hours: 8\n    endDate: 2025-02-29\n", ":4:14: activities[1].endDate: 2025-02-29 is not a date that exists"),
    ])
    func invalidInputNamesTheLineAndFieldAndPrintsNothingToStdout(contents: String, message: String) throws {
        let path = try temporaryFile(contents)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CPDProcess.run("assess", path, "--target", "first")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(path + message), "\(result.stderr)")
    }

    @Test func aMissingFileIsItsOwnError() throws {
        let result = try CPDProcess.run("assess", "/nonexistent/activities.yaml", "--target", "first")
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "cpd: cannot read /nonexistent/activities.yaml: no such file or folder\n")
    }

    @Test(arguments: [
        ["assess", "Samples/activities/saparova-nurse-first.yaml", "--as-of", "2023-02-30"],
        ["assess", "Samples/activities/saparova-nurse-first.yaml", "--target", "top"],
        ["assess", "Samples/activities/saparova-nurse-first.yaml", "--hours-per-credit", "0"],
        ["rules", "--format", "xml"],
    ])
    func badOptionsAreUsageErrors(arguments: [String]) throws {
        let result = try CPDProcess.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Error:"))
    }

    @Test func assessmentJSONHasTheDocumentedFields() throws {
        let result = try CPDProcess.run("assess", "Samples/activities/kenzhebaev-surgeon-highest.yaml", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == [
            "worker", "asOf", "targetCategory", "interpretation", "documents", "totals", "byCriterion",
            "meetsCPDRequirements", "requirements", "commissionParticipations", "shortfall",
        ])
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(documents.map { $0["decision"] as? String } == [
            "accepted", "accepted", "accepted", "accepted", "refused", "accepted", "accepted", "accepted",
            "refused", "refused", "refused", "review",
        ])
        #expect(documents[4]["reasons"] as? [String] == ["author-position"])
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["total"] as? Int == 493)
        #expect((json["byCriterion"] as? [String: Any])?.count == 21)
    }

    @Test func halfUnitsComeOutExactInJSON() throws {
        let path = try temporaryFile("activities:\n  - {criterion: 3, hours: 17, endDate: 2025-01-01}\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CPDProcess.run("assess", path, "--target", "second", "--as-of", "2026-11-22", "--format", "json")
        #expect(result.stdout.contains("\"creditUnits\" : 8.5"))
        #expect(result.stdout.contains("\"total\" : 8.5"))
    }

    @Test(arguments: ["saparova-nurse-first.yaml", "kenzhebaev-surgeon-highest.yaml", "ospanova-therapist-second.json"])
    func sampleAssessmentsMatchTheirSnapshots(sample: String) throws {
        let result = try CPDProcess.run("assess", "Samples/activities/\(sample)")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try expectSnapshot(result.stdout, named: "assess-\(sample).txt")
    }

    @Test func rulesJSONListsTheTwentyOneCriteria() throws {
        let result = try CPDProcess.run("rules", "--format", "json")
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["criteria"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == Array(1...21))
        #expect((json["appendix3"] as? [Any])?.count == 3)
        #expect((json["levels"] as? [Any])?.count == 21)
    }

    @Test func rulesTextMatchesItsSnapshot() throws {
        let result = try CPDProcess.run("rules")
        try expectSnapshot(result.stdout, named: "rules.txt")
    }
}
