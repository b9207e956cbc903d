import CTesseract
import Foundation

/// Reads a JPEG, PNG, TIFF (every page of a multi-page one), BMP, PNM, GIF, WebP or JPEG 2000
/// file as 8-bit gray images, one per page.
public func loadImage(path: String) throws(OCRError) -> [RasterImage] {
    Leptonica.silence()
    guard FileManager.default.isReadableFile(atPath: path) else {
        throw .unreadableImage("\(path): no such file, or it cannot be read")
    }
    var format: Int32 = 0
    guard findFileFormat(path, &format) == 0 else {
        throw .unreadableImage("\(path): the file cannot be read")
    }
    let pictures: [Picture]
    switch Int(format) {
    case IFF_TIFF, IFF_TIFF_PACKBITS, IFF_TIFF_RLE, IFF_TIFF_G3, IFF_TIFF_G4, IFF_TIFF_LZW, IFF_TIFF_ZIP,
        IFF_TIFF_JPEG:
        let stored = tiffPageCount(path)
        try checkSize(path, pages: (0..<stored).map { page in
            var width: Int32 = 0, height: Int32 = 0, bits: Int32 = 0, samples: Int32 = 0, dpi: Int32 = 0, colormap: Int32 = 0, format: Int32 = 0
            guard readHeaderTiff(path, Int32(page), &width, &height, &bits, &samples, &dpi, &colormap, &format) == 0 else { return nil }
            return (Int(width), Int(height))
        })
        var pages = pixaReadMultipageTiff(path)
        guard pages != nil else { throw .unreadableImage("\(path): the TIFF data cannot be decoded") }
        defer { pixaDestroy(&pages) }
        // Leptonica skips a page it cannot decode; a lost page must not pass unnoticed.
        let decoded = Int(pixaGetCount(pages))
        guard decoded == stored else {
            throw .unreadableImage("\(path): \(stored - decoded) of the TIFF's \(stored) pages cannot be decoded")
        }
        pictures = (0..<Int32(decoded)).compactMap { pixaGetPix(pages, $0, Int32(L_CLONE)).map(Picture.init) }
    case IFF_JFIF_JPEG, IFF_PNG, IFF_BMP, IFF_PNM, IFF_GIF, IFF_WEBP, IFF_JP2:
        var format: Int32 = 0, width: Int32 = 0, height: Int32 = 0, bits: Int32 = 0, samples: Int32 = 0, colormap: Int32 = 0
        try checkSize(path, pages: [
            pixReadHeader(path, &format, &width, &height, &bits, &samples, &colormap) == 0 ? (Int(width), Int(height)) : nil
        ])
        guard let pix = pixRead(path) else {
            throw .unreadableImage("\(path): the image data cannot be decoded")
        }
        pictures = [Picture(pix)]
    default:
        throw .unreadableImage("\(path): not a JPEG, PNG, TIFF, BMP, PNM, GIF, WebP or JPEG 2000 image")
    }
    guard !pictures.isEmpty else { throw .unreadableImage("\(path): the file holds no image") }
    let images = pictures.compactMap { $0.raster() }
    guard images.count == pictures.count else {
        throw .unreadableImage("\(path): a page cannot be converted to gray")
    }
    return images
}

/// A page with more pixels is refused before it is decoded: a 600-dpi A3 scan has 70 million,
/// while a few hundred kilobytes of PNG can declare billions (a blank page compresses a
/// thousandfold) and would take gigabytes once decoded and converted.
let maximumPagePixels = 100_000_000
/// All the pages of one file together: a 40-page TIFF scanned at 300 dpi.
let maximumFilePixels = 4 * maximumPagePixels

/// Refuses a file whose page sizes, as their headers state them, are over the limits. A page
/// whose header cannot be read is left to the decoder, which fails on it.
private func checkSize(_ path: String, pages: [(width: Int, height: Int)?]) throws(OCRError) {
    for (index, page) in pages.enumerated() {
        guard let page, page.width * page.height > maximumPagePixels else { continue }
        let which = pages.count > 1 ? "page \(index + 1) is" : "it is"
        throw .unreadableImage("\(path): \(which) \(page.width)×\(page.height) pixels, over the \(maximumPagePixels / 1_000_000) million an image may have")
    }
    let total = pages.reduce(0) { $0 + ($1.map { $0.width * $0.height } ?? 0) }
    guard total <= maximumFilePixels else {
        throw .unreadableImage("\(path): its \(pages.count) pages have \(total / 1_000_000) million pixels, over the \(maximumFilePixels / 1_000_000) million a file may have")
    }
}

private func tiffPageCount(_ path: String) -> Int {
    guard let file = fopenReadStream(path) else { return 0 }
    defer { fclose(file) }
    var count: Int32 = 0
    return tiffGetCount(file, &count) == 0 ? Int(count) : 0
}
