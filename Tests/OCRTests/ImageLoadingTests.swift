import CTesseract
import Foundation
@testable import OCR
import Testing

@Suite("Loading images")
struct ImageLoadingTests {
    @Test func aCorpusPhotoLoadsAsGrayWithItsResolution() throws {
        let image = try Corpus.image(Corpus.russianPhoto)
        #expect(image.format == .gray8)
        #expect((image.width, image.height) == (2513, 3530))
        #expect(image.dpi == 300)
        #expect(image.pixels.count == image.width * image.height)
    }

    @Test func everyPageOfAMultipageTIFFAndAPNGLoad() throws {
        let directory = try TemporaryDirectory()
        let page = try Corpus.image(Corpus.russianPhoto)
        let tiff = directory.path("two-pages.tif")
        let png = directory.path("page.png")
        let picture = Picture(page)
        // A fax-style black-and-white page, then a gray one turned a quarter.
        let blackAndWhite = try #require(picture.map { pixConvertTo1($0, 128) })
        let turned = Picture(Transform.quarterTurns(page, 1))
        #expect(blackAndWhite.withPix { pixWriteTiff(tiff, $0, Int32(IFF_TIFF_G4), "w") } == 0)
        #expect(turned.withPix { pixWriteTiff(tiff, $0, Int32(IFF_TIFF_ZIP), "a") } == 0)
        #expect(picture.withPix { pixWrite(png, $0, Int32(IFF_PNG)) } == 0)

        let pages = try loadImage(path: tiff)
        #expect(pages.map(\.width) == [page.width, page.height])
        #expect(Set(pages[0].pixels) == [0, 255])
        #expect(pages[1].pixels.count == page.pixels.count)
        let reloaded = try Corpus.image(png)
        #expect(reloaded.pixels == page.pixels)
    }

    @Test(arguments: [
        ("garbage.jpg", Array("not an image at all, just text".utf8)),
        ("truncated.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]),
        ("empty.tif", []),
    ] as [(String, [UInt8])])
    func unreadableBytesAreAnUnreadableImage(name: String, bytes: [UInt8]) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try loadImage(path: path)
        } throws: { error in
            guard case OCRError.unreadableImage(let reason) = error else { return false }
            return reason.hasPrefix(path)
        }
    }

    /// A 32 KB PNG that decodes to 144 million pixels, and a 29 KB TIFF of five pages of 90
    /// million each: refused from their headers, before anything is decoded. (A 280 KB PNG of
    /// 40000×40000 pixels took over 4 GB to load before the limit.)
    @Test(arguments: [
        ("blank-12000x12000.png", "it is 12000×12000 pixels, over the 100 million an image may have"),
        ("blank-5-pages-10000x9000.tif", "its 5 pages have 450 million pixels, over the 400 million a file may have"),
    ])
    func anImageOfTooManyPixelsIsRefusedUndecoded(name: String, reason: String) {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
        #expect(throws: OCRError.unreadableImage("\(path): \(reason)")) { try loadImage(path: path) }
    }

    @Test func aMissingFileIsAnUnreadableImage() {
        #expect(throws: OCRError.unreadableImage("/nonexistent/page.jpg: no such file, or it cannot be read")) {
            try loadImage(path: "/nonexistent/page.jpg")
        }
    }
}
