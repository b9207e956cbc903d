import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import ReviewWorkspace
import Testing

@Suite("Files dropped on a worker's page")
struct UploadTests {
    static let pdf = try! Data(contentsOf: Fixture.samples.appendingPathComponent("inbox/901125412348/02_seminar.pdf"))

    @Test func anOfficersFileIsWrittenWholeIntoTheWorkersInboxFolderOnce() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let token = Browser.csrf(in: try await browser.get("/workers/850314410007"))
            let first = try await browser.upload(Self.pdf, named: "Сертификат семинара.pdf", to: "850314410007", token: token)
            #expect(first.status == .created)
            #expect(first.text == #"{"status":"written","file":"Сертификат_семинара.pdf"}"#)
            let again = try await browser.upload(Self.pdf, named: "copy.pdf", to: "850314410007", token: token)
            #expect(again.status == .ok && again.text.contains("present"))
        }
        let folder = fixture.inbox.appendingPathComponent("850314410007")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["Сертификат_семинара.pdf"])
        #expect(try Data(contentsOf: folder.appendingPathComponent(files[0])) == Self.pdf)
        let trail = try Accounts(path: fixture.database).auditTrail(subject: "850314410007")
        #expect(trail.first?.action == "file uploaded" && trail.first?.newValue == "Сертификат_семинара.pdf")
    }

    @Test func aNameTakenByOtherContentGetsTheHashBeside() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let token = Browser.csrf(in: try await browser.get("/"))
            #expect(try await browser.upload(Self.pdf, named: "scan.pdf", to: "850314410007", token: token).status == .created)
            let other = Self.pdf + Data("\n%% another copy\n".utf8)
            let second = try await browser.upload(other, named: "scan.pdf", to: "850314410007", token: token)
            #expect(second.status == .created)
            #expect(second.text.contains("scan-"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.inbox.appendingPathComponent("850314410007").path).count == 2)
    }

    @Test(arguments: [
        ("../../../etc/passwd.pdf", "passwd.pdf"), ("..", "upload.pdf"), (".hidden.pdf", "hidden.pdf"), ("a\nb\u{1B}[2J.pdf", "a_b__2J.pdf"),
        ("C:\\Users\\hr\\scan.pdf", "scan.pdf"),
    ])
    func aFileNameCannotLeaveHideOrSpoof(name: String, written: String) {
        #expect("\(Upload.safeBase(name)).pdf" == written)
    }

    @Test func whatIsNotEvidenceTooLargeOrNotAnOfficersIsRefused() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let token = Browser.csrf(in: try await browser.get("/"))
            #expect(try await browser.upload(Data("#!/bin/sh\nrm -rf /\n".utf8), named: "x.pdf", to: "850314410007", token: token).status == .unsupportedMediaType)
            #expect(try await browser.upload(Data(), named: "x.pdf", to: "850314410007", token: token).status == .unprocessableContent)
            #expect(try await browser.upload(Data(repeating: 0x25, count: 2 << 20), named: "big.pdf", to: "850314410007", token: token).status == .contentTooLarge)
            #expect(try await browser.upload(Self.pdf, named: "x.pdf", to: "850314410007", token: "forged").status == .forbidden)
            #expect(try await browser.upload(Self.pdf, named: "x.pdf", to: "000000000000", token: token).status == .notFound)
        }
        try await fixture.withBrowser { browser in
            try await browser.signIn(Fixture.viewer.name, Fixture.viewer.password)
            let page = try await browser.get("/workers/850314410007")
            #expect(!page.text.contains("id=\"upload\""))
            #expect(try await browser.upload(Self.pdf, named: "x.pdf", to: "850314410007", token: Browser.csrf(in: page)).status == .forbidden)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.inbox.appendingPathComponent("850314410007").path))
    }

    @Test func withoutAnInboxThePageOffersNoUpload() async throws {
        let fixture = try await Fixture()
        try await fixture.withBrowser(inbox: false) { browser in
            try await browser.signIn(Fixture.officer.name, Fixture.officer.password)
            let page = try await browser.get("/workers/850314410007")
            #expect(!page.text.contains("id=\"upload\""))
            #expect(try await browser.upload(Self.pdf, named: "x.pdf", to: "850314410007", token: Browser.csrf(in: page)).status == .conflict)
        }
    }
}
