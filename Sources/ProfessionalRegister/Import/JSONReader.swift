import Foundation

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

/// JSON as Foundation's `JSONSerialization` parses and checks it, with what Foundation does not
/// keep: the line of every value and field name (a bad field is reported where it stands), the
/// order of an object's fields, and numbers as written.
enum JSONReader {
    /// Parses UTF-8 `bytes` holding one JSON value.
    static func parse(_ bytes: [UInt8]) throws(RegisterProblem) -> JSONValue {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
        } catch {
            throw syntaxProblem(error, in: bytes)
        }
        var walk = Walk(bytes: bytes)
        return walk.value(parsed)
    }

    /// Foundation says "Invalid value around character 42." with a byte offset, or names no place
    /// when the text ends too soon: the line is the offset's, or the last.
    private static func syntaxProblem(_ error: any Error, in bytes: [UInt8]) -> RegisterProblem {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "is not valid JSON"
        let place = description.range(of: " around character ")
        let offset = place.flatMap { Int(description[$0.upperBound...].prefix(while: \.isNumber)) } ?? bytes.count
        var message = String(description[..<(place?.lowerBound ?? description.endIndex)])
        if message.hasSuffix(".") { message.removeLast() }
        // "Number 1e400 is not representable" would repeat a value, which may be personal data.
        if message.hasSuffix("is not representable in Swift") { message = "a number too large to read" }
        let line = 1 + bytes.prefix(min(offset, bytes.count)).count(where: { $0 == UInt8(ascii: "\n") })
        return RegisterProblem(line: line, field: "syntax", message: message.prefix(1).lowercased() + message.dropFirst())
    }

    /// Goes through the text Foundation accepted beside the value it made from it.
    private struct Walk {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        mutating func value(_ parsed: Any) -> JSONValue {
            skipSpace()
            let start = line
            switch bytes[index] {
            case UInt8(ascii: "{"):
                let fields = parsed as? [String: Any] ?? [:]
                var members: [(key: String, line: Int, value: JSONValue)] = []
                index += 1
                skipSpace()
                while bytes[index] != UInt8(ascii: "}") {
                    let keyLine = line
                    let key = fieldName()
                    skipSpace()
                    index += 1  // the colon
                    members.append((key, keyLine, value(fields[key] ?? NSNull())))
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        skipSpace()
                    }
                }
                index += 1
                return .object(members, line: start)
            case UInt8(ascii: "["):
                let elements = parsed as? [Any] ?? []
                var values: [JSONValue] = []
                index += 1
                skipSpace()
                while bytes[index] != UInt8(ascii: "]") {
                    values.append(value(values.count < elements.count ? elements[values.count] : NSNull()))
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1 }
                    skipSpace()
                }
                index += 1
                return .array(values, line: start)
            case UInt8(ascii: "\""):
                skipString()
                return .scalar(parsed as? String ?? "", line: start)
            default:
                let text = index
                while index < bytes.count, !Self.endsScalar(bytes[index]) { index += 1 }
                let written = String(decoding: bytes[text..<index], as: UTF8.self)
                return written == "null" ? .null(line: start) : .scalar(written, line: start)
            }
        }

        private static func endsScalar(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): true
            default: false
            }
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

        /// Past a string's closing quote; JSON holds no line break inside one.
        private mutating func skipString() {
            index += 1
            while bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            index += 1
        }

        /// A field name as Foundation reads it: with escapes, Foundation decodes it.
        private mutating func fieldName() -> String {
            let start = index
            skipString()
            let quoted = bytes[start..<index]
            guard quoted.contains(UInt8(ascii: "\\")) else { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
            return (try? JSONSerialization.jsonObject(with: Data(quoted), options: .fragmentsAllowed)) as? String ?? ""
        }
    }
}
