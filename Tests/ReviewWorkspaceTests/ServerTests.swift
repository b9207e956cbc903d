import FormTemplates
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ProfessionalRegister
@testable import ReviewWorkspace
import Watch
import WorkerConfirmation
import Testing

@Suite("The review workspace over HTTP")
struct ServerTests {
    @Test(arguments: ["/", "/?show=all", "/workers/850314410007", "/workers/850314410007/forms/appendix2.pdf", "/register/workers/850314410007", "/register/due"])
    func withoutASessionEveryPageSendsTheBrowserToSignIn(path: String) async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            let response = try await browser.get(path)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login")
            #expect(!response.text.contains("850314410007"))
        }
    }

    @Test func aPostWithoutASessionIsRefused() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            let response = try await browser.post("/logout", [("csrf", "x")])
            #expect(response.status == .unauthorized)
        }
    }

    @Test func signingInGivesAStrictHttpOnlySessionCookieAndIsAudited() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            let response = try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("cpd_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            #expect(try await browser.get("/").status == .ok)
        }
        let trail = try Accounts(path: fixture.database).auditTrail()
        #expect(trail.first?.action == "signed in" && trail.first?.account == Fixture.officer.name)
    }

    @Test func aSessionLastsEightHoursFromItsLastUse() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            for _ in 0..<3 {
                fixture.clock.advance(by: 7 * 3600 + 59 * 60)
                #expect(try await browser.get("/").status == .ok)
            }
            fixture.clock.advance(by: 8 * 3600 + 1)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func anOfficerReadsTheAuditTrailAViewerDoesNot() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let page = try await browser.get("/audit?lang=en")
            #expect(page.status == .ok)
            #expect(page.text.contains("<td>aigerim</td><td>signed in</td>"))
            #expect(page.text.contains("<td>cpd user</td><td>account added</td><td>dana</td>"))
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.viewer.name, Fixture.viewer.password)
            #expect(!(try await browser.get("/").text.contains("href=\"/audit\"")))
            #expect(try await browser.get("/audit").status == .forbidden)
        }
    }

    @Test func aWrongPasswordOrAnUnknownAccountIsRefusedAlike() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            let wrong = try await browser.signIn(Fixture.officer.name, "not the password at all")
            let unknown = try await browser.signIn("nobody", "not the password at all")
            for response in [wrong, unknown] {
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("Неверная учётная запись или пароль."))
                #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("cpd_session=") })
            }
        }
    }

    @Test func aSignInPostedWithoutThePagesTokenIsRefused() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            _ = try await browser.get("/login")
            let response = try await browser.post("/login", [("csrf", "forged"), ("name", Fixture.officer.name), ("password", Fixture.officer.password)])
            #expect(response.status == .forbidden)
            #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("cpd_session=") })
        }
    }

    @Test func repeatedFailuresHoldTheAccountBackUntilTheWindowPasses() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            for _ in 0..<5 { #expect(try await browser.signIn(Fixture.officer.name, "guess guess guess").status == .unauthorized) }
            let held = try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            #expect(held.status == .tooManyRequests)
            #expect(Int(held.headers[.retryAfter] ?? "") ?? 0 > 0)
            fixture.clock.advance(by: 15 * 60 + 1)
            #expect(try await browser.signIn(Fixture.officer.name, Fixture.officer.password).status == .seeOther)
        }
    }

    @Test func theListPutsWhatNeedsTheOfficerFirstWithAppendix3Bars() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.viewer.name, Fixture.viewer.password)
            let page = try await browser.get("/?show=all").text
            let rows = page.components(separatedBy: "<a href=\"/workers/").dropFirst().map { String($0.prefix(12)) }
            #expect(Set(rows) == ["850314410007", "790821310003", "901125412348"])
            // 901125412348 falls short of Appendix 3; 790821310003 has no file read yet.
            #expect(rows.firstIndex(of: "901125412348")! < rows.firstIndex(of: "850314410007")!)
            #expect(page.contains("<meter min=\"0\""))
            let search = try await browser.get("/?show=all&q=9011").text
            #expect(search.contains("/workers/901125412348") && !search.contains("/workers/850314410007"))
        }
    }

    @Test func aWorkersPageShowsEachDocumentsDecisionAndTheForms() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let page = try await browser.get("/workers/850314410007").text
            for file in ["01_advanced-training.pdf", "03_seminar.pdf", "05_conference.pdf", "09_conference-report.pdf"] {
                #expect(page.contains(file))
            }
            #expect(page.contains("принят"))
            #expect(page.contains("/workers/850314410007/forms/appendix2.pdf"))
            let form = try await browser.get("/workers/850314410007/forms/appendix2.pdf")
            #expect(form.status == .ok)
            #expect(form.headers[.contentType] == "application/pdf")
            #expect(form.text == "%PDF-1.7 form of 850314410007")
        }
    }

    @Test func aWorkerApplyingForALevelSeesEachConditionOfChapter3() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let page = try await browser.get("/workers/850314410007").text
            #expect(page.contains("Заявленный уровень квалификации: 5.2"))
            for condition in ["Образование, соответствующее уровню", "Подтверждённые результаты НПР, не менее 210 КЕ", "Последовательность уровней"] {
                #expect(page.contains(condition))
            }
            #expect(page.contains("пункт 12") || page.contains("пункта 12"))
            let english = try await browser.get("/workers/850314410007?lang=en").text
            #expect(english.contains("Qualification level applied for: 5.2") && english.contains("paragraph 12"))
        }
    }

    @Test func aDocumentStandsBesideItsFactsEachPointingAtItsLine() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let worker = try await browser.get("/workers/850314410007").text
            let link = try #require(worker.firstMatch(of: /href="(\/workers\/850314410007\/documents\/[0-9a-f]{64})">01_advanced-training.pdf/)?.1)
            let page = try await browser.get(String(link)).text
            #expect(page.contains("<img class=\"page\" src=\"\(link)/pages/1\""))
            #expect(page.contains("<svg class=\"marks\""))
            // Every fact read from the text layer links to a mark on the page, and the hours' line is one.
            let marks = page.matches(of: /<g id="(fact-\d+)" class="mark"><rect/).map { String($0.1) }
            let links = page.matches(of: /href="#(fact-\d+)"/).map { String($0.1) }
            #expect(!marks.isEmpty && Set(marks) == Set(links))
            #expect(page.contains("«в объеме 72 (семьдесят два) академических часа»"))
            let image = try await browser.get(String(link) + "/pages/1")
            #expect(image.status == .ok && image.headers[.contentType] == "image/png")
            #expect(image.body.readableBytesView.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(try await browser.get(String(link) + "/pages/2").status == .notFound)
            let original = try await browser.get(String(link) + "/original")
            #expect(original.headers[.contentType] == "application/pdf")
        }
    }

    @Test(arguments: [
        "/workers/850314410007/documents/0000000000000000000000000000000000000000000000000000000000000000",
        "/workers/850314410007/documents/..%2F..%2Fcpd.sqlite", "/workers/850314410007/documents/a28b0a9e/original",
        "/workers/850314410007/forms/..%2F..%2Fcpd.sqlite", "/workers/850314410007/forms/cpd.sqlite", "/workers/..%2F..%2Fetc/forms/appendix2.pdf",
        "/workers/850314410007/forms/refusal.pdf", "/workers/85031441000/forms/appendix2.pdf", "/workers/000000000000",
        "/register/workers/123", "/register/everyone",
    ])
    func aPathOutsideWhatThePagesServeIsNotFound(path: String) async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let response = try await browser.get(path)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentSecurityPolicy] == SecurityHeaders.contentSecurityPolicy)
        }
    }

    @Test func theRegistersPagesShowTheRecordAndTheLists() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.viewer.name, Fixture.viewer.password)
            let record = try await browser.get("/register/workers/850314410007")
            #expect(record.status == .ok && record.text.contains("Сапарова"))
            for list in ["expiring", "blocked", "due"] { #expect(try await browser.get("/register/\(list)").status == .ok) }
            #expect(try await browser.get("/register/due").text.contains("901125412348"))
        }
    }

    @Test func thePageSpeaksTheBrowsersLanguageOrTheOneChosen() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            #expect(try await browser.get("/", headers: [.acceptLanguage: "kk-KZ,kk;q=0.9,ru;q=0.8"]).text.contains("Қызметкерлер"))
            #expect(try await browser.get("/", headers: [.acceptLanguage: "de, en;q=0.5"]).text.contains("<html lang=\"en\">"))
            #expect(try await browser.get("/?lang=en").text.contains("Workers"))
            #expect(browser.cookies["cpd_lang"] == "en")
            #expect(try await browser.get("/", headers: [.acceptLanguage: "kk"]).text.contains("<html lang=\"en\">"))
        }
    }

    @Test func signingOutNeedsThePagesTokenAndEndsTheSession() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let page = try await browser.get("/")
            #expect(try await browser.post("/logout", [("csrf", "forged")]).status == .forbidden)
            #expect(try await browser.get("/").status == .ok)
            let token = browser.cookies["cpd_session"]
            #expect(try await browser.post("/logout", [("csrf", Browser.csrf(in: page))]).status == .seeOther)
            #expect(try await browser.get("/").status == .seeOther)
            #expect(try Accounts(path: fixture.database).session(token: try #require(token)) == nil)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            for path in ["/login", "/static/review.css", "/static/icon.svg", "/"] {
                let response = try await browser.get(path)
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            // The page's icon is the workspace's own, before any sign-in: no request for it fails.
            let icon = try await browser.get("/static/icon.svg")
            #expect(icon.status == .ok && icon.headers[.contentType] == "image/svg+xml")
        }
    }
}

@Suite("The review workspace's words")
struct WordsTests {
    @Test func everyLanguageHasEveryKeyAndEveryKeyAPageUsesExists() throws {
        let pages = try Pages()
        let keys = Set(pages.strings[.en]!.keys)
        for language in pages.strings.keys { #expect(Set(pages.strings[language]!.keys) == keys, "\(language)") }
        let directory = try #require(FormTemplates.reviewDirectory)
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let used = text.matches(of: /\{\{t\.([a-zA-Z0-9.]+)\}\}/).map { String($0.1) }
            for key in used { #expect(keys.contains(key), "\(file.lastPathComponent) uses \(key)") }
        }
    }

    /// Words nest at the dots: a word named like a group (`level.status` beside
    /// `level.status.met`) would print the group, so the catalogue refuses it.
    @Test func aWordNamedLikeAGroupOfWordsIsRefused() {
        #expect(throws: Pages.Failure.self) { try Pages.catalogue("level.status: Decision\nlevel.status.met: met", named: "strings.en.txt") }
        #expect((try? Pages.catalogue("level.decision: Decision\nlevel.status.met: met", named: "strings.en.txt"))?.count == 2)
    }

    @Test(arguments: ["kk-KZ,kk;q=0.9", "ru-RU,ru;q=0.9,en;q=0.8", "en-GB,en;q=0.9", "de-DE", "", "en;q=0.2, kk;q=0.8", "kk;q=0"])
    func acceptLanguagePicksTheBestSpokenOne(header: String) {
        let expected: [String: String] = [
            "kk-KZ,kk;q=0.9": "kk", "ru-RU,ru;q=0.9,en;q=0.8": "ru", "en-GB,en;q=0.9": "en", "de-DE": "ru", "": "ru",
            "en;q=0.2, kk;q=0.8": "kk", "kk;q=0": "ru",
        ]
        #expect(SessionLoader.preferred(header).rawValue == expected[header])
    }
}

@Suite("The list of thousands of workers")
struct WorkerListTests {
    static func rows(_ count: Int) throws -> [WorkspaceData.WorkerRow] {
        try (0..<count).map { index in
            let entry = RosterEntry(
                iin: try IIN(IINs.valid(index)), fullName: "Работник \(index)", targetCategory: .first, certificateExpiresOn: nil, latestAssessment: nil)
            return WorkspaceData.WorkerRow(entry: entry, state: nil, files: 0, pending: 0, failed: 0, blocked: false)
        }
    }

    /// A row is rendered once for what it shows: the same state gives the kept HTML, a changed
    /// count or another language a new row.
    @Test func aRowIsRenderedAgainOnlyWhenWhatItShowsChanged() throws {
        let pages = try Pages()
        let row = try Self.rows(1)[0]
        let first = pages.renderedRow(row, .ru)
        #expect(first.contains("Работник 0") && first.hasPrefix("<tr"))
        #expect(pages.renderedRows.row(row, .ru) == first)
        let failing = WorkspaceData.WorkerRow(entry: row.entry, state: row.state, files: 3, pending: 0, failed: 2, blocked: false)
        let changed = pages.renderedRow(failing, .ru)
        #expect(changed != first && changed.contains(">2 "))
        #expect(pages.renderedRow(row, .kk) != first)
        #expect(pages.renderedRow(row, .ru) == first)
    }

    /// Most urgent first (a blocked record before a record with nothing to do), then by name in
    /// the Kazakh alphabet's order, whatever order the register holds them in.
    @Test func theListIsByUrgencyThenByNameInTheAlphabet() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let database = root.appendingPathComponent("cpd.sqlite").path
        let names = ["Яковлев Пётр Ильич", "Әбенов Нурлан Серикович", "Абенов Нурлан Серикович", "Ким Анна Олеговна", "Кимов Олег Ильич", "Қасымов Ерлан Болатович"]
        let records = names.enumerated().map { index, name in
            let expiry = index == 0 ? ", \"certificate\": {\"number\": \"KZ1\", \"expiresOn\": \"2020-01-01\"}" : ""
            return "{\"iin\": \"\(IINs.valid(index))\", \"fullName\": \"\(name)\", \"targetCategory\": \"first\"\(expiry)}"
        }
        let register = try ProfessionalRegister(path: database)
        _ = try register.importFile(Data("[\(records.joined(separator: ","))]".utf8), name: "workers.json", format: .json, by: "test")
        let data = WorkspaceData(
            register: register, watch: try WatchStore(path: database),
            confirmation: WorkerConfirmation(register: try WorkerDirectory.database(database), settings: Fixture.settings), output: root)
        let listed = try data.workers(on: Fixture.confirmationDate).map(\.entry.fullName)
        #expect(listed == [
            "Яковлев Пётр Ильич", "Абенов Нурлан Серикович", "Әбенов Нурлан Серикович", "Ким Анна Олеговна", "Кимов Олег Ильич", "Қасымов Ерлан Болатович",
        ])
    }

    @Test func aLongListIsPagedAndAPageOutOfRangeIsTheLast() throws {
        let pages = try Pages()
        let rows = try Self.rows(250)
        let last = pages.workersContext(rows, query: "", filter: .all, page: 99, .ru)
        #expect(last["page"] as? Int == 3 && last["pages"] as? Int == 3)
        #expect((last["rows"] as? [String])?.count == 50)
        #expect(last["previous"] as? String == "/?show=all&page=2" && last["next"] == nil)
        let first = pages.workersContext(rows, query: "Работник 1", filter: .all, page: 1, .ru)
        #expect(first["shown"] as? Int == 111)
        #expect(first["next"] as? String == "/?q=%D0%A0%D0%B0%D0%B1%D0%BE%D1%82%D0%BD%D0%B8%D0%BA%201&show=all&page=2")
    }
}

/// Valid IINs (check digits computed as the register does), born in 1980 and on.
enum IINs {
    static func valid(_ index: Int) -> String {
        let day = 1 + index % 28, month = 1 + (index / 28) % 12, year = 80 + (index / 336) % 20
        for serial in 0..<10_000 {
            let stem = String(format: "%02d%02d%02d3%04d", year, month, day, (index * 7 + serial) % 10_000)
            if let iin = try? IIN(stem + String(checkDigit(stem))) { return iin.digits }
        }
        fatalError("no valid IIN for \(index)")
    }

    static func checkDigit(_ stem: String) -> Int {
        let digits = stem.compactMap(\.wholeNumberValue)
        let first = zip(digits, 1...11).map { $0 * $1 }.reduce(0, +) % 11
        if first != 10 { return first }
        return zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]).map { $0 * $1 }.reduce(0, +) % 11
    }
}
