import CPDRules
import Foundation
import Testing
import Wording

/// The message catalogue (`Templates/forms/finding.<language>.mustache`): an entry for every code
/// in every language, stating the finding's details.
@Suite("Findings worded in each language")
struct FindingWordingTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates/forms")
    let wording: FindingWording

    init() throws { wording = try FindingWording(directory: Self.directory) }

    /// A finding of each code with the details its producers give it.
    static func example(_ code: FindingCode) -> Finding {
        let period: [String: FindingValue] = ["periodStart": .date(CalendarDate("2021-11-23")!), "periodEnd": .date(CalendarDate("2026-11-22")!)]
        switch code {
        case .unreadVolume: return Finding(code, ["volume": .volume(.hours), "line": .text("Объем: 18 а.с.")])
        case .startAfterEnd: return Finding(code, ["start": .date(CalendarDate("2025-03-04")!), "end": .date(CalendarDate("2025-03-03")!)])
        case .publishedInEdgeMonth: return Finding(code, period.merging(["month": .month(year: 2021, month: 11)]) { a, _ in a })
        case .publishedInStartYear: return Finding(code, period.merging(["year": .number(2021)]) { a, _ in a })
        case .noDate: return Finding(code, period)
        case .noCreditAtLevel: return Finding(code, ["significance": .significance(.regional), "criterion": .number(17)])
        case .creditsAndHoursDisagree: return Finding(code, ["credits": .amount(Hours("2")!), "hours": .amount(Hours("48.5")!), "hoursPerCredit": .number(30)])
        case .possibleDuplicate: return Finding(code, ["original": .text("01_seminar.pdf")])
        case .holderUnlabelled, .holderUncertain: return Finding(code, ["names": .names(["Кузнецова Д. И.", "Smith J."])])
        case .pagesNotRead: return Finding(code, ["read": .number(500), "pages": .number(612)])
        case .lowConfidence: return Finding(code, ["page": .number(3), "confidence": .number(52)], provenance: .init(page: 3, text: nil))
        case .workerInNoRecord: return Finding(code, ["records": .number(4)])
        case .workerNotAmongAuthors: return Finding(code, ["authors": .names(["Ivanov A.", "Petrova B."])])
        case .activityGuessed, .activityUncertain:
            return Finding(code, ["activity": .activity(.seminar)], provenance: .init(page: 1, text: "участвовал(а) в семинаре"))
        case .creditNotComputed, .membershipStartUnknown, .tutoringStartUnknown, .authorPositionUnknown, .publicationKindUnknown,
            .quartileUnknown, .significanceUnknown, .translationWithoutOriginal, .holderNotFound, .journalNotNamed, .journalListsMissing:
            return Finding(code)
        default: return levelExample(code)
        }
    }

    /// A level condition's finding (`LevelAssignment`) with the details the decision gives it.
    static func levelExample(_ code: FindingCode) -> Finding {
        let target: FindingValue = .level(QualificationLevel("5.2")!)
        let document: [String: FindingValue] = ["track": .track(.higher), "institution": .text("Karolinska Institutet"), "issuedOn": .date(CalendarDate("2019-06-30")!)]
        let ranks: [String: FindingValue] = ["qs": .number(38), "arwu": .number(44), "the": .number(251)]
        let amounts: [String: FindingValue] = ["total": .amount(Hours("212.5")!), "additionalEducation": .amount(Hours("140")!), "nonFormal": .amount(Hours("72.5")!)]
        let asked: [String: FindingValue] = ["required": .number(4), "since": .date(CalendarDate("2021-04-15")!)]
        let run = asked.merging(["years": .number(5), "start": .date(CalendarDate("2021-04-15")!), "end": .date(CalendarDate("2026-11-22")!)]) { a, _ in a }
        func with(_ base: [String: FindingValue], _ more: [String: FindingValue]) -> Finding { Finding(code, base.merging(more) { a, _ in a }) }
        switch code {
        case .levelEducation, .levelEducationForeignNotListed, .levelEducationForeignNoList: return Finding(code, document)
        case .levelEducationForeignRanked, .levelEducationForeignUnranked: return with(document, ranks)
        case .levelEducationNotNursing: return Finding(code, ["track": .track(.postSecondary)])
        case .levelEducationUnmarked: return Finding(code, ["track": .track(.postSecondary), "count": .number(2)])
        case .levelEducationOtherTrack: return Finding(code, ["track": .track(.higher), "held": .tracks([.technicalVocational, .postSecondary])])
        case .levelAssessmentIndefiniteCategory: return Finding(code, ["category": .category(.first)])
        case .levelAssessmentCategoryInForce: return Finding(code, ["category": .category(.first), "expires": .date(CalendarDate("2027-03-01")!)])
        case .levelDocumentsNotRead: return Finding(code, ["document": .levelDocument(.assessmentCertificate)])
        case .levelIssuedToSomeoneElse: return Finding(code, ["holder": .text("Иванова Анна Петровна")])
        case .levelDatedAfter: return Finding(code, ["dated": .date(CalendarDate("2026-11-23")!), "date": .date(CalendarDate("2026-11-22")!)])
        case .levelOtherLevel: return Finding(code, ["level": .level(QualificationLevel("5.3")!), "target": target])
        case .levelUndated, .levelWorkFunctionsLevelUnnamed, .levelSequenceNoCurrent, .levelExperienceNoneAsked: return Finding(code, ["target": target])
        case .levelAssessmentPassed, .levelWorkFunctionsRegistry, .levelWorkFunctionsHeadOfUnit:
            return Finding(code, ["target": target, "date": .date(CalendarDate("2026-10-01")!)])
        case .levelCPDOtherCategory: return Finding(code, ["assessed": .category(.second), "target": target, "column": .category(.first)])
        case .levelCPDOutsideWindow:
            return Finding(code, ["confirmed": .date(CalendarDate("2021-01-10")!), "windowStart": .date(CalendarDate("2021-11-23")!), "windowEnd": .date(CalendarDate("2026-11-22")!)])
        case .levelCPDBelow210: return Finding(code, amounts)
        case .levelCPDColumnNotMet, .levelCPDMet: return with(amounts, ["column": .category(.first)])
        case .levelCPDShortTotal, .levelCPDShortAdditionalEducation, .levelCPDShortNonFormal:
            return Finding(code, ["shortfall": .amount(Hours("7.5")!), "required": .amount(Hours("150")!)])
        case .levelSequenceInitialHeld, .levelSequenceTop: return Finding(code, ["current": .level(QualificationLevel("6.3")!)])
        case .levelSequenceInitial: return Finding(code, ["target": .level(QualificationLevel("6.0")!), "track": .track(.higher)])
        case .levelSequenceNursing:
            return Finding(code, ["current": .level(QualificationLevel("4.2")!), "category": .category(.first), "track": .track(.postSecondary), "target": target])
        case .levelSequenceIndefiniteCategory, .levelSequenceCategoryValidityUnknown: return Finding(code, ["target": target, "category": .category(.first)])
        case .levelSequenceCategoryInForce: return Finding(code, ["target": target, "category": .category(.first), "expires": .date(CalendarDate("2027-03-01")!)])
        case .levelSequenceCategoryExpired: return Finding(code, ["category": .category(.first), "expired": .date(CalendarDate("2020-06-30")!)])
        case .levelSequenceNotNext: return Finding(code, ["current": .level(QualificationLevel("5.0")!), "next": .level(QualificationLevel("5.1")!)])
        case .levelSequenceOtherTrack:
            return Finding(code, ["target": .level(QualificationLevel("6.2")!), "current": .level(QualificationLevel("5.1")!), "next": target])
        case .levelSequenceNext: return Finding(code, ["target": target, "current": .level(QualificationLevel("5.1")!), "track": .track(.postSecondary)])
        case .levelExperienceObtainedUnknown: return Finding(code, ["required": .number(4)])
        case .levelExperienceNoLabour, .levelExperienceNoWork: return Finding(code, asked)
        case .levelExperienceMet, .levelExperienceSpecialtyUnknown, .levelExperienceRowSpecialtyUnknown: return Finding(code, run)
        case .levelExperienceShort:
            return with(run, ["years": .number(2), "end": .date(CalendarDate("2024-04-01")!), "eligible": .date(CalendarDate("2025-04-15")!)])
        default: return Finding(code)
        }
    }

    /// What each detail must read as in `language`'s message.
    static func expectedTexts(_ finding: Finding, _ language: FormLanguage) -> [String] {
        finding.details.values.compactMap { value in
            switch value {
            case .text(let text): text
            case .names(let names): names.joined(separator: ", ")
            case .number(let number): "\(number)"
            case .amount(let amount): language.format(amount)
            case .date(let date): language.format(date)
            case .month(let year, let month): language.format(year: year, month: month)
            case .level(let level): level.description
            case .significance, .activity, .volume, .category, .track, .tracks, .levelDocument: nil
            }
        } + (finding.provenance?.text.map { [$0] } ?? [])
    }

    @Test(arguments: FindingCode.allCases, FormLanguage.allCases)
    func everyCodeHasAWordingThatStatesItsDetails(code: FindingCode, language: FormLanguage) {
        let finding = Self.example(code)
        let message = wording.message(finding, in: language)
        #expect(message.count > 20, "\(code) in \(language): \"\(message)\"")
        #expect(!message.contains("{{") && !message.contains("}}"))
        for text in Self.expectedTexts(finding, language) {
            #expect(message.contains(text), "\(code) in \(language) does not state \(text): \"\(message)\"")
        }
    }

    /// Words chosen by a detail (a significance, a kind of document, a volume) differ by the detail.
    @Test(arguments: FormLanguage.allCases)
    func wordsChosenByADetailDependOnIt(language: FormLanguage) {
        let levels = Significance.allCases.map { wording.message(Finding(.noCreditAtLevel, ["significance": .significance($0), "criterion": .number(17)]), in: language) }
        #expect(Set(levels).count == Significance.allCases.count)
        let volumes = VolumeKind.allCases.map { wording.message(Finding(.unreadVolume, ["volume": .volume($0), "line": .text("x")]), in: language) }
        #expect(Set(volumes).count == VolumeKind.allCases.count)
        let kinds = ActivityKind.allCases.map { wording.message(Finding(.activityGuessed, ["activity": .activity($0)]), in: language) }
        #expect(Set(kinds).count == ActivityKind.allCases.count)
        let target: FindingValue = .level(QualificationLevel("6.2")!)
        let tracks = EducationTrack.allCases.map { wording.message(Finding(.levelSequenceNext, ["target": target, "current": target, "track": .track($0)]), in: language) }
        #expect(Set(tracks).count == EducationTrack.allCases.count)
        let categories = QualificationCategory.allCases.map { wording.message(Finding(.levelSequenceIndefiniteCategory, ["target": target, "category": .category($0)]), in: language) }
        #expect(Set(categories).count == QualificationCategory.allCases.count)
        let documents = LevelAssignment.DocumentKind.allCases.map { wording.message(Finding(.levelDocumentsNotRead, ["document": .levelDocument($0)]), in: language) }
        #expect(Set(documents).count == LevelAssignment.DocumentKind.allCases.count)
    }

    /// A list of educations names each of them, and says so when there is none.
    @Test(arguments: FormLanguage.allCases)
    func aListOfEducationsNamesEach(language: FormLanguage) {
        func message(_ held: [EducationTrack]) -> String {
            wording.message(Finding(.levelEducationOtherTrack, ["track": .track(.residency), "held": .tracks(held)]), in: language)
        }
        func words(_ track: EducationTrack) -> String { message([track]).components(separatedBy: ": ").last! }
        let both = message([.higher, .postSecondary])
        #expect(both.contains(words(.higher)) && both.contains(words(.postSecondary)), "\(both)")
        #expect(message([]) != message([.higher]))
    }

    /// One entry a line, each a code that exists: nothing worded twice, nothing left behind.
    @Test(arguments: FormLanguage.allCases)
    func theCatalogueHoldsOneEntryPerCode(language: FormLanguage) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("finding.\(language.rawValue).mustache"), encoding: .utf8)
        let codes = text.split(separator: "\n").map { line in
            line.dropFirst(3).prefix { $0 != "}" }
        }
        #expect(codes.map(String.init).sorted() == FindingCode.allCases.map(\.rawValue).sorted())
    }

    /// A Kazakh finding has no word of the Russian catalogue the Kazakh one lacks; a Russian
    /// finding no Kazakh letter. The details (quotes, names) are left out: they are the document's.
    @Test(arguments: FindingCode.allCases)
    func eachLanguageKeepsToItsOwnWords(code: FindingCode) throws {
        func words(_ text: String) -> Set<String> { Set(text.lowercased().split { !$0.isLetter }.map(String.init)) }
        func catalogue(_ language: FormLanguage) throws -> Set<String> {
            let text = try String(contentsOf: Self.directory.appendingPathComponent("finding.\(language.rawValue).mustache"), encoding: .utf8)
            return words(text.replacing(/\{\{[^}]*\}\}/, with: " "))
        }
        let finding = Self.example(code)
        let quoted = Self.expectedTexts(finding, .ru).reduce(into: Set<String>()) { $0.formUnion(words($1)) }
        let kazakh = words(wording.message(finding, in: .kk)).subtracting(quoted)
        #expect(kazakh.intersection(try catalogue(.ru).subtracting(try catalogue(.kk))).isEmpty, "\(kazakh)")
        let russian = words(wording.message(finding, in: .ru)).subtracting(quoted)
        #expect(!russian.contains { $0.contains(/[әғқңөұүһі]/) }, "\(russian)")
    }

    @Test func theEnglishWordingIsTheOneTheJSONCarries() throws {
        let shipped = try #require(FindingWording.shippedEnglish)
        let finding = Self.example(.lowConfidence)
        #expect(shipped.message(finding, in: .en) == "page 3 was recognised with low confidence (52%)")
    }
}
