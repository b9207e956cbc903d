import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The programs the browser tests need, found on PATH as Debian's `chromium` and
/// `chromium-driver` packages install them (Scripts/install-dependencies installs both), or
/// where CPD_CHROMIUM and CPD_CHROMEDRIVER name them (a path, or a name looked up on PATH).
struct BrowserTools: Sendable {
    let chromium: String
    let chromedriver: String

    /// Set to 1 where no browser can be had: the browser tests are skipped, saying so.
    static let skipped = ProcessInfo.processInfo.environment["CPD_SKIP_BROWSER"] == "1"
    static let skipMessage = "CPD_SKIP_BROWSER=1: the review workspace is not tried in a browser"

    /// Both programs, or what is missing and how to get it.
    static func find() -> Result<BrowserTools, Missing> {
        let environment = ProcessInfo.processInfo.environment
        let names = (chromium: environment["CPD_CHROMIUM"] ?? "chromium", chromedriver: environment["CPD_CHROMEDRIVER"] ?? "chromedriver")
        let chromium = executable(named: names.chromium)
        let chromedriver = executable(named: names.chromedriver)
        guard let chromium, let chromedriver else {
            return .failure(Missing(programs: [chromium == nil ? names.chromium : nil, chromedriver == nil ? names.chromedriver : nil].compactMap { $0 }))
        }
        return .success(BrowserTools(chromium: chromium, chromedriver: chromedriver))
    }

    struct Missing: Error, CustomStringConvertible {
        let programs: [String]
        var description: String {
            "\(programs.joined(separator: " and ")) not found: install the Debian packages chromium and chromium-driver "
                + "(Scripts/install-dependencies does), or set CPD_SKIP_BROWSER=1 to skip the browser tests"
        }
    }

    static func executable(named name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A program the test started, its output kept in a file for the failure message, stopped at
/// the end: SIGTERM, then SIGKILL if it has not gone within a few seconds.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let log: URL

    init(_ executable: String, _ arguments: [String], log: URL, environment: [String: String]? = nil) throws {
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// The last lines it wrote, for a failure message.
    var output: String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(20).joined(separator: "\n")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

enum Loopback {
    /// A port on 127.0.0.1 that nothing listens on now: the kernel picks it for a socket bound to
    /// port 0, and the socket is closed for the program to take it.
    static func freePort() throws -> Int {
        let bound = try boundSocket()
        close(bound.socket)
        return bound.port
    }

    /// A socket bound to a port on 127.0.0.1 the kernel picks, and the port; the caller closes it.
    static func boundSocket() throws -> (socket: Int32, port: Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else {
            close(socket)
            throw POSIXError(.EADDRINUSE)
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Waits until `path` on `port` answers over HTTP (any status) while `process` runs; false
    /// when it has not within `timeout`, or the process ended. It asks at least once, however
    /// late the task gets a thread.
    static func waitUntilAnswering(port: Int, _ path: String, process: ChildProcess, timeout: Duration = .seconds(30)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        repeat {
            if (try? await LoopbackHTTP.send(port: port, "GET", path, timeout: 2)) != nil { return true }
            try? await Task.sleep(for: .milliseconds(100))
        } while clock.now < deadline && process.isRunning
        return false
    }

    /// The processes whose command line names `marker` (a folder only this test's processes
    /// are given), by id: a browser that outlived its driver is stopped by its own id.
    static func processes(naming marker: String) -> [pid_t] {
        let own = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard pid != own, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(marker)
        }
    }
}

/// HTTP/1.1 to a program on loopback, one request a connection (`Connection: close`), with a
/// time limit on the whole exchange.
///
/// Not URLSession: chromedriver writes its header fields without a space after the colon
/// (`Content-Length:252`), which RFC 9110 allows and the FoundationNetworking of Swift 6.3 refuses
/// ("Failed writing header"; fixed upstream by swift-corelibs-foundation pull request 5527).
enum LoopbackHTTP {
    struct Response {
        let status: Int
        let body: Data
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The exchange runs on a Dispatch thread: the blocking socket never holds one of the few
    /// threads Swift's concurrency runs the tests on.
    static func send(port: Int, _ method: String, _ path: String, body: Data? = nil, timeout: Double = 60) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try exchange(port: port, method, path, body: body, timeout: timeout) })
            }
        }
    }

    static func exchange(port: Int, _ method: String, _ path: String, body: Data?, timeout: Double) throws -> Response {
        let deadline = Date().addingTimeInterval(timeout)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "no socket: errno \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else { throw Failure(description: "cannot connect to 127.0.0.1:\(port): errno \(errno)") }

        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        if let body {
            request.append(Data("Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n".utf8))
        } else if method == "POST" {
            request.append(Data("Content-Length: 0\r\n".utf8))
        }
        request.append(Data("\r\n".utf8))
        if let body { request.append(body) }
        try limit(socket, until: deadline, option: SO_SNDTIMEO)
        var sent = 0
        while sent < request.count {
            let written = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure(description: "\(method) \(path): sending failed: errno \(errno)") }
            sent += written
        }

        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Int?
        var length: Int?
        while true {
            if let headerEnd, let length, received.count - headerEnd >= length { break }
            try limit(socket, until: deadline, option: SO_RCVTIMEO)
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { break }
            guard count > 0 else {
                throw Failure(description: "\(method) \(path): no answer within \(Int(timeout)) s (errno \(errno))")
            }
            received.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let range = received.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = range.upperBound
                let header = String(decoding: received[..<range.lowerBound], as: UTF8.self).lowercased()
                for line in header.split(separator: "\r\n") {
                    let field = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    if field.count == 2, field[0] == "content-length" { length = Int(field[1]) }
                    if field.count == 2, field[0] == "transfer-encoding", field[1] != "identity" {
                        throw Failure(description: "\(method) \(path): the answer is \(field[1]), which this client does not read")
                    }
                }
            }
        }
        guard let headerEnd else { throw Failure(description: "\(method) \(path): the answer has no complete header") }
        let statusLine = String(decoding: received.prefix(while: { $0 != 13 }), as: UTF8.self).split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw Failure(description: "\(method) \(path): no status line in the answer")
        }
        let end = length.map { min(received.count, headerEnd + $0) } ?? received.count
        return Response(status: status, body: received.subdata(in: headerEnd..<end))
    }

    /// Sets the socket's send or receive timeout to what is left until `deadline`.
    private static func limit(_ socket: Int32, until deadline: Date, option: Int32) throws {
        let left = deadline.timeIntervalSinceNow
        guard left > 0 else { throw Failure(description: "the time for the exchange is over") }
        var time = timeval(tv_sec: Int(left), tv_usec: Int((left - left.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, option, &time, socklen_t(MemoryLayout<timeval>.size))
    }
}
