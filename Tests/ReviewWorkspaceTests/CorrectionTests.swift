import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ProfessionalRegister
@testable import ReviewWorkspace
import Testing

@Suite("An officer's corrections in the workspace")
struct CorrectionTests {
    /// The total of Appendix 3 the worker's page shows.
    static func total(_ page: String) -> String? {
        page.firstMatch(of: /<span class="label">Всего<\/span><meter[^>]*>([0-9,]+) \//).map { String($0.1) }
    }

    static func seminar(_ browser: Browser) async throws -> String {
        let worker = try await browser.get("/workers/850314410007").text
        return String(try #require(worker.firstMatch(of: /href="(\/workers\/850314410007\/documents\/[0-9a-f]{64})">03_seminar.pdf/)?.1))
    }

    @Test func aCorrectedVolumeChangesTheTotalAndTheFormsAtOnceAndIsKeptWithWhoAndWhen() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let before = try #require(Self.total(try await browser.get("/workers/850314410007").text))
            let link = try await Self.seminar(browser)
            let page = try await browser.get(link)
            #expect(page.text.contains("<details class=\"correct\""))
            let response = try await browser.post(link + "/corrections", [
                ("csrf", Browser.csrf(in: page)), ("record", "0"), ("action", "fact"), ("fact", "hours"), ("value", "16"),
            ])
            #expect(response.status == .seeOther)
            let after = try #require(Self.total(try await browser.get("/workers/850314410007").text))
            // 8 h × 0.5 CU became 16 h × 0.5 CU: four more.
            #expect(Int(after)! == Int(before)! + 4)
            let corrected = try await browser.get(link).text
            #expect(corrected.contains("<b class=\"corrected\">16</b>"))
            #expect(corrected.contains("(aigerim, 22.11.2026)"))
        }
        let kept = try ProfessionalRegister(path: fixture.database).corrections(of: try IIN("850314410007"))
        #expect(kept.count == 1 && kept[0].previous == "8" && kept[0].correction.by == Fixture.officer.name)
        #expect(kept[0].correction.change == .fact(.hours, "16"))
        let forms = try FileManager.default.contentsOfDirectory(atPath: fixture.output.appendingPathComponent("850314410007").path)
        #expect(Set(forms).isSuperset(of: ["appendix2.pdf", "appendix2.html", "assessment.json"]))
        let json = try String(contentsOf: fixture.output.appendingPathComponent("850314410007/assessment.json"), encoding: .utf8)
        #expect(json.contains("\"corrections\""))
    }

    @Test func anOfficersRefusalIsWordedInThePagesLanguageAndCanBeUndoneByAcceptance() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let link = try await Self.seminar(browser)
            let token = Browser.csrf(in: try await browser.get(link))
            #expect(try await browser.post(link + "/corrections", [
                ("csrf", token), ("record", "0"), ("action", "refuse"), ("reason", "holder-mismatch"), ("note", "выдан однофамилице"),
            ]).status == .seeOther)
            let refused = try await browser.get("/workers/850314410007").text
            #expect(refused.contains("отказано специалистом по кадрам aigerim 22.11.2026: выдан однофамилице"))
            #expect(try await browser.post(link + "/corrections", [("csrf", token), ("record", "0"), ("action", "accept")]).status == .seeOther)
            let accepted = try await browser.get(link).text
            #expect(accepted.contains("<span class=\"tag accepted\">"))
        }
    }

    @Test(arguments: [
        [("action", "fact"), ("fact", "hours"), ("value", "много")], [("action", "fact"), ("fact", "startDate"), ("value", "31.02.2023")],
        [("action", "fact"), ("fact", "criterion"), ("value", "3")], [("action", "refuse"), ("reason", "holder-mismatch"), ("note", " ")],
        [("action", "refuse"), ("reason", "because"), ("note", "x")], [("action", "delete")],
    ])
    func aCorrectionThatDoesNotReadChangesNothing(fields: [(String, String)]) async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let link = try await Self.seminar(browser)
            let token = Browser.csrf(in: try await browser.get(link))
            let status = try await browser.post(link + "/corrections", [("csrf", token), ("record", "0")] + fields).status
            #expect([.badRequest, .unprocessableContent].contains(status))
        }
        #expect(try ProfessionalRegister(path: fixture.database).corrections(of: try IIN("850314410007")).isEmpty)
    }

    @Test func aViewerOrAForgedFormCorrectsNothing() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.viewer.name, Fixture.viewer.password)
            let link = try await Self.seminar(browser)
            let page = try await browser.get(link)
            #expect(!page.text.contains("<details class=\"correct\""))
            let fields = [("record", "0"), ("action", "fact"), ("fact", "hours"), ("value", "16")]
            #expect(try await browser.post(link + "/corrections", [("csrf", Browser.csrf(in: page))] + fields).status == .forbidden)
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let link = try await Self.seminar(browser)
            let fields = [("record", "0"), ("action", "fact"), ("fact", "hours"), ("value", "16")]
            #expect(try await browser.post(link + "/corrections", [("csrf", "forged")] + fields).status == .forbidden)
        }
        #expect(try ProfessionalRegister(path: fixture.database).corrections(of: try IIN("850314410007")).isEmpty)
    }
}
