import Foundation
import HTTPTypes
import Hummingbird
import Wording

/// Headers on every response: the pages show personal data, so nothing is cached, framed, sniffed
/// or sent as a referrer, and only the workspace's own style sheet, images and script may load (no
/// inline script or style at all), the script talking to the workspace alone (an upload).
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ReviewContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        return response
    }
}

/// Finds the session of the request's cookie, and the page's language: `?lang=` (kept in a
/// cookie), else the cookie, else the browser's `Accept-Language`, else Russian.
struct SessionLoader: RouterMiddleware {
    typealias Context = ReviewContext
    static let sessionCookie = "cpd_session"
    static let languageCookie = "cpd_lang"

    let accounts: Accounts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.sessionCookie]?.value, let session = try accounts.session(token: token) {
            context.session = session
            context.sessionToken = token
        }
        let asked = request.uri.queryParameters.get("lang").flatMap(FormLanguage.init(rawValue:))
        context.language = asked ?? request.cookies[Self.languageCookie].flatMap { FormLanguage(rawValue: $0.value) }
            ?? Self.preferred(request.headers[.acceptLanguage] ?? "")
        var response = try await next(request, context)
        if let asked {
            response.setCookie(Cookie(name: Self.languageCookie, value: asked.rawValue, maxAge: 365 * 86400, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// The first of the browser's languages the workspace speaks, by quality.
    static func preferred(_ header: String) -> FormLanguage {
        let ranked = header.split(separator: ",").enumerated().compactMap { position, part -> (FormLanguage, Double, Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), let language = FormLanguage(rawValue: String(tag.prefix(2))) else { return nil }
            let quality = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (language, quality, position)
        }
        return ranked.filter { $0.1 > 0 }.sorted { ($0.1, -$0.2) > ($1.1, -$1.2) }.first?.0 ?? .ru
    }
}

/// Pages behind a sign-in: a browser without a session is sent to the sign-in page; any other
/// request is refused.
struct RequireSession: RouterMiddleware {
    typealias Context = ReviewContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.session != nil else {
            if request.method == .get || request.method == .head { return .redirect(to: "/login", type: .normal) }
            throw HTTPError(.unauthorized)
        }
        return try await next(request, context)
    }
}

/// Every form posted carries the session's token (SameSite cookies are not the only defence),
/// compared in constant time.
enum CSRF {
    static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
