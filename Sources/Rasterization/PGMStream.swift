import Foundation
import OCR

/// The child's answer on its standard output: gray images as binary PGM (`P5`, each with a
/// `# dpi N` comment), one after another, or a failure as `!` and its reason. PGM is what any
/// image viewer opens, so a render can be looked at with `cpd-rasterize … > page.pgm`.
enum PGMStream {
    static func encode(_ image: RasterImage) -> Data {
        precondition(image.format == .gray8)
        var data = Data("P5\n# dpi \(image.dpi)\n\(image.width) \(image.height)\n255\n".utf8)
        data.reserveCapacity(data.count + image.width * image.height)
        for row in 0..<image.height {
            let start = row * image.bytesPerRow
            data.append(contentsOf: image.pixels[start..<start + image.width])
        }
        return data
    }

    static func failure(_ reason: String) -> Data { Data(("!" + reason).utf8) }

    enum Answer {
        case images([RasterImage])
        case failure(String)
    }

    enum Malformed: Error { case truncated, header(String) }

    /// Reads what a child wrote. A short or malformed stream is the child's failure, not ours:
    /// the caller reports it with the child's exit status.
    static func decode(_ data: Data) throws(Malformed) -> Answer {
        if data.first == UInt8(ascii: "!") { return .failure(String(decoding: data.dropFirst(), as: UTF8.self)) }
        var images: [RasterImage] = []
        var index = data.startIndex
        while index < data.endIndex {
            var fields: [String] = []
            var dpi = 0
            // Magic, width, height, maximum: four whitespace-separated fields, comments between.
            while fields.count < 4 {
                guard index < data.endIndex else { throw .truncated }
                let byte = data[index]
                if byte == UInt8(ascii: "#") {
                    guard let end = data[index...].firstIndex(of: UInt8(ascii: "\n")) else { throw .truncated }
                    let comment = String(decoding: data[index..<end], as: UTF8.self)
                    if comment.hasPrefix("# dpi "), let value = Int(comment.dropFirst(6)) { dpi = value }
                    index = end + 1
                } else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    index += 1
                } else {
                    let end = data[index...].firstIndex { [0x20, 0x0A, 0x0D, 0x09].contains($0) } ?? data.endIndex
                    fields.append(String(decoding: data[index..<end], as: UTF8.self))
                    index = end
                }
            }
            guard fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]), fields[3] == "255",
                width > 0, height > 0, width <= 1 << 20, height <= 1 << 20
            else { throw .header(fields.joined(separator: " ")) }
            index += 1  // the single whitespace byte before the pixels
            let count = width * height
            guard data.endIndex - index >= count else { throw .truncated }
            images.append(
                RasterImage(width: width, height: height, bytesPerRow: width, format: .gray8, pixels: [UInt8](data[index..<index + count]), dpi: dpi))
            index += count
        }
        return .images(images)
    }
}
