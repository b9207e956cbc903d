import Foundation

/// A worker's forms in a folder of their own, replaced as a whole: every file is written into a
/// new folder beside it, which then takes the old one's place in one rename. A reader, a crash,
/// a full disk or a name the file system refuses leaves either the old set or the new one,
/// never a mix.
public enum FormSet {
    /// Writes one file of a set; replaced in tests to fail on purpose.
    public typealias FileWriter = @Sendable (Data, URL) throws -> Void

    /// Why a set could not be put in place.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write the forms to \(path): \(reason)" }
    }

    /// Replaces `directory` with a folder holding exactly `files`.
    public static func replace(_ directory: URL, with files: [(name: String, data: Data)], writeFile: FileWriter = writeDurably) throws {
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        var status = stat()
        if lstat(directory.path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            throw Failure(path: directory.path, reason: "it is a file, not a folder; move it away and the forms are written")
        }
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(path: parent.path, reason: "the folder cannot be made (\(error.localizedDescription))")
        }
        let staging = parent.appendingPathComponent(".\(name).new-\(suffix())")
        guard mkdir(staging.path, 0o700) == 0 else { throw Failure(path: directory.path, reason: reason(errno)) }
        do {
            for file in files { try writeFile(file.data, staging.appendingPathComponent(file.name)) }
            syncFolder(staging)
            try swap(staging, into: directory)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error as? Failure ?? Failure(path: directory.path, reason: "\(error)")
        }
        try? FileManager.default.removeItem(at: staging)  // the old set, once swapped out
        syncFolder(parent)
    }

    /// Removes the half-made and swapped-out sets a killed process left in `parent`.
    public static func removeLeftovers(in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(".") && (name.contains(".new-") || name.contains(".old-")) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Writes a file and flushes it to disk, readable by its owner only.
    public static let writeDurably: FileWriter = { data, url in
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(path: url.path, reason: reason(errno)) }
        defer { close(descriptor) }
        let failure: Int32 = data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 { if errno == EINTR { continue }; return errno }
                written += count
            }
            return fsync(descriptor) == 0 ? 0 : errno
        }
        guard failure == 0 else { throw Failure(path: url.path, reason: reason(failure)) }
    }

    /// Puts `staging` at `directory`: an atomic exchange where the file system has one (the old
    /// set then lies at `staging`), else two renames, with the old set moved aside first.
    private static func swap(_ staging: URL, into directory: URL) throws {
        if rename(staging.path, directory.path) == 0 { return }
        guard errno == EEXIST || errno == ENOTEMPTY else { throw Failure(path: directory.path, reason: reason(errno)) }
        if let exchange = renameExchange, exchange(AT_FDCWD, staging.path, AT_FDCWD, directory.path, 2 /* RENAME_EXCHANGE */) == 0 { return }
        let aside = directory.deletingLastPathComponent().appendingPathComponent(".\(directory.lastPathComponent).old-\(suffix())")
        guard rename(directory.path, aside.path) == 0 else { throw Failure(path: directory.path, reason: reason(errno)) }
        guard rename(staging.path, directory.path) == 0 else {
            let failure = errno
            rename(aside.path, directory.path)
            throw Failure(path: directory.path, reason: reason(failure))
        }
        try? FileManager.default.removeItem(at: aside)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's renameat2, which Swift's Glibc module does not declare.
    private static let renameExchange: RenameAt2? = dlsym(dlopen(nil, RTLD_NOW), "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

    private static func suffix() -> String { String(UInt64.random(in: 0...UInt64.max), radix: 36) }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    private static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
