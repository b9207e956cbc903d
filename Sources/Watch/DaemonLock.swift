import Foundation

/// One watch per database: an exclusive `flock` on `<database>.lock`, held for the life of the
/// process and released by the kernel however it ends. The lock is on a file of its own,
/// never the database, whose descriptors only SQLite may open and close.
public final class DaemonLock: Sendable {
    /// Another process holds the lock.
    public struct Held: Error, CustomStringConvertible {
        public let lockFile: String
        /// The holder's process id, as it wrote it into the lock file.
        public let pid: Int32?

        public var description: String {
            "another cpd watch\(pid.map { " (pid \($0))" } ?? "") is using this database (lock \(lockFile))"
        }
    }

    /// The lock file cannot be made or locked.
    public struct Unavailable: Error, CustomStringConvertible {
        public let lockFile: String
        public let code: Int32
        /// The folder cannot be written, so neither can the database.
        public var isReadOnly: Bool { [EACCES, EPERM, EROFS].contains(code) }
        public var description: String { "cannot lock \(lockFile): \(String(cString: strerror(code)))" }
    }

    private let descriptor: Int32

    /// Takes the lock beside `database`, or throws `Held` at once when another process has it.
    public init(beside database: String) throws {
        let path = database + ".lock"
        try? FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Unavailable(lockFile: path, code: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            defer { close(descriptor) }
            guard failure == EWOULDBLOCK else { throw Unavailable(lockFile: path, code: failure) }
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
            throw Held(lockFile: path, pid: Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
