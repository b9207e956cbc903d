import Foundation
import GRDB
import Synchronization

/// The SQLite file `cpd watch`, `cpd status` and `cpd register` share: one opening for all of them,
/// so each waits for the others rather than failing, and the file stays its owner's.
public enum SharedDatabase {
    /// How long a process waits for another that holds the file (the watch recording a worker).
    static let busyTimeout: TimeInterval = 10

    /// Opens the database at `path` in WAL mode, creating it and its folder readable by their owner
    /// only.
    ///
    /// SQLite creates the file, its `-wal` and `-shm` under a umask that keeps them the owner's.
    /// Nothing but SQLite may open the file: closing any other descriptor of it drops the process's
    /// POSIX locks, and another process closing the database would then take itself for the last
    /// user and delete the journal.
    ///
    /// Switching a new file to WAL needs it alone, and SQLite answers "busy" at once, without
    /// waiting, when two processes open a new file together; the opening is then tried again until
    /// the busy timeout.
    public static func open(path: String) throws -> DatabasePool {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        // The umask is the process's: openings in parallel (a server's requests, a test suite)
        // take turns, or one would restore the mask while another creates its file.
        return try umaskTurn.withLock { _ in
            let previous = umask(0o077)
            defer { umask(previous) }
            return try openPool(path: path, configuration: configuration)
        }
    }

    private static let umaskTurn = Mutex(())

    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }
}
