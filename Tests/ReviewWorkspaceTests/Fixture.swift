import CPDRules
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import OCR
import ProfessionalRegister
@testable import ReviewWorkspace
import Synchronization
import Watch
import WorkerConfirmation

/// A workspace over a database made as the watch makes it: the sample register imported, the
/// text PDFs and XML of two sample workers read, each worker assessed and recorded.
final class Fixture: Sendable {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")
    static let confirmationDate = CalendarDate("2026-11-22")!
    static let officer = (name: "aigerim", password: "correct horse battery")
    static let viewer = (name: "dana", password: "viewer password one")

    let root: URL
    let database: String
    let output: URL
    let clock: TestClock

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-review-\(UUID().uuidString)")
        output = root.appendingPathComponent("out")
        database = root.appendingPathComponent("cpd.sqlite").path
        clock = TestClock()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let register = try ProfessionalRegister(path: database)
        _ = try register.importFile(
            Data(contentsOf: Self.samples.appendingPathComponent("register.json")), name: "register.json", format: .json, by: "test")
        let store = try WatchStore(path: database)
        let intake = Intake(ocr: OCRPool(size: 1))
        let confirmation = WorkerConfirmation(register: try WorkerDirectory.database(database), settings: Self.settings)
        for (worker, files) in [
            ("901125412348", ["01_platform-export.xml", "02_seminar.pdf", "03_tutoring-trainees.pdf"]),
            ("850314410007", ["01_advanced-training.pdf", "03_seminar.pdf", "05_conference.pdf", "09_conference-report.pdf"]),
        ] {
            let paths = files.map { Self.samples.appendingPathComponent("inbox/\(worker)/\($0)").path }
            try store.reconcile(worker: worker, onDisk: paths.map { ($0, 1, 1) }, now: 1)
            for file in try store.files(worker: worker) {
                let sha256 = try FileDigest.sha256(of: URL(fileURLWithPath: file.path))
                try store.record(await Self.read(file.path, sha256: sha256, intake: intake), for: file, sha256: sha256)
            }
            let assessed = try confirmation.confirm(try confirmation.worker(iin: worker), records: try store.records(worker: worker), writing: nil).assessment
            try store.assessed(assessed, worker: worker, at: 2)
            try register.record(AssessmentRecord(assessed.assessment, forms: []), for: try IIN(worker), by: "test")
            let forms = output.appendingPathComponent(worker)
            try FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
            try Data("%PDF-1.7 form of \(worker)".utf8).write(to: forms.appendingPathComponent("appendix2.pdf"))
        }
        let accounts = try Accounts(path: database)
        try accounts.add(Self.officer.name, role: .officer, password: Self.officer.password)
        try accounts.add(Self.viewer.name, role: .viewer, password: Self.viewer.password)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Each sample file is read once for all the tests: the reading is not what they test.
    private static let readings = Mutex<[String: [ExtractionRecord]]>([:])

    static func read(_ path: String, sha256: String, intake: Intake) async -> [ExtractionRecord] {
        if let known = readings.withLock({ $0[path] }) { return known }
        let records = await intake.read(path, knownSHA256: sha256)
        readings.withLock { $0[path] = records }
        return records
    }

    static var settings: WorkerConfirmation.Settings {
        var settings = WorkerConfirmation.Settings()
        settings.confirmationDate = confirmationDate
        return settings
    }

    var inbox: URL { root.appendingPathComponent("inbox") }

    func server(inbox: Bool = true, uploadLimit: Int = 1 << 20) throws -> ReviewServer {
        var configuration = ReviewServer.Configuration(database: database, output: output)
        configuration.inbox = inbox ? self.inbox : nil
        configuration.uploadLimit = uploadLimit
        configuration.settings = Self.settings
        configuration.passwordCost = 4
        let clock = clock
        configuration.now = { clock.now }
        return try ReviewServer(configuration: configuration)
    }

    /// Runs `body` against the server's router, as a browser would reach it.
    func withBrowser(inbox: Bool = true, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let app = Application(router: try server(inbox: inbox).router())
        try await app.test(.router) { client in try await body(Browser(client: client)) }
    }
}

/// The clock the server reads: fixed, moved by the test.
final class TestClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(by seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

/// A browser's part: cookies kept between requests, forms posted URL-encoded.
final class Browser: Sendable {
    let client: any TestClientProtocol
    private let jar = Mutex<[String: String]>([:])

    init(client: any TestClientProtocol) { self.client = client }

    var cookies: [String: String] { jar.withLock { $0 } }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(uri, .get, headers: headers, body: nil)
    }

    func upload(_ bytes: Data, named name: String, to iin: String, token: String) async throws -> TestResponse {
        try await send(
            "/workers/\(iin)/files?name=\(Self.encoded(name))", .post, headers: [HTTPField.Name("X-CSRF-Token")!: token],
            body: ByteBuffer(bytes: bytes))
    }

    func post(_ uri: String, _ form: [(String, String)]) async throws -> TestResponse {
        let body = form.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&")
        return try await send(uri, .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    func send(_ uri: String, _ method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        let cookie = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        if !cookie.isEmpty { headers[.cookie] = cookie }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        jar.withLock { jar in
            for line in response.headers[values: .setCookie] {
                let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                jar[pair[0]] = pair[1].isEmpty || line.contains("Max-Age=0") ? nil : pair[1]
            }
        }
        return response
    }

    /// Signs in through the sign-in page, as a person would.
    @discardableResult
    func signIn(_ name: String, _ password: String) async throws -> TestResponse {
        let page = try await get("/login")
        return try await post("/login", [("csrf", Self.csrf(in: page)), ("name", name), ("password", password)])
    }

    /// The token of the page's forms.
    static func csrf(in response: TestResponse) -> String {
        let html = String(buffer: response.body)
        guard let range = html.range(of: #"name="csrf" value="([^"]*)""#, options: .regularExpression) else { return "" }
        return String(html[range].split(separator: "\"")[3])
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
