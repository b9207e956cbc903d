import CTesseract
import Foundation
@testable import OCR

/// The development corpus in `../shared` beside the package root (three levels up from here).
enum Corpus {
    static let shared = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared").standardized

    static func path(_ relative: String) -> String { shared.appendingPathComponent(relative).path }

    /// A certificate photographed at 300 dpi: Russian, slightly skewed.
    static let russianPhoto = path("corpus/inbox/660711467386/05_seminar.jpg")
    /// A Kazakh-language certificate (truth.json: image-ocr, kk).
    static let kazakhPhoto = path("corpus/inbox/890119416658/04_online-course.jpg")

    static func image(_ path: String) throws -> RasterImage {
        let images = try loadImage(path: path)
        guard images.count == 1 else { throw OCRError.unreadableImage("expected one page in \(path)") }
        return images[0]
    }
}

/// Leptonica transforms for making test pages, so the tests turn pages the way the world does.
enum Transform {
    /// Turned clockwise by quarter turns.
    static func quarterTurns(_ image: RasterImage, _ turns: Int) -> RasterImage {
        try! Picture(image).map { pixRotateOrth($0, Int32(turns)) }!.raster()!
    }

    /// Turned clockwise by `degrees`, white brought in at the corners, same size.
    static func turned(_ image: RasterImage, degrees: Float) -> RasterImage {
        try! Picture(image).map {
            pixRotate($0, degrees * .pi / 180, Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0)
        }!.raster()!
    }
}

/// A scratch directory removed with the value.
final class TemporaryDirectory {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-tests-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
