import Foundation
@testable import OCR
import Testing

@Suite("Recognising a page")
struct OCREngineTests {
    @Test func aRussianCertificatePhotoIsRead() throws {
        let image = try Corpus.image(Corpus.russianPhoto)
        let page = try OCREngine().recognize(image)
        #expect(page.text.contains("СЕРТИФИКАТ"))
        #expect(page.text.contains("Кузнецова Динара Ивановна"))
        #expect(page.text.contains("4 часа"))
        #expect(page.rotation == 0)
        #expect(page.meanConfidence > 70)
        let name = try #require(page.lines.first { $0.text.contains("Кузнецова") })
        #expect(name.confidence > 70)
        // The name is printed on one line, centred, in the upper half of the page.
        #expect(name.box.height > 30 && name.box.height < 200)
        #expect(name.box.x > 0 && name.box.maxX < Double(image.width))
        #expect(name.box.y > 0 && name.box.maxY < Double(image.height) / 2)
        #expect(page.lines.map(\.text) == page.lines.sorted { $0.box.y < $1.box.y }.map(\.text))
    }

    @Test func aKazakhCertificateKeepsItsKazakhLetters() throws {
        let page = try OCREngine().recognize(try Corpus.image(Corpus.kazakhPhoto))
        for word in ["Касымова Ольга Кайратовна", "тақырыбындағы", "қатысты", "Көлемі: 18 сағат", "Өткізу"] {
            #expect(page.text.contains(word), "\(word) in \(page.text)")
        }
    }

    /// The photo turned a quarter, half and three quarters clockwise is read. Tesseract reads a
    /// sideways page's vertical lines by itself, well enough that no turn is needed; a page it
    /// cannot read as it is gets stood upright by the turn orientation detection finds.
    @Test(arguments: [1, 2, 3])
    func aTurnedPageIsStoodUpright(quarterTurns: Int) throws {
        let turned = Transform.quarterTurns(try Corpus.image(Corpus.russianPhoto), quarterTurns)
        let page = try OCREngine().recognize(turned)
        #expect(page.rotation == 0 || page.rotation == 360 - 90 * quarterTurns)
        #expect(quarterTurns != 2 || page.rotation == 180, "upside down is never read as it is")
        #expect(page.text.contains("Кузнецова Динара Ивановна"))
    }

    @Test func aSkewedPageIsStraightenedByItsSkew() throws {
        let engine = try OCREngine()
        let image = try Corpus.image(Corpus.russianPhoto)
        let asScanned = try engine.recognize(image)
        let skewed = try engine.recognize(Transform.turned(image, degrees: 3))
        // The photo itself leans half a degree; three more are found on top.
        #expect(abs(skewed.skewDegrees - asScanned.skewDegrees - 3) < 0.3, "\(skewed.skewDegrees) vs \(asScanned.skewDegrees)")
        #expect(skewed.text.contains("Кузнецова Динара Ивановна"))
        #expect(skewed.text.contains("Паллиативная помощь"))
    }

    /// A line's region is on the image as it was given: the photo turned by quarter turns puts
    /// the holder's line where the same turn takes it from the upright photo.
    @Test(arguments: [1, 2, 3])
    func aLinesRegionTurnsWithTheImage(quarterTurns: Int) throws {
        let engine = try OCREngine()
        let image = try Corpus.image(Corpus.russianPhoto)
        let upright = try engine.recognize(image)
        var expected = try #require(Self.region(of: "Кузнецова", in: upright))
        for _ in 0..<quarterTurns {
            // A clockwise quarter turn: the left edge becomes the top, the top the right edge.
            expected = Box(x: 1 - expected.y - expected.height, y: expected.x, width: expected.height, height: expected.width)
        }
        let turned = try engine.recognize(Transform.quarterTurns(image, quarterTurns))
        let found = try #require(Self.region(of: "Кузнецова", in: turned))
        for (got, wanted) in [(found.x, expected.x), (found.y, expected.y), (found.maxX, expected.maxX), (found.maxY, expected.maxY)] {
            #expect(abs(got - wanted) < 0.02, "\(found) against \(expected), read turned by \(turned.rotation)°")
        }
    }

    /// A skewed page is read straightened, and its lines' regions are put back on the skewed
    /// image: the line's centre turns about the page's centre by the skew.
    @Test func aLinesRegionLeansWithTheSkewedImage() throws {
        let engine = try OCREngine()
        let image = try Corpus.image(Corpus.russianPhoto)
        let straight = try #require(Self.region(of: "Кузнецова", in: try engine.recognize(image)))
        let skewed = try engine.recognize(Transform.turned(image, degrees: 3))
        let leaning = try #require(Self.region(of: "Кузнецова", in: skewed))
        let (width, height) = (Double(image.width), Double(image.height))
        let angle = 3 * Double.pi / 180
        let (dx, dy) = ((straight.x + straight.width / 2 - 0.5) * width, (straight.y + straight.height / 2 - 0.5) * height)
        let expected = (x: 0.5 + (dx * cos(angle) - dy * sin(angle)) / width, y: 0.5 + (dx * sin(angle) + dy * cos(angle)) / height)
        let found = (x: leaning.x + leaning.width / 2, y: leaning.y + leaning.height / 2)
        #expect(abs(found.x - expected.x) < 0.01 && abs(found.y - expected.y) < 0.01, "\(found) against \(expected)")
        // A slanted line's upright box is taller than the line itself.
        #expect(leaning.height > straight.height)
    }

    static func region(of text: String, in page: OCRPage) -> Box? {
        page.lines.first { $0.text.contains(text) }.map { page.regionOnImage($0.box) }
    }

    @Test func aPageOutOfTimeIsAbandonedAndTheEngineReadsTheNext() throws {
        let engine = try OCREngine()
        let image = try Corpus.image(Corpus.russianPhoto)
        #expect(throws: OCRError.timedOut(seconds: 0)) {
            try engine.recognize(image, timeout: .milliseconds(5))
        }
        #expect(try engine.recognize(image).text.contains("Кузнецова Динара Ивановна"))
    }

    @Test func unknownLanguagesLeaveTheEngineUnavailable() {
        #expect {
            try OCREngine(languages: "xyz")
        } throws: { error in
            guard case OCRError.engineUnavailable(let reason) = error else { return false }
            return reason.contains("'xyz'")
        }
    }

    @Test func aBlankPageHasNoText() throws {
        let blank = RasterImage(
            width: 800, height: 1000, bytesPerRow: 800, format: .gray8,
            pixels: [UInt8](repeating: 255, count: 800_000), dpi: 300)
        let page = try OCREngine().recognize(blank)
        #expect(page.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(page.lines.isEmpty && page.rotation == 0 && page.skewDegrees == 0)
    }

    /// OpenMP's spinning threads triple a page's time on a busy machine: an engine reads with
    /// none. Its functions are found in tesseract's own libraries, which are not global.
    @Test func recognitionRunsWithoutOpenMPThreads() throws {
        _ = try OCREngine().recognize(try Corpus.image(Corpus.kazakhPhoto))
        #expect(OpenMP.maxActiveLevels == 0)
    }
}

@Suite("Recognising pages in parallel")
struct OCRPoolTests {
    @Test func thePoolReadsPagesConcurrentlyAsOneEngineDoes() async throws {
        let images = try [
            Corpus.russianPhoto, Corpus.kazakhPhoto, Corpus.path("corpus/inbox/890119416658/06_monograph.jpg"),
            Corpus.russianPhoto,
        ].map(Corpus.image)
        let engine = try OCREngine()
        let alone = try images.map { try engine.recognize($0).text }

        let pool = OCRPool(size: 2)
        let together = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, image) in images.enumerated() {
                group.addTask { (index, try await pool.recognize(image).text) }
            }
            return try await group.reduce(into: [String](repeating: "", count: images.count)) { $0[$1.0] = $1.1 }
        }
        #expect(together == alone)
    }

    @Test func aPoolWithoutItsLanguagesFailsEachPage() async throws {
        let pool = OCRPool(size: 1, languages: "xyz")
        await #expect {
            try await pool.recognize(try Corpus.image(Corpus.russianPhoto))
        } throws: { error in
            if case OCRError.engineUnavailable = error { true } else { false }
        }
    }
}
