import Foundation

/// Wakes the watch when something may have changed: a file event, a signal, a timer. Signals
/// that arrive while nobody waits are kept, so none is lost between two waits.
public final class Wakeup: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = false
    private var continuation: CheckedContinuation<Void, Never>?

    public init() {}

    public func signal() {
        lock.lock()
        if let continuation {
            self.continuation = nil
            lock.unlock()
            continuation.resume()
        } else {
            pending = true
            lock.unlock()
        }
    }

    /// Returns at the next signal, or after `timeout` seconds, whichever comes first.
    public func wait(timeout: Double) async {
        let timer = Task {
            try? await Task.sleep(for: .milliseconds(Int(max(0, timeout) * 1000)))
            self.signal()
        }
        await withCheckedContinuation { continuation in
            lock.lock()
            if pending {
                pending = false
                lock.unlock()
                continuation.resume()
            } else {
                self.continuation = continuation
                lock.unlock()
            }
        }
        timer.cancel()
        lock.withLock { pending = false }
    }
}

/// inotify on the inbox and every folder below it: any change wakes the watch. Network shares
/// raise no events and a full queue drops them, which is why the watch also rescans on a timer.
final class InotifyEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let wakeup: Wakeup
    private var watched: [Int32: String] = [:]
    private let lock = NSLock()
    private var thread: Thread?

    init?(inbox: URL, wakeup: Wakeup) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.wakeup = wakeup
        watchTree(inbox)
        let thread = Thread { [weak self] in self?.readLoop() }
        thread.name = "inotify"
        self.thread = thread
        thread.start()
    }

    deinit { close(descriptor) }

    private static let mask: UInt32 = UInt32(
        IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches `folder` and every folder below it (new folders are added as they appear).
    func watchTree(_ folder: URL) {
        add(folder.path)
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { add(url.path) }
        }
    }

    private func add(_ path: String) {
        let handle = inotify_add_watch(descriptor, path, Self.mask)
        if handle >= 0 { lock.withLock { watched[handle] = path } }
    }

    private func readLoop() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            while offset < count {
                let event = buffer.advanced(by: offset).assumingMemoryBound(to: inotify_event.self).pointee
                // A new folder is watched at once, so files dropped into it raise events too.
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, event.len > 0,
                    let parent = lock.withLock({ watched[event.wd] })
                {
                    let name = String(cString: buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self))
                    watchTree(URL(fileURLWithPath: parent).appendingPathComponent(name))
                }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
            wakeup.signal()
        }
    }
}
