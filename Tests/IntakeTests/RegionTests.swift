import FactExtraction
import Foundation
import Intake
import OCR
import Rasterization
import Testing

/// Every fact read from a page says where its line stands, so the line can be marked on the
/// page's image: checked against the ink, the page drawn as the workspace draws it.
@Suite("Where a fact's line stands on its page")
struct RegionTests {
    static let pool = OCRPool(size: 2)
    static let corpus = RobustnessTests.shared.appendingPathComponent("corpus/inbox")

    @Test(arguments: [
        "790122483937/04_tutoring-trainees.pdf",  // a text layer
        "750212407359/03_conference.pdf",  // a scan in a PDF
        "660711467386/05_seminar.jpg",  // a photo, slightly skewed
    ])
    func eachFactsRegionHoldsTheInkOfItsLine(file: String) async throws {
        try await Self.expectInkUnderEachFact(Self.corpus.appendingPathComponent(file).path)
    }

    /// A page whose PDF turns it a quarter (`/Rotate 90`) is shown turned: its lines stand
    /// upright on the image as poppler draws it, and the regions say so.
    @Test func aTurnedPDFPagesLinesAreMarkedWhereTheyShow() async throws {
        var data = try Data(contentsOf: Self.corpus.appendingPathComponent("790122483937/04_tutoring-trainees.pdf"))
        // Before the first page's or the page tree's type (a page inherits the tree's turn).
        let page = try #require(data.range(of: Data("/Type /Page".utf8)))
        data.insert(contentsOf: Data("/Rotate 90 ".utf8), at: page.lowerBound)
        let turned = FileManager.default.temporaryDirectory.appendingPathComponent("turned-\(UUID().uuidString).pdf")
        try data.write(to: turned)
        defer { try? FileManager.default.removeItem(at: turned) }
        let record = try await Self.expectInkUnderEachFact(turned.path)
        // Lines run down the page: each region is taller than it is wide.
        let regions = record.facts.compactMap(\.provenance.region)
        #expect(!regions.isEmpty && regions.allSatisfy { $0.height > $0.width })
    }

    @discardableResult
    static func expectInkUnderEachFact(_ path: String) async throws -> ExtractionRecord {
        let record = try #require(await Intake(ocr: Self.pool).read(path).first)
        #expect(record.errors.isEmpty)
        #expect(!record.facts.isEmpty)
        let rasterizer = Rasterizer.installed()
        for fact in record.facts {
            let region = try #require(fact.provenance.region, "\(fact.name) («\(fact.provenance.text)») has no region")
            #expect(region.width > 0 && region.height > 0 && region.x + region.width <= 1 && region.y + region.height <= 1)
            let page = fact.provenance.page - 1
            let image = record.source == .imageOCR
                ? try rasterizer.decodeImage(at: path)[page] : try rasterizer.renderPage(ofPDF: path, index: page, dpi: 100)
            let gray = image.grayscale()
            let inside = Self.meanGray(gray, region), whole = Self.meanGray(gray, PageRegion(x: 0, y: 0, width: 1, height: 1))
            #expect(inside < whole - 10, "\(fact.name): the region of «\(fact.provenance.text)» is no darker (\(inside)) than the page (\(whole))")
        }
        return record
    }

    /// A line the layout and the text agree on takes its region; the same text twice takes each
    /// its own, in order; a line the layout lacks takes none.
    @Test func linesTakeTheRegionsOfTheirLayoutInOrder() {
        let first = PageRegion(x: 0.1, y: 0.1, width: 0.5, height: 0.02)
        let second = PageRegion(x: 0.1, y: 0.5, width: 0.5, height: 0.02)
        let source = SourceText(
            pages: ["Сертификат\nКөлемі:  8 сағат\nнечто иное\nКөлемі: 8 сағат"],
            layout: [[.init(text: "Көлемі: 8 сағат", region: first), .init(text: "Көлемі: 8  сағат", region: second)]])
        #expect(source.lines.map(\.region) == [nil, first, nil, second])
    }

    static func meanGray(_ image: RasterImage, _ region: PageRegion) -> Double {
        let left = Int(region.x * Double(image.width)), top = Int(region.y * Double(image.height))
        let right = min(image.width, Int(((region.x + region.width) * Double(image.width)).rounded(.up)))
        let bottom = min(image.height, Int(((region.y + region.height) * Double(image.height)).rounded(.up)))
        var total = 0, count = 0
        for y in top..<max(top, bottom) {
            for x in left..<max(left, right) {
                total += Int(image.pixels[y * image.bytesPerRow + x])
                count += 1
            }
        }
        return count == 0 ? 255 : Double(total) / Double(count)
    }
}
