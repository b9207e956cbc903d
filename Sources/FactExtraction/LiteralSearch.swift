#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Search for a wording as a run of the same UTF-8 bytes.
///
/// Lines and wordings are both normalised (NFC, lowercased) before they meet, so a byte match is
/// the match Foundation's `contains`/`range(of:)` would find; Foundation also folds every
/// character cluster on the way, which made it most of the time spent reading a text PDF.
extension StringProtocol {
    /// The first place `needle` occurs, or nil (also for an empty needle).
    func range(ofLiteral needle: String) -> Range<Index>? {
        var needle = needle
        guard let offset = needle.withUTF8({ needleBytes -> Int? in
            guard let needleStart = needleBytes.baseAddress, !needleBytes.isEmpty else { return nil }
            // memchr to each candidate first byte, memcmp for the rest (glibc's memmem is not
            // exported to Swift).
            let search = { (haystack: UnsafeBufferPointer<UInt8>) -> Int? in
                guard let start = haystack.baseAddress, haystack.count >= needleBytes.count else { return nil }
                let lastStart = haystack.count - needleBytes.count
                var from = 0
                while from <= lastStart {
                    guard let hit = memchr(start + from, Int32(needleStart.pointee), lastStart - from + 1) else { return nil }
                    let offset = start.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(start + offset, needleStart, needleBytes.count) == 0 { return offset }
                    from = offset + 1
                }
                return nil
            }
            return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
        }) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    /// Whether `needle` occurs in the text.
    func contains(literal needle: String) -> Bool { range(ofLiteral: needle) != nil }
}
