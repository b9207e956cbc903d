import CPDRules
import Forms
import Foundation
import HTTPTypes
import Hummingbird
import Logging
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
        data = WorkspaceData(
            register: register, watch: try WatchStore(path: configuration.database),
            confirmation: WorkerConfirmation(register: WorkerDirectory(source: .database(register)), settings: configuration.settings),
            output: configuration.output)
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
        router.get("/static/icon.svg") { _, _ in
            Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: .init(byteBuffer: ByteBuffer(string: pages.icon)))
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
        // Shown only as what its bytes are (the kinds an upload is checked for); anything else (an
        // XML record, a TIFF a browser does not show) is saved, never rendered by the browser.
        let (type, disposition) = switch Upload.kind(of: bytes) {
        case "pdf": ("application/pdf", "inline")
        case "jpg": ("image/jpeg", "inline")
        case "png": ("image/png", "inline")
        default: ("application/octet-stream", "attachment")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "\(disposition); filename*=UTF-8''\(Self.formEncoded(name))"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
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
}
