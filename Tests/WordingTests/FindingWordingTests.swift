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
            case .significance, .activity, .volume: nil
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
