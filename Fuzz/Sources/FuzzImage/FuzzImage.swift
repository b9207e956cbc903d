import CTesseract
import Foundation
@testable import OCR

/// Leptonica reads images from files only, so each input is written to this one first.
private let path = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-fuzz-image-\(getpid())").path

/// Pages of a multi-page TIFF prepared per run; the rest are decoded all the same.
private let pagesPrepared = 2

/// The input as an image file the way the intake reads one, up to where tesseract would start:
/// leptonica's format sniffing and decoders, the conversion to gray, and the OCR engine's
/// preparation (back to a leptonica image, deskew, the quarter turns and the half-size sample
/// that orientation detection works on). Recognition itself is too slow to fuzz.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size)) else {
        fatalError("cannot write \(path)")
    }
    guard let images = try? loadImage(path: path) else { return 0 }
    for image in images.prefix(pagesPrepared) {
        // The image was decoded, so leptonica is open: making its picture cannot fail.
        let picture = try! Picture(image)
        let (straight, _) = picture.straightened()
        for quarterTurns in 1...3 { _ = straight.map { pixRotateOrth($0, Int32(quarterTurns)) } }
        _ = picture.map(pixScaleAreaMap2)
    }
    return 0
}
