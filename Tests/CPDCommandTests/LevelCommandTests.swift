import Foundation
import Testing

/// `cpd level` run as a process on a register made for the test.
@Suite("cpd level")
struct LevelCommandTests {
    /// A nurse at 5.1 applying for 5.2, and a graduate with a foreign master's degree applying for
    /// the initial 7.0 (I).
    static let register = """
        [{"iin": "850314410007", "fullName": "Сапарова Жанар Ерлановна", "specialty": "Сестринское дело",
          "sqfLevel": "5.1", "sqfLevelObtainedOn": "2021-04-15", "targetLevel": "5.2",
          "education": [{"document": "диплом СТБ № 0412233", "specialty": "Сестринское дело", "issuedOn": "2009-06-30", "track": "post-secondary"}],
          "employment": [{"hired": "2010-07-01", "specialty": "Сестринское дело"}]},
         {"iin": "790821310003", "fullName": "Кенжебаев Нурлан Маратович",
          "education": [{"document": "diploma 7781", "institution": "University of Melbourne", "country": "Australia", "track": "internship", "issuedOn": "2026-06-30"}]}]
        """

    /// A fresh database with the register above, in a folder of its own.
    static func database() throws -> (folder: URL, db: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-level-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let json = folder.appendingPathComponent("register.json")
        try register.write(to: json, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("cpd.sqlite").path
        let imported = try CPDProcess.run("register", "import", json.path, "--db", db)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (folder, db)
    }

    @Test func theRegistersFactsAreDecidedConditionByCondition() throws {
        let (folder, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The register's targetLevel is the default target.
        let result = try CPDProcess.run("level", "850314410007", "--db", db, "--as-of", "2026-11-22", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["worker", "target", "date", "route", "decision", "conditions"])
        #expect(json["target"] as? String == "5.2")
        #expect(json["route"] as? String == "next-level")
        #expect(json["decision"] as? String == "cannot-tell")
        let conditions = try #require(json["conditions"] as? [[String: Any]])
        #expect(conditions.map { $0["condition"] as? String } == ["education", "assessment-result", "work-functions", "cpd", "sequence", "experience"])
        #expect(conditions.map { $0["status"] as? String } == ["met", "cannot-tell", "cannot-tell", "cannot-tell", "met", "met"])
        let sources = try #require(conditions[0]["sources"] as? [[String: String]])
        #expect(sources == [["kind": "register", "reference": "education[1]"]])
        #expect(Set(conditions[0].keys) == ["condition", "status", "waived", "basis", "reasons", "sources"])
        // Each reason as assessment.json states a finding: its code, the English wording, the details.
        let reasons = try #require(conditions[4]["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["code"] as? String } == ["level-sequence-next"])
        #expect(reasons.first?["message"] as? String == "5.2 is the step after 5.1 in post-secondary education (applied bachelor's degree)")
        #expect(reasons.first?["details"] as? [String: String] == ["target": "5.2", "current": "5.1", "track": "post-secondary"])
    }

    @Test func textNamesEachConditionItsParagraphAndItsSource() throws {
        let (folder, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CPDProcess.run("level", "850314410007", "--target", "5.3", "--db", db, "--as-of", "2026-11-22")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Qualification level 5.3 for Сапарова Жанар Ерлановна, IIN 850314410007 on 2026-11-22: NOT MET\n"))
        #expect(result.stdout.contains("  NOT MET: Sequence of levels — paragraph 19; Appendix 5\n      only 5.2 follows 5.1 in its education [level-sequence-not-next]\n      from register: sqfLevel\n"))
    }

    /// Paragraph 15: the ranking list decides a foreign diploma.
    @Test func aRankingListRecognisesAForeignDiploma() throws {
        let (folder, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rankings = folder.appendingPathComponent("universities.csv")
        try "institution,qs,arwu,the\nUniversity of Melbourne,13,35,37\n".write(to: rankings, atomically: true, encoding: .utf8)
        let without = try CPDProcess.run("level", "790821310003", "--target", "7.0 (I)", "--db", db, "--as-of", "2026-11-22")
        #expect(without.stdout.contains("CANNOT TELL: Education of the level — paragraph 12, item 1; paragraph 17; Appendix 4; paragraph 15"), "\(without.stdout)")
        let with = try CPDProcess.run("level", "790821310003", "--target", "7.0 (I)", "--db", db, "--as-of", "2026-11-22", "--rankings", rankings.path)
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("  met: Education of the level"), "\(with.stdout)")
        #expect(with.stdout.contains("ranking-list: universities.csv:2"))
    }

    @Test(arguments: [
        (["level", "850314410008", "--target", "5.2"], Int32(65), "IIN: "),
        (["level", "790122483937", "--target", "5.2"], 65, "cpd: the register has no worker with IIN 790122483937\n"),
        (["level", "790821310003"], 64, "Give the level applied for with --target"),
        (["level", "850314410007", "--target", "5.4"], 64, "Error:"),
        (["level", "/nonexistent/850314410007"], 66, "cpd: cannot read /nonexistent/850314410007: no such folder, and not an IIN\n"),
        (["level", "850314410007", "--rankings", "/nonexistent/universities.csv"], 66, "cpd: cannot read /nonexistent/universities.csv"),
    ])
    func failuresHaveTheirExitCodes(arguments: [String], status: Int32, message: String) throws {
        let (folder, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CPDProcess.run(arguments + ["--db", db])
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aRankingListWithoutItsColumnsIsBadInput() throws {
        let (folder, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rankings = folder.appendingPathComponent("universities.csv")
        try "name,country\nX,Y\n".write(to: rankings, atomically: true, encoding: .utf8)
        let result = try CPDProcess.run("level", "850314410007", "--db", db, "--rankings", rankings.path)
        #expect(result.status == 65)
        #expect(result.stderr == "cpd: \(rankings.path): no qs, arwu or the column in the header line\n")
    }
}

/// The sample workers' folders (`Samples/inbox`), read whole: one qualifies for the level the
/// register names, one does not.
@Suite("cpd level on the samples")
struct LevelSampleTests {
    @Test(arguments: [
        ("850314410007", "met", ["met", "met", "met", "met", "met", "met"]),
        ("790821310003", "not-met", ["met", "met", "cannot-tell", "met", "met", "not-met"]),
    ])
    func theSampleWorkers(iin: String, decision: String, statuses: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-level-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("cpd.sqlite").path
        #expect(try CPDProcess.run("register", "import", "Samples/register.json", "--db", db).status == 0)
        let result = try CPDProcess.run(
            "level", "Samples/inbox/\(iin)", "--db", db, "--journals", "Samples/journals.csv",
            "--recommended-journals", "Samples/recommended-journals.csv", "--as-of", "2026-11-22", "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["decision"] as? String == decision)
        let conditions = try #require(json["conditions"] as? [[String: Any]])
        #expect(conditions.map { $0["status"] as? String } == statuses)
    }
}

extension LevelCommandTests {
    /// `--out` writes the summary beside what is there, in the language asked.
    @Test func theSummaryIsWrittenBesideTheForms() throws {
        let (folder, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("a notice".utf8).write(to: out.appendingPathComponent("refusal.pdf"))
        let result = try CPDProcess.run("level", "850314410007", "--db", db, "--as-of", "2026-11-22", "--out", out.path, "--lang", "kk")
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("level.html"), encoding: .utf8)
        #expect(html.contains("5.2 біліктілік деңгейін беру (растау) шарттарының сақталуы туралы мәліметтер"))
        #expect(html.contains("тіркелім: education[1]"))
        #expect(try Data(contentsOf: out.appendingPathComponent("level.pdf")).starts(with: Data("%PDF".utf8)))
        #expect(try Data(contentsOf: out.appendingPathComponent("refusal.pdf")) == Data("a notice".utf8))
    }

    @Test func aSummaryThatCannotBeWrittenIsItsOwnError() throws {
        let (folder, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let result = try CPDProcess.run("level", "850314410007", "--db", db, "--out", blocker.appendingPathComponent("forms").path)
        #expect(result.status == 73)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("cpd: cannot write the level summary to "))
    }
}

extension LevelSampleTests {
    /// When the register database names the level applied for, `assess` and `confirm` decide it
    /// on the same folder, and `confirm` writes the summary with the forms.
    @Test func assessAndConfirmDecideTheRegistersTargetLevel() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-level-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("cpd.sqlite").path
        #expect(try CPDProcess.run("register", "import", "Samples/register.json", "--db", db).status == 0)
        let lists = ["--journals", "Samples/journals.csv", "--recommended-journals", "Samples/recommended-journals.csv", "--as-of", "2026-11-22"]
        let assessed = try CPDProcess.run(["assess", "Samples/inbox/850314410007", "--register", db, "--format", "json"] + lists)
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(assessed.stdout.utf8)) as? [String: Any])
        let level = try #require(json["level"] as? [String: Any])
        #expect(level["target"] as? String == "5.2" && level["decision"] as? String == "met")
        #expect((json["documents"] as? [Any])?.count == 11)

        let out = folder.appendingPathComponent("forms")
        let confirmed = try CPDProcess.run(["confirm", "Samples/inbox/850314410007", "--register", db, "--out", out.path] + lists)
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stdout.contains("Qualification level 5.2 for Сапарова Жанар Ерлановна, IIN 850314410007 on 2026-11-22: met"))
        for name in ["appendix2.pdf", "level.pdf", "level.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
    }
}
