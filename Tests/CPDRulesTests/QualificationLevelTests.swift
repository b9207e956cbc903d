import CPDRules
import Testing

@Suite("Qualification levels (Appendices 4 and 5)")
struct QualificationLevelTests {
    @Test(arguments: QualificationLevel.all)
    func notationRoundTrips(level: QualificationLevel) {
        #expect(QualificationLevel(level.description) == level)
    }

    @Test(arguments: ["7.1(I)", "7.1 (i)", " 7.1  (I) "])
    func readsLooseNotation(text: String) {
        #expect(QualificationLevel(text)?.description == "7.1 (I)")
    }

    @Test(arguments: ["7.1", "4.4", "7.0 (R)", "6", "9", "8.1", "", "7.5 (R)"])
    func refusesLevelsThatDoNotExist(text: String) {
        #expect(QualificationLevel(text) == nil)
    }

    @Test func sequencesClimbOneStepWithinATrack() {
        let residency = Swift.sequence(first: QualificationLevel("7.1 (R)")!) { $0.next }
        #expect(residency.map(\.description) == ["7.1 (R)", "7.2 (R)", "7.3 (R)", "7.4 (R)"])
        let vocational = Swift.sequence(first: QualificationLevel("4.0")!) { $0.next }
        #expect(vocational.map(\.category) == [QualificationCategory.none, .second, .first, .highest])
        #expect(QualificationLevel("8")?.next == nil)
        #expect(QualificationLevel.all.count == 5 * 4 + 1)
    }

    @Test(arguments: [
        ("6.1", "2020-11-22", "6.2", "2024-11-21", LevelDecision.insufficientExperience(requiredYears: 4, completedYears: 3, eligibleFrom: CalendarDate("2024-11-22")!)),
        ("6.1", "2020-11-22", "6.2", "2024-11-22", .allowed),
        ("6.0", "2020-02-29", "6.1", "2025-02-28", .allowed),
        ("6.0", "2020-02-29", "6.1", "2025-02-27", .insufficientExperience(requiredYears: 5, completedYears: 4, eligibleFrom: CalendarDate("2025-02-28")!)),
        ("6.2", "2018-01-01", "6.3", "2021-01-01", .allowed),
        ("6.1", "2010-01-01", "6.3", "2026-01-01", .notTheNextLevel(expected: QualificationLevel("6.2")!)),
        ("5.1", "2010-01-01", "6.2", "2026-01-01", .notTheNextLevel(expected: QualificationLevel("5.2")!)),
        ("7.3 (I)", "2010-01-01", "7.4 (R)", "2026-01-01", .noHigherLevel),
        ("8", "2010-01-01", "8", "2026-01-01", .noHigherLevel),
    ])
    func nextLevelDecisions(current: String, obtained: String, requested: String, on day: String, expected: LevelDecision) {
        let decision = QualificationLevel(current)!.decision(
            forRequested: QualificationLevel(requested)!, obtainedOn: CalendarDate(obtained)!, on: CalendarDate(day)!)
        #expect(decision == expected)
    }
}
