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
        let picture = try Picture(page)
        // A fax-style black-and-white page, then a gray one turned a quarter.
        let blackAndWhite = try #require(picture.map { pixConvertTo1($0, 128) })
        let turned = try Picture(Transform.quarterTurns(page, 1))
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
        ("blank-12000x12000.png", OCRError.tooManyPixels(width: 12_000, height: 12_000, limit: imagePixelLimit)),
        ("blank-5-pages-10000x9000.tif", .unreadableImage("its 5 pages have 450 million pixels, over the 400 million a file may have")),
    ])
    func anImageOfTooManyPixelsIsRefusedUndecoded(name: String, error: OCRError) {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
        let expected = if case .unreadableImage(let reason) = error { OCRError.unreadableImage("\(path): \(reason)") } else { error }
        #expect(throws: expected) { try loadImage(path: path) }
    }

    @Test func aMissingFileIsAnUnreadableImage() {
        #expect(throws: OCRError.unreadableImage("/nonexistent/page.jpg: no such file, or it cannot be read")) {
            try loadImage(path: "/nonexistent/page.jpg")
        }
    }
}

/// Images whose headers promise more pixels than may be decoded: refused from the header, at
/// once and without the memory.
@Suite("Decompression bombs")
struct DecompressionBombTests {
    /// A PNG of `width`×`height` gray pixels as far as its header goes: signature, IHDR, IEND.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            return bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
        }
        func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        let header = bigEndian(width) + bigEndian(height) + [8, 0, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IEND", []))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test(.timeLimit(.minutes(1))) func aPNGOf30000By30000PixelsIsRefusedFromItsHeader() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("bomb.png")
        try Self.pngHeader(width: 30_000, height: 30_000).write(to: URL(fileURLWithPath: path))
        #expect(throws: OCRError.tooManyPixels(width: 30_000, height: 30_000, limit: imagePixelLimit)) { try loadImage(path: path) }
    }

    @Test func anImageWithinTheLimitIsNotRefusedForItsSize() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("small.png")
        try Self.pngHeader(width: 2_000, height: 3_000).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try loadImage(path: path) }
        do { _ = try loadImage(path: path) } catch { #expect(error != .tooManyPixels(width: 2_000, height: 3_000, limit: imagePixelLimit)) }
    }
}
