import Foundation

/// Dates in a rendered form, marked so that no line break falls inside one: `<span
/// class="date">` keeps them whole in the HTML (`white-space: nowrap` in the style) and in the
/// PDF (a run pango may not break). Every date of every form is marked here, whichever template,
/// partial or register field it comes from, so none is left to a template to remember.
enum NoBreakDates {
    /// dd.mm.yyyy, and mm.yyyy for a month, standing alone (not inside a longer number).
    static let pattern = try! NSRegularExpression(pattern: #"(?<![\d.])(?:\d{2}\.)?\d{2}\.\d{4}(?![\d]|\.\d)"#)

    /// The XHTML with each date in the text between tags marked; tags and attributes are left alone.
    static func mark(_ xhtml: String) -> String {
        var result = ""
        var rest = Substring(xhtml)
        while let open = rest.firstIndex(of: "<") {
            result += marked(rest[..<open])
            guard let close = rest[open...].firstIndex(of: ">") else { return result + rest[open...] }
            result += rest[open...close]
            rest = rest[rest.index(after: close)...]
        }
        return result + marked(rest)
    }

    private static func marked(_ text: Substring) -> String {
        let string = String(text)
        let range = NSRange(string.startIndex..., in: string)
        return pattern.stringByReplacingMatches(in: string, range: range, withTemplate: "<span class=\"date\">$0</span>")
    }
}
