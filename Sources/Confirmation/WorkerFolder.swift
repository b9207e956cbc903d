import Foundation

/// The evidence files of one worker's folder: every regular file below it, in name order,
/// without the temporary and system files scanners, office programs and file shares leave.
public enum WorkerFolder {
    /// Throws when the folder, or a folder below it, cannot be listed: a folder that does not
    /// list is not an empty one.
    /// A folder named through a symbolic link is the folder it points to.
    public static func evidenceFiles(in folder: URL) throws -> [URL] {
        let folder = folder.resolvingSymlinksInPath()
        _ = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        nonisolated(unsafe) var failure: (any Error)?
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey], options: [.skipsHiddenFiles],
            errorHandler: { _, error in
                failure = error
                return false
            })
        else { throw CocoaError(.fileReadNoSuchFile) }
        var files: [URL] = []
        for case let url as URL in enumerator {
            if isIgnored(url.lastPathComponent) {
                if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { enumerator.skipDescendants() }
                continue
            }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        if let failure { throw failure }
        return files.sorted { precedes($0.path, $1.path) }
    }

    /// The order documents are assessed in, and so which copy of a duplicate counts: names as
    /// a person sorts them ("2" before "10").
    public static func precedes(_ first: String, _ second: String) -> Bool {
        first.localizedStandardCompare(second) == .orderedAscending
    }

    /// Whether a folder's name looks like an IIN (12 digits), registered or not: only such a
    /// name is printed on a form as the worker's IIN.
    public static func isIINShaped(_ name: String) -> Bool { name.utf8.count == 12 && name.utf8.allSatisfy { (48...57).contains($0) } }

    /// Names that are never evidence: office lock files, partial downloads, thumbnails.
    public static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        return name.hasPrefix(".") || name.hasPrefix("~") || ["thumbs.db", "desktop.ini", "@eadir", ".ds_store"].contains(lower)
            || [".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp"].contains { lower.hasSuffix($0) }
    }
}
