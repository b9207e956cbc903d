import CPDRules
import Confirmation
import Forms
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Logging
import Intake
import ProfessionalRegister
import Rasterization
import SharedDatabase
import Watch
import WorkerConfirmation
import Wording

/// `cpd serve`: the officer's workspace over the database the watch and the register share.
/// Every page is rendered on the server from its template; the only client code a page could
/// load is the workspace's own, and none is needed yet.
public struct ReviewServer: Sendable {
    public struct Configuration: Sendable {
        /// The shared SQLite database (`cpd watch --db`, `cpd register --db`).
        public var database: String
        /// Where the watch writes the forms (`cpd watch --out`).
        public var output: URL
        /// The watch's inbox (`cpd watch INBOX`): uploads go into its worker folders; nil takes none.
        public var inbox: URL?
        /// The largest file an upload may bring.
        public var uploadLimit = 50 << 20
        /// The confirmation's settings, as the watch runs it (the date, the readings).
        public var settings = WorkerConfirmation.Settings()
        /// Cookies marked Secure: when the workspace is served over TLS (behind a proxy).
        public var secureCookies = false
        /// bcrypt's cost for passwords set through the workspace's accounts.
        public var passwordCost: UInt8 = 12
        public var now: @Sendable () -> Date = Date.init
        /// Decodes page images in a limited child process: the running `cpd`.
        public var rasterizer: Rasterizer = .installed()

        public init(database: String, output: URL) {
            self.database = database
            self.output = output
        }
    }

    let configuration: Configuration
    let accounts: Accounts
    let data: WorkspaceData
    let pages: Pages
    let throttle = LoginThrottle()
    let rasterizer: Rasterizer
    let forms: Forms

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        let database = try SharedDatabase.open(path: configuration.database)
        accounts = try Accounts(database: database, cost: configuration.passwordCost, now: configuration.now)
        let register = try ProfessionalRegister(path: configuration.database)
        let directory = try WorkerDirectory.database(configuration.database)
        data = WorkspaceData(
            register: register, watch: try WatchStore(path: configuration.database),
            confirmation: WorkerConfirmation(register: directory, settings: configuration.settings), output: configuration.output)
        pages = try Pages()
        forms = try Forms()
        rasterizer = configuration.rasterizer
    }

    /// The day the pages judge by: the configured confirmation date, or today.
    var today: CalendarDate { configuration.settings.confirmationDate ?? CalendarDate(localDay: configuration.now()) }

    // MARK: Routes

    public func router() -> Router<ReviewContext> {
        let router = Router(context: ReviewContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: SessionLoader(accounts: accounts))
        router.get("/static/review.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: pages.stylesheet)))
        }
        router.get("/login") { request, context in try signInPage(request, context) }
        router.post("/login") { request, context in try await signIn(request, context) }

        let signedIn = router.group().add(middleware: RequireSession())
        signedIn.post("/logout") { request, context in try await signOut(request, context) }
        signedIn.get("/") { request, context in try workersPage(request, context) }
        signedIn.get("/workers/:iin") { request, context in try workerPage(request, context) }
        signedIn.get("/workers/:iin/forms/:name") { request, context in try form(request, context) }
        signedIn.post("/workers/:iin/files") { request, context in try await upload(request, context) }
        signedIn.get("/static/review.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: pages.script)))
        }
        signedIn.get("/workers/:iin/documents/:sha256") { request, context in try documentPage(request, context) }
        signedIn.post("/workers/:iin/documents/:sha256/corrections") { request, context in try await correct(request, context) }
        signedIn.get("/workers/:iin/documents/:sha256/pages/:page") { request, context in try await pageImage(request, context) }
        signedIn.get("/workers/:iin/documents/:sha256/original") { request, context in try original(request, context) }
        signedIn.get("/audit") { request, context in try auditPage(request, context) }
        signedIn.get("/register/workers/:iin") { request, context in try recordPage(request, context) }
        signedIn.get("/register/:list") { request, context in try registerList(request, context) }
        return router
    }

    /// The server on `host:port` (loopback unless told otherwise).
    public func application(host: String = "127.0.0.1", port: Int = 8080, logger: Logger) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: nil), logger: logger)
    }

    // MARK: Pages

    func html(_ page: String, title: String, _ context: [String: Any], _ request: Request, _ requestContext: ReviewContext, status: HTTPResponse.Status = .ok, csrf: String? = nil) throws -> Response {
        let chrome = Pages.Chrome(
            language: requestContext.language, account: requestContext.session?.account,
            csrfToken: csrf ?? requestContext.session?.csrfToken, path: Self.pathWithoutLanguage(request))
        let body = try pages.render(page, title: title, context: context, chrome: chrome)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func errorPage(_ status: HTTPResponse.Status, _ key: String, _ request: Request, _ context: ReviewContext) throws -> Response {
        let message = pages.word(key, context.language)
        return try html("error", title: message, ["message": message], request, context, status: status)
    }

    /// The request's path and query, less `lang`, for the language links.
    static func pathWithoutLanguage(_ request: Request) -> String {
        let uri = request.uri
        let query = uri.queryParameters.filter { $0.key != "lang" }
            .map { "\(Self.formEncoded(String($0.key)))=\(Self.formEncoded(String($0.value)))" }.joined(separator: "&")
        return uri.path + (query.isEmpty ? "" : "?" + query)
    }

    static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    func workersPage(_ request: Request, _ context: ReviewContext) throws -> Response {
        let query = request.uri.queryParameters.get("q") ?? ""
        let filter = request.uri.queryParameters.get("show").flatMap(Pages.WorkerFilter.init(rawValue:)) ?? .attention
        let page = request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1
        let rows = try data.workers(on: today)
        return try html("workers", title: pages.word("workers.title", context.language),
                        pages.workersContext(rows, query: query, filter: filter, page: page, context.language), request, context)
    }

    /// The IIN of the path, when it is one; a 404 otherwise, before anything is looked up.
    func iin(_ context: ReviewContext) throws -> IIN {
        guard let text = context.parameters.get("iin"), let iin = try? IIN(text) else { throw HTTPError(.notFound) }
        return iin
    }

    func workerPage(_ request: Request, _ context: ReviewContext) throws -> Response {
        guard let detail = try data.worker(try iin(context)) else { return try errorPage(.notFound, "error.notFound", request, context) }
        return try html("worker", title: detail.record.fullName, pages.workerContext(detail, canUpload: configuration.inbox != nil && context.session?.account.role == .officer, context.language), request, context)
    }

    /// A form of the worker's output folder, by a name from a fixed list: nothing of the request
    /// reaches the file system but a checked IIN and one of those names.
    func form(_ request: Request, _ context: ReviewContext) throws -> Response {
        let iin = try iin(context)
        guard let name = context.parameters.get("name"), let bytes = data.form(iin, named: name) else { throw HTTPError(.notFound) }
        let type = switch URL(fileURLWithPath: name).pathExtension {
        case "pdf": "application/pdf"
        case "html": "application/xhtml+xml; charset=utf-8"
        default: "application/json"
        }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "inline; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The worker's document of the path's content hash: looked up among the worker's files in
    /// the database, so the file read is one the watch recorded, never a path from the request.
    func document(_ context: ReviewContext) throws -> WorkspaceData.DocumentDetail {
        let iin = try iin(context)
        guard let sha256 = context.parameters.get("sha256"), sha256.count == 64, sha256.allSatisfy(\.isHexDigit),
            let detail = try data.document(iin, sha256: sha256.lowercased())
        else { throw HTTPError(.notFound) }
        return detail
    }

    func documentPage(_ request: Request, _ context: ReviewContext) throws -> Response {
        let detail = try document(context)
        return try html("document", title: URL(fileURLWithPath: detail.file.path).lastPathComponent,
                        pages.documentContext(detail, canCorrect: context.session?.account.role == .officer, context.language), request, context)
    }

    func pageImage(_ request: Request, _ context: ReviewContext) async throws -> Response {
        let detail = try document(context)
        guard let number = context.parameters.get("page").flatMap(Int.init), number >= 1,
            number <= detail.records.map(\.pages).max() ?? 0
        else { throw HTTPError(.notFound) }
        let png: Data
        do {
            let (path, source, rasterizer) = (detail.file.path, detail.records.first?.source, rasterizer)
            png = try await Self.offloaded { try PageImages.png(of: path, source: source, page: number, rasterizer: rasterizer) }
        } catch {
            throw HTTPError(.unprocessableContent, message: "\(error)")
        }
        return Response(status: .ok, headers: [.contentType: "image/png"], body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    /// The file as it was dropped into the inbox: PDFs and pictures shown, anything else saved.
    func original(_ request: Request, _ context: ReviewContext) throws -> Response {
        let detail = try document(context)
        guard let bytes = FileManager.default.contents(atPath: detail.file.path) else { throw HTTPError(.notFound) }
        let name = URL(fileURLWithPath: detail.file.path).lastPathComponent
        let type: String, disposition: String
        // Shown only as what its bytes are; anything else (an XML record, an unknown kind) is saved,
        // never rendered by the browser.
        let head = [UInt8](bytes.prefix(8))
        if head.starts(with: Array("%PDF-".utf8)) {
            (type, disposition) = ("application/pdf", "inline")
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            (type, disposition) = ("image/jpeg", "inline")
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            (type, disposition) = ("image/png", "inline")
        } else {
            (type, disposition) = ("application/octet-stream", "attachment")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "\(disposition); filename*=UTF-8''\(Self.formEncoded(name))"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Changes are an officer's, posted with the session's token: a viewer or a forged request
    /// changes nothing.
    func officer(_ context: ReviewContext, token: String?) throws -> Account {
        guard let session = context.session, CSRF.matches(token, session.csrfToken) else { throw HTTPError(.forbidden, message: "bad or missing form token") }
        guard session.account.role == .officer else { throw HTTPError(.forbidden, message: "a viewer changes nothing") }
        return session.account
    }

    struct CorrectionForm: Decodable {
        let csrf: String?
        /// The record's position in the file (a record set holds several).
        let record: Int
        let action: String
        let fact: String?
        let value: String?
        let reason: String?
        let note: String?
    }

    /// An officer's correction of a document, or decision on it: kept in the register against
    /// the document's content with who, when and what it replaced, audited, and the worker
    /// assessed again and the forms rewritten at once.
    func correct(_ request: Request, _ context: ReviewContext) async throws -> Response {
        let form = try await request.decode(as: CorrectionForm.self, context: context)
        let account = try officer(context, token: form.csrf)
        let detail = try document(context)
        guard detail.records.indices.contains(form.record) else { throw HTTPError(.badRequest) }
        let record = detail.decisions[form.record]?.record ?? detail.records[form.record]
        let previousDecision = detail.decisions[form.record]?.item.outcome.decision.rawValue
        let change: Correction.Change
        let previous: String?
        switch form.action {
        case "fact":
            guard let fact = form.fact.flatMap(EvidenceFact.init(rawValue:)), fact == .activity || EvidenceFact.correctable.contains(fact) else {
                throw HTTPError(.badRequest)
            }
            let value = try Self.correctedValue(form.value ?? "", of: fact)
            change = .fact(fact, value)
            previous = record.evidence.flatMap { fact.text(in: $0) } ?? (fact == .activity ? (record.activity ?? record.activityGuess)?.rawValue : nil)
        case "accept":
            (change, previous) = (.accepted, previousDecision)
        case "refuse":
            let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let reason = form.reason.flatMap(RefusalReason.init(rawValue:)), !note.isEmpty, note.count <= 500 else { throw HTTPError(.badRequest) }
            (change, previous) = (.refused(reason, note: note), previousDecision)
        default:
            throw HTTPError(.badRequest)
        }
        let iin = detail.worker.iin
        let correction = Correction(sha256: record.sha256, item: record.item, change: change, by: account.name, on: today)
        try data.register.record(correction, previous: previous, for: iin)
        try accounts.record("correction", subject: iin.digits, by: account.name, old: previous, new: "\(record.sha256.prefix(12)) \(correction.slot) \(change)")
        try await Self.offloaded { try reassess(iin) }
        return .redirect(to: "/workers/\(iin.digits)/documents/\(record.sha256)", type: .normal)
    }

    /// Work that blocks (a child process decoding a page, forms rendered to PDF) runs off Swift's
    /// cooperative threads, so that other requests go on meanwhile.
    static func offloaded<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// A value typed by an officer in the form `EvidenceFact.set` reads: a date as 18.03.2023 or
    /// 2023-03-18, an amount with a decimal comma or point; empty for "not stated".
    static func correctedValue(_ typed: String, of fact: EvidenceFact) throws -> String? {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        var value = text
        if [.startDate, .endDate, .issueDate].contains(fact), let date = CalendarDate(dottedDayFirst: text) { value = date.description }
        if [.hours, .credits].contains(fact) { value = value.replacingOccurrences(of: ",", with: ".") }
        var scratch = Evidence(criterion: 1)
        do { try fact.set(value, in: &scratch) } catch { throw HTTPError(.unprocessableContent, message: "\(error)") }
        return fact.text(in: scratch) ?? value
    }

    /// The worker assessed again from the stored readings and the corrections, the forms
    /// rewritten as the watch writes them, and the watch's state noted, unless the watch read a
    /// file meanwhile (then it assesses the worker itself).
    func reassess(_ iin: IIN) throws {
        let folder = iin.digits
        guard let worker = try? data.confirmation.worker(iin: folder) else { return }
        let readings = try data.watch.readings(worker: folder)
        let confirmed = try data.confirmation.confirm(
            worker, records: try data.watch.records(worker: folder),
            writing: (forms, .formSet(configuration.output.appendingPathComponent(folder), writeFile: FormSet.writeDurably)))
        let documents = confirmed.assessment.documents
        try data.watch.assessed(
            worker: folder, at: configuration.now().timeIntervalSince1970, meets: confirmed.assessment.assessment.meetsCPDRequirements,
            total: confirmed.assessment.assessment.totals.total.description, review: documents.count { $0.item.outcome.decision == .review },
            refused: documents.count { $0.item.outcome.decision == .refused }, ifReadingsAre: readings)
    }

    /// A file dropped on a worker's page (the body, `?name=` its file name), written into the
    /// worker's inbox folder for the watch to read like any other.
    func upload(_ request: Request, _ context: ReviewContext) async throws -> Response {
        let account = try officer(context, token: request.headers[HTTPField.Name("X-CSRF-Token")!])
        let iin = try iin(context)
        guard try data.register.worker(iin) != nil else { throw HTTPError(.notFound) }
        guard let inbox = configuration.inbox else { throw HTTPError(.conflict, message: Upload.Refusal.noInbox.description) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: configuration.uploadLimit)
        } catch {
            throw HTTPError(.contentTooLarge, message: Upload.Refusal.tooLarge(limit: configuration.uploadLimit).description)
        }
        let name = request.uri.queryParameters.get("name") ?? "upload"
        let outcome: Upload.Outcome
        do {
            outcome = try Upload.write(Data(buffer: body), named: name, into: inbox.appendingPathComponent(iin.digits), limit: configuration.uploadLimit)
        } catch let refusal as Upload.Refusal {
            throw HTTPError(refusal == .notEvidence ? .unsupportedMediaType : .unprocessableContent, message: refusal.description)
        }
        let json: String, status: HTTPResponse.Status
        switch outcome {
        case .written(let file):
            try accounts.record("file uploaded", subject: iin.digits, by: account.name, new: file)
            (json, status) = (#"{"status":"written","file":"\#(Self.jsonEscaped(file))"}"#, .created)
        case .present(let file):
            (json, status) = (#"{"status":"present","file":"\#(Self.jsonEscaped(file))"}"#, .ok)
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func jsonEscaped(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "\"", "\\": "\\\(scalar)"
            case _ where scalar.value < 0x20: String(format: "\\u%04x", scalar.value)
            default: String(scalar)
            }
        }.joined()
    }

    /// The latest changes and sign-ins, for an officer.
    func auditPage(_ request: Request, _ context: ReviewContext) throws -> Response {
        guard context.session?.account.role == .officer else { return try errorPage(.forbidden, "error.forbidden", request, context) }
        let language = context.language
        let entries = try accounts.auditTrail().map { entry -> [String: Any] in
            [
                "when": entry.at.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)),
                "who": entry.account, "action": pages.word("audit.action.\(entry.action.replacingOccurrences(of: " ", with: "-"))", language),
                "subject": entry.subject, "worker": WorkerFolder.isIINShaped(entry.subject), "old": entry.oldValue ?? "", "new": entry.newValue ?? "",
            ]
        }
        return try html("audit", title: pages.word("nav.audit", language), ["entries": entries], request, context)
    }

    func recordPage(_ request: Request, _ context: ReviewContext) throws -> Response {
        let iin = try iin(context)
        guard let record = try data.register.worker(iin) else { return try errorPage(.notFound, "error.notFound", request, context) }
        return try html("record", title: record.fullName, pages.recordContext(record, changes: try data.register.history(of: iin), context.language), request, context)
    }

    func registerList(_ request: Request, _ context: ReviewContext) throws -> Response {
        let language = context.language
        let word = { (key: String) in pages.word(key, language) }
        let list: [String: Any]
        switch context.parameters.get("list") {
        case "expiring":
            list = pages.listContext(
                heading: word("list.expiring.title"), columns: [word("list.certificate"), word("list.expiresOn"), word("list.employer")],
                rows: try data.register.expiring(on: today).map { ($0.iin, $0.fullName, [$0.certificateNumber ?? "", language.format($0.expiresOn), $0.employerBIN?.digits ?? ""]) })
        case "blocked":
            list = pages.listContext(
                heading: word("list.blocked.title"), columns: [word("list.certificate"), word("list.expiresOn"), word("list.employer")],
                rows: try data.register.blocked(on: today).map { ($0.iin, $0.fullName, [$0.certificateNumber ?? "", language.format($0.expiresOn), $0.employerBIN?.digits ?? ""]) })
        case "due":
            list = pages.listContext(
                heading: word("list.due.title"), columns: [word("col.category"), word("list.reason")],
                rows: try data.register.dueForTraining(on: today).map { due in
                    let reason = switch due.reason {
                    case .noConfirmation: word("due.noAssessment")
                    case .confirmationOutsideWindow(let last): "\(word("due.assessmentTooOld")) (\(language.format(last)))"
                    case .shortfall: word("due.requirementsNotMet")
                    }
                    return (due.iin, due.fullName, [pages.wording.name(of: due.targetCategory, in: language), reason])
                })
        default:
            return try errorPage(.notFound, "error.notFound", request, context)
        }
        return try html("list", title: list["heading"] as? String ?? "", list, request, context)
    }

    // MARK: Signing in and out

    struct SignInForm: Decodable {
        let csrf: String?
        let name: String
        let password: String
    }

    static let signInCookie = "cpd_signin"

    /// The sign-in page, with a token of its own in a cookie and in the form: a sign-in posted
    /// from another site carries neither.
    func signInPage(_ request: Request, _ context: ReviewContext, failed: Bool = false, throttled: Bool = false, name: String = "",
                    status: HTTPResponse.Status = .ok) throws -> Response {
        if context.session != nil, !failed, !throttled { return .redirect(to: "/", type: .normal) }
        let token = Accounts.randomToken()
        var response = try html(
            "login", title: pages.word("login.title", context.language), ["failed": failed, "throttled": throttled, "name": name],
            request, context, status: status, csrf: token)
        response.setCookie(Cookie(name: Self.signInCookie, value: token, path: "/login", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func signIn(_ request: Request, _ context: ReviewContext) async throws -> Response {
        let form = try await request.decode(as: SignInForm.self, context: context)
        guard let expected = request.cookies[Self.signInCookie]?.value, CSRF.matches(form.csrf, expected) else {
            return try errorPage(.forbidden, "error.csrf", request, context)
        }
        let now = configuration.now()
        let keys = ["account:" + form.name.lowercased()] + (context.remoteAddress.map { ["address:" + $0] } ?? [])
        if let wait = throttle.wait(for: keys, at: now) {
            var response = try signInPage(request, context, throttled: true, name: form.name, status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(wait.rounded(FloatingPointRoundingRule.up)))
            return response
        }
        let accounts = accounts
        // bcrypt takes a quarter of a second by design: off the cooperative threads.
        guard let account = try await Self.offloaded({ try accounts.verify(name: form.name, password: form.password) }) else {
            throttle.failed(keys, at: now)
            try accounts.record("sign-in refused", subject: form.name, by: form.name)
            return try signInPage(request, context, failed: true, name: form.name, status: .unauthorized)
        }
        throttle.succeeded([keys[0]])
        let token = try accounts.openSession(for: account)
        try accounts.record("signed in", subject: account.name, by: account.name)
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(Cookie(
            name: SessionLoader.sessionCookie, value: token, path: "/", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
        response.setCookie(Cookie(name: Self.signInCookie, value: "", maxAge: 0, path: "/login", httpOnly: true, sameSite: .strict))
        return response
    }

    struct TokenForm: Decodable {
        let csrf: String?
    }

    func signOut(_ request: Request, _ context: ReviewContext) async throws -> Response {
        let form = try await request.decode(as: TokenForm.self, context: context)
        guard let session = context.session, let token = context.sessionToken, CSRF.matches(form.csrf, session.csrfToken) else {
            return try errorPage(.forbidden, "error.csrf", request, context)
        }
        try accounts.closeSession(token: token)
        try accounts.record("signed out", subject: session.account.name, by: session.account.name)
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(Cookie(name: SessionLoader.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}
