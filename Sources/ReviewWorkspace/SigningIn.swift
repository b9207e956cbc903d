import Foundation
import Hummingbird

/// Signing in through the sign-in page, and out.
extension ReviewServer {
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
