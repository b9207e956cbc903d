import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One run of a program, stopped when its time is up: what it wrote on standard output, the
/// last lines it wrote on standard error, and how it ended.
struct ChildRun {
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed because `timeLimit` passed.
        case timedOut
        /// Killed because its output passed `outputLimit`.
        case tooMuchOutput
    }

    let ending: Ending
    let output: Data
    /// The last distinct lines of its standard error.
    let errorLines: [String]

    /// Runs `executable` with `arguments` and waits for it. Its standard input is /dev/null.
    /// Throws only when the program cannot be started.
    static func run(
        _ executable: String, _ arguments: [String], timeLimit: Duration, outputLimit: Int
    ) throws(SpawnFailure) -> ChildRun {
        var outputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        var pid: pid_t = 0
        // Pipes are made close-on-exec and the child started under one lock, so a child
        // started by another thread never inherits this child's pipes (it would hold the
        // write end open and delay the end of this one's output).
        let status = spawnLock.withLock {
            guard makePipe(&outputPipe) else { return errno }
            guard makePipe(&errorPipe) else {
                let failure = errno
                close(outputPipe[0]); close(outputPipe[1])
                return failure
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            close(outputPipe[1])
            close(errorPipe[1])
            if status != 0 { close(outputPipe[0]); close(errorPipe[0]) }
            return status
        }
        guard status == 0 else { throw SpawnFailure(errno: status) }
        defer { close(outputPipe[0]); close(errorPipe[0]) }

        let deadline = ContinuousClock.now + timeLimit
        var output = Data(), errors = Data()
        var open = [outputPipe[0], errorPipe[0]]
        var stopped: Ending?
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty && stopped == nil {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { stopped = .timedOut; break }
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&polled, nfds_t(polled.count), milliseconds)
            if ready < 0 && errno == EINTR { continue }
            for entry in polled where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count <= 0 {
                    if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    open.removeAll { $0 == entry.fd }
                } else if entry.fd == outputPipe[0] {
                    output.append(buffer, count: count)
                    if output.count > outputLimit { stopped = .tooMuchOutput }
                } else {
                    // Only the end of standard error is kept: a damaged PDF can make poppler
                    // write millions of lines.
                    errors.append(buffer, count: count)
                    if errors.count > 2 * Self.errorTailLength { errors = errors.suffix(Self.errorTailLength) }
                }
            }
        }
        if stopped != nil { kill(pid, SIGKILL) }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        let ending: Ending =
            stopped
            ?? ((waitStatus & 0x7f) == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(waitStatus & 0x7f))
        return ChildRun(ending: ending, output: output, errorLines: Self.lastLines(of: errors))
    }

    private static let errorTailLength = 4096
    private static let spawnLock = NSLock()

    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    private static func lastLines(of data: Data) -> [String] {
        let lines = String(decoding: data.suffix(Self.errorTailLength), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var distinct: [String] = []
        for line in lines.reversed() where !distinct.contains(line) {
            distinct.insert(line, at: 0)
            if distinct.count == 3 { break }
        }
        return distinct
    }
}

/// `posix_spawn` failed: the program is missing or cannot be executed.
struct SpawnFailure: Error, CustomStringConvertible {
    let errno: Int32
    var description: String { String(cString: strerror(errno)) }
}
