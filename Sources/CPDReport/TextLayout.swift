/// Plain-text layout for terminal output: word wrapping and aligned tables.

/// Wraps `text` to `width` columns after `label`, indenting the continuation lines under the
/// text: "  Unit:     1 week = 10 credit units; …" keeps its column.
func wrap(_ text: String, indent: Int = 2, label: String = "", width: Int = 100) -> [String] {
    let margin = String(repeating: " ", count: indent + label.count)
    var lines: [String] = []
    var line = String(repeating: " ", count: indent) + label
    var lineIsEmpty = true
    for word in text.split(whereSeparator: \.isWhitespace) {
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
