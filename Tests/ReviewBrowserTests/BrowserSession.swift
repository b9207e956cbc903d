import Foundation
import Testing

/// The real `cpd serve` and a headless Chromium driven by chromedriver, both on free loopback
/// ports, for the length of one test: started, checked to answer, and stopped at the end whatever
/// happened, the browser's processes included.
struct BrowserSession {
    let driver: WebDriver
    /// Where `cpd serve` listens: `http://127.0.0.1:PORT`.
    let base: String
    /// The database, inbox and forms the server works on.
    let workspace: ServedWorkspace

    /// Runs `body` against a fresh server and browser. When the programs are missing the test
    /// fails saying what to install (or is skipped with CPD_SKIP_BROWSER=1, see the suite).
    /// `watching`: the server is `cpd serve --watch`, and reads what is uploaded.
    static func run(watching: Bool = false, _ body: (BrowserSession) async throws -> Void) async throws {
        let tools: BrowserTools
        switch BrowserTools.find() {
        case .success(let found): tools = found
        case .failure(let missing):
            Issue.record("\(missing)")
            return
        }
        let workspace = try await ServedWorkspace()
        let serverPort = try Loopback.freePort()
        let server = try workspace.serve(port: serverPort, watching: watching)
        defer { server.stop() }
        let driverPort = try Loopback.freePort()
        let chromedriver = try ChildProcess(
            tools.chromedriver, ["--port=\(driverPort)", "--allowed-ips=127.0.0.1"], log: workspace.root.appendingPathComponent("chromedriver.log"))
        let profile = workspace.root.appendingPathComponent("chromium-profile")
        defer {
            chromedriver.stop()
            for pid in Loopback.processes(naming: profile.path) { kill(pid, SIGKILL) }
        }
        let base = "http://127.0.0.1:\(serverPort)"
        guard await Loopback.waitUntilAnswering(port: serverPort, "/login", process: server) else {
            Issue.record("cpd serve did not answer on \(base) within 30 s:\n\(server.output)")
            return
        }
        guard await Loopback.waitUntilAnswering(port: driverPort, "/status", process: chromedriver) else {
            Issue.record("chromedriver did not answer on port \(driverPort) within 30 s:\n\(chromedriver.output)")
            return
        }
        let driver = try await WebDriver.open(driverPort: driverPort, chromium: tools.chromium, profile: profile)
        var failure: (any Error)?
        do { try await body(BrowserSession(driver: driver, base: base, workspace: workspace)) } catch { failure = error }
        try? await driver.quit()
        if let failure {
            throw failure
        }
    }

    // MARK: What a person does

    func open(_ path: String) async throws {
        try await driver.navigate(to: base + path)
    }

    /// Waits for the page at `path` (and query, when given) to be the one shown.
    func expectPage(_ path: String, query: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var condition = "location.pathname === \(Self.quoted(path)) && document.readyState === 'complete'"
        if let query { condition += " && location.search === \(Self.quoted(query))" }
        let shown = try await driver.wait(until: "return \(condition);")
        let current = try await driver.currentURL()
        #expect(shown, "expected \(path)\(query ?? ""), the browser shows \(current)", sourceLocation: sourceLocation)
    }

    func signIn(_ name: String, _ password: String) async throws {
        try await open("/login")
        try await driver.type(name, into: try await driver.find("form.login input[name=name]"))
        try await driver.type(password, into: try await driver.find("form.login input[name=password]"))
        try await driver.click(try await driver.find("form.login button[type=submit]"))
    }

    /// The console's complaints since the last call that a person would not see but that mean
    /// the page is broken: what the Content Security Policy refused, and script errors.
    func consoleProblems() async throws -> [WebDriver.LogEntry] {
        try await driver.browserLog().filter { $0.message.contains("Content Security Policy") || $0.source == "javascript" }
    }

    /// Expects the console to hold no such complaint.
    func expectCleanConsole(on page: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let problems = try await consoleProblems()
        #expect(problems.isEmpty, "\(page): \(problems.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// A JavaScript string literal.
    static func quoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }
}
