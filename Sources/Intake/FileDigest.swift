import CGLib
import Foundation

/// SHA-256 of a file's bytes, read in blocks so a large scan never sits in memory twice.
public enum FileDigest {
    public static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let checksum = g_checksum_new(G_CHECKSUM_SHA256)
        defer { g_checksum_free(checksum) }
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            block.withUnsafeBytes { buffer in
                g_checksum_update(checksum, buffer.bindMemory(to: UInt8.self).baseAddress, gssize(buffer.count))
            }
        }
        return String(cString: g_checksum_get_string(checksum))
    }

    public static func sha256(of data: Data) -> String {
        data.withUnsafeBytes { buffer in
            let digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.bindMemory(to: UInt8.self).baseAddress, gsize(buffer.count))!
            defer { g_free(digest) }
            return String(cString: digest)
        }
    }
}
