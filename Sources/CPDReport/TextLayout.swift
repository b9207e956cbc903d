/// Plain-text layout for terminal output: word wrapping and aligned tables.

extension String {
    /// The string with its control characters written out (`\n`, `\t`, `\033`), as `ls -b`
    /// does: a file name then cannot begin a line of its own in a report, steer the terminal with
    /// escape sequences, or break a form's XML.
    public var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.properties.isControlCharacter) else { return self }
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where scalar.properties.isControlCharacter:
                let octal = String(scalar.value, radix: 8)
                escaped += "\\" + String(repeating: "0", count: max(0, 3 - octal.count)) + octal
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension Unicode.Scalar.Properties {
    /// C0 and C1 controls and DEL (general category Cc).
    var isControlCharacter: Bool { generalCategory == .control }
}

/// Wraps `text` to `width` columns after `label`, indenting the continuation lines under the
/// text: "  Unit:     1 week = 10 credit units; …" keeps its column.
func wrap(_ text: String, indent: Int = 2, label: String = "", width: Int = 100) -> [String] {
    let margin = String(repeating: " ", count: indent + label.count)
    var lines: [String] = []
    var line = String(repeating: " ", count: indent) + label
    var lineIsEmpty = true
    for word in text.escapingControlCharacters.split(whereSeparator: \.isWhitespace) {
        if !lineIsEmpty, line.count + 1 + word.count > width {
            lines.append(line)
            line = margin
            lineIsEmpty = true
        }
        line += (lineIsEmpty ? "" : " ") + word
        lineIsEmpty = false
    }
    lines.append(line)
    return lines
}

/// Columns padded to their widest cell, with a header and a rule under it.
public func table(_ header: [String], _ rows: [[String]], indent: Int = 2) -> String {
    let rows = rows.map { $0.map(\.escapingControlCharacters) }
    let widths = header.indices.map { column in
        ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    func render(_ cells: [String]) -> String {
        let padded = cells.enumerated().map { column, cell in
            column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
        }
        return String(repeating: " ", count: indent) + padded.joined(separator: "  ")
    }
    let rule = widths.map { String(repeating: "-", count: $0) }
    return ([render(header), render(rule)] + rows.map(render)).joined(separator: "\n")
}
