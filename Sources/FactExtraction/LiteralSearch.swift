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

extension String {
    /// The text's characters, for the readers that look a few characters ahead and behind.
    ///
    /// `Array(string)` finds where each character ends by the grapheme rules, which for Cyrillic
    /// text (no ASCII fast path) was the larger part of tokenising a line. In a line where every
    /// scalar is a character of its own, the characters are the scalars, and are taken so; any
    /// other line is split by the rules as before.
    var characterArray: [Character] {
        unicodeScalars.allSatisfy(\.standsAlone) ? unicodeScalars.map(Character.init) : Array(self)
    }
}

extension Unicode.Scalar {
    /// A scalar no grapheme rule joins to its neighbours, in a text where every scalar is one:
    /// not a carriage return (CR LF is one character), a combining mark, a variation selector or
    /// emoji modifier, a joiner, a Hangul jamo, a regional indicator or a prepended mark. Only
    /// ranges that hold none of these are listed: Latin, Greek, Cyrillic without its combining
    /// marks (U+0483–0489), and the punctuation, currency and letterlike symbols (№, ™) printed
    /// documents use.
    var standsAlone: Bool {
        switch value {
        case 0x0D: false
        case 0x00...0x2FF, 0x370...0x482, 0x48A...0x52F, 0x1E00...0x1FFF, 0x2010...0x2027, 0x2030...0x205E,
            0x20A0...0x20BF, 0x2100...0x214F: true
        default: false
        }
    }
}
