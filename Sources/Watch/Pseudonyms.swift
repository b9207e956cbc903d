import CGLib
import Foundation

/// Names for workers in logs that are not their IINs: HMAC-SHA256 of the IIN under a secret
/// key, first 12 hex digits. IINs are few and structured, so an unkeyed hash would be
/// reversed by trying them all; without the key, the log's names say nothing.
public struct Pseudonyms: Sendable {
    private let key: [UInt8]

    public init(key: [UInt8]) { self.key = key }

    /// A key made at random, for a daemon that keeps no key file.
    public static func random() -> Pseudonyms {
        var generator = SystemRandomNumberGenerator()
        return Pseudonyms(key: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The key kept in `<database>.key`, made (32 random bytes, readable by its owner only) the
    /// first time; the same key gives the same names across restarts.
    public init(beside database: String) throws {
        let path = database + ".key"
        if let key = FileManager.default.contents(atPath: path), key.count >= 32 {
            self.init(key: Array(key))
            return
        }
        let made = Self.random()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 && errno == EEXIST, let key = FileManager.default.contents(atPath: path), key.count >= 32 {
            self.init(key: Array(key))  // made by another process meanwhile
            return
        }
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        guard write(descriptor, made.key, made.key.count) == made.key.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        self = made
    }

    /// "w-" and 12 hex digits: the same worker always gets the same one under the same key.
    public func name(_ worker: String) -> String {
        let bytes = Array(worker.utf8)
        let digest = key.withUnsafeBufferPointer { key in
            bytes.withUnsafeBufferPointer { data in
                g_compute_hmac_for_data(G_CHECKSUM_SHA256, key.baseAddress, gsize(key.count), data.baseAddress, gsize(data.count))!
            }
        }
        defer { g_free(digest) }
        return "w-" + String(cString: digest).prefix(12)
    }
}
