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
        var pages = pixaReadMultipageTiff(path)
        guard pages != nil else { throw .unreadableImage("\(path): the TIFF data cannot be decoded") }
        defer { pixaDestroy(&pages) }
        // Leptonica skips a page it cannot decode; a lost page must not pass unnoticed.
        let stored = tiffPageCount(path), decoded = Int(pixaGetCount(pages))
        guard decoded == stored else {
            throw .unreadableImage("\(path): \(stored - decoded) of the TIFF's \(stored) pages cannot be decoded")
        }
        pictures = (0..<Int32(decoded)).compactMap { pixaGetPix(pages, $0, Int32(L_CLONE)).map(Picture.init) }
    case IFF_JFIF_JPEG, IFF_PNG, IFF_BMP, IFF_PNM, IFF_GIF, IFF_WEBP, IFF_JP2:
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

private func tiffPageCount(_ path: String) -> Int {
    guard let file = fopenReadStream(path) else { return 0 }
    defer { fclose(file) }
    var count: Int32 = 0
    return tiffGetCount(file, &count) == 0 ? Int(count) : 0
}
