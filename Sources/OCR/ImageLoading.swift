import CTesseract
import Foundation

/// The most pixels an image (or a page of one) may have: 100 megapixels, a full A3 page at
/// 600 dpi, about 100 MB as gray and 400 MB as colour while it is decoded.
public let imagePixelLimit = 100_000_000

/// Reads a JPEG, PNG, TIFF (every page of a multi-page one), BMP, PNM, GIF, WebP or JPEG 2000
/// file as 8-bit gray images, one per page. Sizes are checked from the headers first: an image
/// over `imagePixelLimit` is refused undecoded.
public func loadImage(path: String) throws(OCRError) -> [RasterImage] {
    try OCRLibraries.open(tesseract: false)
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
        var total = 0
        for page in 0..<Int32(stored) {
            var width: Int32 = 0, height: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, resolution: Int32 = 0, colormap: Int32 = 0, kind: Int32 = 0
            guard readHeaderTiff(path, page, &width, &height, &bps, &spp, &resolution, &colormap, &kind) == 0 else {
                throw .unreadableImage("\(path): page \(page + 1) of the TIFF has no readable header")
            }
            try checkPixels(width: width, height: height)
            total += Int(width) * Int(height)
        }
        // Every page is decoded at once: the whole file is bounded too (a 40-page scan at 300 dpi).
        guard total <= 4 * imagePixelLimit else {
            throw .unreadableImage("\(path): its \(stored) pages have \(total / 1_000_000) million pixels, over the \(4 * imagePixelLimit / 1_000_000) million a file may have")
        }
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
        var headerFormat: Int32 = 0, width: Int32 = 0, height: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, colormap: Int32 = 0
        guard pixReadHeader(path, &headerFormat, &width, &height, &bps, &spp, &colormap) == 0 else {
            throw .unreadableImage("\(path): the image has no readable header")
        }
        try checkPixels(width: width, height: height)
        // libjpeg would print its own warning to stderr on a cut JPEG; a partial copy is
        // told by its missing end marker instead, like a PDF without %%EOF.
        if Int(format) == IFF_JFIF_JPEG && !endsWithJPEGMarker(path) {
            throw .unreadableImage("\(path): the JPEG is cut short (no end marker): a copy not finished, or a damaged file")
        }
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

/// Whether the file's last bytes hold the JPEG end-of-image marker (FF D9); some writers pad
/// after it, so the last 1 KB is searched.
private func endsWithJPEGMarker(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    guard let size = try? handle.seekToEnd() else { return false }
    try? handle.seek(toOffset: size > 1024 ? size - 1024 : 0)
    let tail = Array((try? handle.readToEnd()) ?? Data())
    return zip(tail, tail.dropFirst()).contains { $0 == 0xFF && $1 == 0xD9 }
}

private func checkPixels(width: Int32, height: Int32) throws(OCRError) {
    guard width > 0, height > 0, Int(width) * Int(height) <= imagePixelLimit else {
        throw .tooManyPixels(width: Int(width), height: Int(height), limit: imagePixelLimit)
    }
}

private func tiffPageCount(_ path: String) -> Int {
    guard let file = fopenReadStream(path) else { return 0 }
    defer { fclose(file) }
    var count: Int32 = 0
    return tiffGetCount(file, &count) == 0 ? Int(count) : 0
}
