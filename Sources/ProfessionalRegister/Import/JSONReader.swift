/// A JSON value and the line it starts on. Numbers and booleans keep their text, so that an
/// amount is never rounded through a `Double`.
indirect enum JSONValue {
    case object([(key: String, line: Int, value: JSONValue)], line: Int)
    case array([JSONValue], line: Int)
    case scalar(String, line: Int)
    case null(line: Int)

    var line: Int {
        switch self {
        case .object(_, let line), .array(_, let line), .scalar(_, let line), .null(let line): line
        }
    }
}

/// A small JSON parser that remembers lines, which Foundation's does not: a bad field is
/// reported where it stands. Foundation's `JSONSerialization` with a walk through the text for
/// the lines took five times as long on 100,000 workers (2.2 s against 0.4 s) and said only
/// "invalid value" where this says what it expected.
struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var depth = 0

    /// Deeper nesting than a register file needs is refused before it can exhaust the stack.
    private static let maximumDepth = 32

    /// Parses UTF-8 `bytes` holding one JSON value.
    static func parse(_ bytes: [UInt8]) throws(RegisterProblem) -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value()
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.error("unexpected text after the end of the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ message: String) -> RegisterProblem {
        RegisterProblem(line: line, field: "syntax", message: message)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            index += 1
        }
    }

    private mutating func value() throws(RegisterProblem) -> JSONValue {
        guard index < bytes.count else { throw error("the JSON ends where a value was expected") }
        let start = line
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .scalar(try string(), line: start)
        case UInt8(ascii: "t"): try literal("true"); return .scalar("true", line: start)
        case UInt8(ascii: "f"): try literal("false"); return .scalar("false", line: start)
        case UInt8(ascii: "n"): try literal("null"); return .null(line: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .scalar(number(), line: start)
        default: throw error("expected a JSON value")
        }
    }

    private mutating func nest() throws(RegisterProblem) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested more than \(Self.maximumDepth) levels deep") }
        index += 1
        skipSpace()
    }

    private mutating func object() throws(RegisterProblem) -> JSONValue {
        let start = line
        try nest()
        var members: [(key: String, line: Int, value: JSONValue)] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members, line: start)
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted field name") }
            let keyLine = line
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected `:` after a field name") }
            index += 1
            skipSpace()
            members.append((key, keyLine, try value()))
            skipSpace()
            guard index < bytes.count else { throw error("the JSON ends inside an object") }
            if bytes[index] == UInt8(ascii: "}") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw error("expected `,` or `}`") }
            index += 1
            skipSpace()
        }
        index += 1
        depth -= 1
        return .object(members, line: start)
    }

    private mutating func array() throws(RegisterProblem) -> JSONValue {
        let start = line
        try nest()
        var elements: [JSONValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements, line: start)
        }
        while true {
            elements.append(try value())
            skipSpace()
            guard index < bytes.count else { throw error("the JSON ends inside a list") }
            if bytes[index] == UInt8(ascii: "]") { break }
            guard bytes[index] == UInt8(ascii: ",") else { throw error("expected `,` or `]`") }
            index += 1
            skipSpace()
        }
        index += 1
        depth -= 1
        return .array(elements, line: start)
    }

    private mutating func literal(_ word: String) throws(RegisterProblem) {
        let expected = Array(word.utf8)
        guard bytes[index...].starts(with: expected) else { throw error("expected a JSON value") }
        index += expected.count
    }

    /// A number's text as written; the field it goes into checks its form.
    private mutating func number() -> String {
        let start = index
        let allowed = Set("+-.0123456789eE".utf8)
        while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(RegisterProblem) -> String {
        index += 1
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"): text += Array(String(try unicodeEscape()).utf8)
                default: throw error("unknown escape `\\\(Character(Unicode.Scalar(escaped)))` in a string")
                }
            case 0x00..<0x20:
                throw error("a control character or line break inside a string")
            default:
                text.append(byte)
            }
        }
        throw error("a string is not closed")
    }

    /// `\uXXXX`, and the low surrogate that must follow a high one.
    private mutating func unicodeEscape() throws(RegisterProblem) -> Character {
        let first = try hexQuad()
        if (0xD800..<0xDC00).contains(first) {
            guard bytes[index...].starts(with: Array("\\u".utf8)) else { throw error("a lone surrogate in a \\u escape") }
            index += 2
            let second = try hexQuad()
            guard (0xDC00..<0xE000).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw error("a lone surrogate in a \\u escape") }
            return Character(scalar)
        }
        guard let scalar = Unicode.Scalar(first) else { throw error("a lone surrogate in a \\u escape") }
        return Character(scalar)
    }

    private mutating func hexQuad() throws(RegisterProblem) -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("a \\u escape needs four hexadecimal digits") }
        index += 4
        return value
    }
}
