import Foundation

/// A client of the W3C WebDriver protocol as chromedriver speaks it: plain JSON over HTTP on
/// loopback (`LoopbackHTTP`), only the commands the tests use. Every request has a time limit,
/// so a browser that hangs fails the test instead of holding the suite.
struct WebDriver: Sendable {
    /// The key under which WebDriver names an element in its answers (W3C, section 12.2).
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    struct Failure: Error, CustomStringConvertible {
        let command: String
        let error: String
        let message: String
        var description: String { "WebDriver \(command): \(error): \(message)" }
    }

    /// An element of the current page, by the driver's reference.
    struct Element: Sendable {
        let id: String
    }

    /// One entry of the browser's console log (chromedriver's `goog:loggingPrefs`).
    struct LogEntry: Sendable, CustomStringConvertible {
        let level: String
        let source: String
        let message: String
        var description: String { "\(level) \(source): \(message)" }
    }

    /// chromedriver's port on 127.0.0.1.
    let port: Int
    let sessionID: String

    /// Opens a headless Chromium session: a fixed window of `width`×`height` so that layouts
    /// and screenshots do not depend on the machine, the browser's console log kept, and the
    /// profile in `profile` (a folder the caller removes) so the processes can be found later.
    static func open(
        driverPort port: Int, chromium: String, profile: URL, width: Int = 1280, height: Int = 900, language: String = "en"
    ) async throws -> WebDriver {
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "timeouts": ["pageLoad": 30_000, "script": 10_000, "implicit": 0],
                    "goog:loggingPrefs": ["browser": "ALL"],
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--hide-scrollbars",
                            "--window-size=\(width),\(height)", "--force-device-scale-factor=1", "--lang=\(language)",
                            "--user-data-dir=\(profile.path)",
                        ],
                        "prefs": ["intl.accept_languages": language],
                    ] as [String: Any],
                ] as [String: Any]
            ]
        ]
        let answer = try await Self.send(port, "POST", "/session", capabilities)
        guard let value = answer as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(command: "new session", error: "no session", message: "\(String(describing: answer))")
        }
        return WebDriver(port: port, sessionID: id)
    }

    private init(port: Int, sessionID: String) {
        self.port = port
        self.sessionID = sessionID
    }

    // MARK: Commands

    func navigate(to url: String) async throws {
        _ = try await command("POST", "/url", ["url": url])
    }

    func currentURL() async throws -> String {
        try await command("GET", "/url", nil) as? String ?? ""
    }

    func title() async throws -> String {
        try await command("GET", "/title", nil) as? String ?? ""
    }

    func find(_ selector: String) async throws -> Element {
        try Self.element(await command("POST", "/element", ["using": "css selector", "value": selector]), selector)
    }

    func findAll(_ selector: String) async throws -> [Element] {
        let answer = try await command("POST", "/elements", ["using": "css selector", "value": selector]) as? [Any] ?? []
        return try answer.map { try Self.element($0, selector) }
    }

    func click(_ element: Element) async throws {
        _ = try await command("POST", "/element/\(element.id)/click", [:])
    }

    func type(_ text: String, into element: Element) async throws {
        _ = try await command("POST", "/element/\(element.id)/value", ["text": text])
    }

    func attribute(_ name: String, of element: Element) async throws -> String? {
        try await command("GET", "/element/\(element.id)/attribute/\(name)", nil) as? String
    }

    func text(of element: Element) async throws -> String {
        try await command("GET", "/element/\(element.id)/text", nil) as? String ?? ""
    }

    /// Runs `script` as the body of a function in the page and returns its value.
    func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("POST", "/execute/sync", ["script": script, "args": arguments])
    }

    /// The console entries logged since the last call (chromedriver empties the log on reading).
    func browserLog() async throws -> [LogEntry] {
        let entries = try await command("POST", "/se/log", ["type": "browser"]) as? [[String: Any]] ?? []
        return entries.map {
            LogEntry(level: $0["level"] as? String ?? "", source: $0["source"] as? String ?? "", message: $0["message"] as? String ?? "")
        }
    }

    /// The viewport as a PNG.
    func screenshot() async throws -> Data {
        guard let base64 = try await command("GET", "/screenshot", nil) as? String, let data = Data(base64Encoded: base64) else {
            throw Failure(command: "screenshot", error: "no image", message: "the answer held no base64 PNG")
        }
        return data
    }

    /// Waits until `script` returns true in the page, polling; false when `timeout` passes first.
    func wait(until script: String, timeout: Duration = .seconds(15)) async throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if try await execute(script) as? Bool == true { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// Ends the session: chromedriver closes the browser.
    func quit() async throws {
        _ = try await Self.send(port, "DELETE", "/session/\(sessionID)", nil)
    }

    // MARK: Transport

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any? {
        try await Self.send(port, method, "/session/\(sessionID)\(path)", body)
    }

    private static func element(_ value: Any?, _ selector: String) throws -> Element {
        guard let object = value as? [String: Any], let id = object[elementKey] as? String else {
            throw Failure(command: "find \(selector)", error: "no element", message: "\(String(describing: value))")
        }
        return Element(id: id)
    }

    /// One request; the answer's `value`, or the driver's error thrown.
    private static func send(_ port: Int, _ method: String, _ path: String, _ body: [String: Any]?) async throws -> Any? {
        let answer = try await LoopbackHTTP.send(port: port, method, path, body: try body.map { try JSONSerialization.data(withJSONObject: $0) })
        let json = answer.body.isEmpty ? nil : try JSONSerialization.jsonObject(with: answer.body, options: [.fragmentsAllowed])
        let value = (json as? [String: Any])?["value"]
        guard (200..<300).contains(answer.status) else {
            let error = value as? [String: Any]
            throw Failure(
                command: "\(method) \(path)", error: error?["error"] as? String ?? "HTTP \(answer.status)",
                message: (error?["message"] as? String).map { String($0.prefix(600)) } ?? String(decoding: answer.body.prefix(600), as: UTF8.self))
        }
        return value is NSNull ? nil : value
    }
}
