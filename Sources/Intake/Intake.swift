import CPDRules
import FactExtraction
import Foundation
import JournalLists
import OCR
import PDFReading
import PersonNames
import Rasterization
import XMLRecords

/// What the intake needs besides the files: whose evidence it is, the journal lists, limits.
public struct IntakeOptions: Sendable {
    /// The worker the documents belong to; author positions need it.
    public var worker: PersonName?
    public var quartiles: QuartileList?
    public var recommendedJournals: RecommendedJournals?
    public var interpretation: Interpretation
    /// A page whose recognition takes longer is abandoned.
    public var pageTimeout: Duration
    /// A document whose reading takes longer is abandoned between pages.
    public var documentTimeout: Duration
    /// Files larger than this are refused unread.
    public var sizeLimit: Int
    /// Pages beyond this are not read (a certificate has a few; a 2,000-page PDF is a mistake).
    public var pageLimit: Int
    /// The wordings the facts are read with (`--lexicon` lays more over the built-in ones).
    public var lexicon: Lexicon
    /// Decodes page images and photos in a child process, with its limits.
    public var rasterizer: Rasterizer

    public init(
        worker: PersonName? = nil, quartiles: QuartileList? = nil, recommendedJournals: RecommendedJournals? = nil,
        interpretation: Interpretation = .default, pageTimeout: Duration = .seconds(60),
        documentTimeout: Duration = .seconds(600), sizeLimit: Int = 200 * 1024 * 1024, pageLimit: Int = 500,
        lexicon: Lexicon = .standard, rasterizer: Rasterizer = .installed()
    ) {
        self.lexicon = lexicon
        self.rasterizer = rasterizer
        self.worker = worker
        self.quartiles = quartiles
        self.recommendedJournals = recommendedJournals
        self.interpretation = interpretation
        self.pageTimeout = pageTimeout
        self.documentTimeout = documentTimeout
        self.sizeLimit = sizeLimit
        self.pageLimit = pageLimit
    }
}

/// Reads evidence files of every kind an HR officer receives and extracts their facts:
/// text PDFs through poppler, scanned pages and photos through tesseract, XML through libxml2.
public struct Intake: Sendable {
    public let options: IntakeOptions
    let ocr: OCRPool

    /// - Parameter ocr: the pool of recognition engines; shared by every file read.
    public init(options: IntakeOptions = IntakeOptions(), ocr: OCRPool) {
        self.options = options
        self.ocr = ocr
    }

    /// The same intake, with its engines, for another worker's documents.
    public func with(worker: PersonName?) -> Intake {
        var options = self.options
        options.worker = worker
        return Intake(options: options, ocr: ocr)
    }

    /// Reads one file. Never throws: a file that cannot be read gives a record with its error.
    /// - Parameter knownSHA256: the content hash when the caller has just computed it.
    public func read(_ path: String, knownSHA256: String? = nil) async -> [ExtractionRecord] {
        let url = URL(fileURLWithPath: path)
        let size: Int
        let head: Data
        do {
            guard let regularSize = try Self.regularFileSize(url) else { return [failed(path, "", .cannotOpen("not a regular file"))] }
            size = regularSize
            let handle = try FileHandle(forReadingFrom: url)
            head = try handle.read(upToCount: 1024) ?? Data()
            try handle.close()
        } catch {
            return [failed(path, "", .cannotOpen(error.localizedDescription))]
        }
        // A file over the limit is refused unread, not even hashed.
        guard size <= options.sizeLimit else { return [failed(path, "", .tooLarge(bytes: size, limit: options.sizeLimit))] }
        let sha256 = knownSHA256 ?? (try? FileDigest.sha256(of: url)) ?? ""
        switch FileKind.detect(head, fileExtension: url.pathExtension) {
        case .pdf: return [await readPDF(path, sha256: sha256)]
        case .image: return [await readImage(path, sha256: sha256)]
        case .xml: return readXML(url, sha256: sha256)
        case .unknown(let reason): return [failed(path, sha256, .unknownFormat(reason))]
        }
    }

    /// The size of the file the path names, or nil when it is not a regular file (a link is not
    /// followed). `lstat` first: Foundation's resource values also look the owner and group up in
    /// the user database, for every file. Its error, which says why in words, where `lstat` fails.
    private static func regularFileSize(_ url: URL) throws -> Int? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else {
            let values = try url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            return values.isRegularFile == true ? values.fileSize ?? 0 : nil
        }
        return status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
    }

    /// Reads many files, `concurrency` at a time, in the order given; `progress` is told after
    /// each file.
    public func read(_ paths: [String], concurrency: Int = 2, progress: (@Sendable (Int, Int) -> Void)? = nil) async -> [[ExtractionRecord]] {
        var results = [[ExtractionRecord]](repeating: [], count: paths.count)
        await withTaskGroup(of: (Int, [ExtractionRecord]).self) { group in
            var next = 0
            var done = 0
            while next < min(concurrency, paths.count) {
                let index = next
                group.addTask { (index, await read(paths[index])) }
                next += 1
            }
            for await (index, records) in group {
                results[index] = records
                done += 1
                progress?(done, paths.count)
                if next < paths.count {
                    let index = next
                    group.addTask { (index, await read(paths[index])) }
                    next += 1
                }
            }
        }
        return results
    }

    // MARK: Kinds of file

    private func readPDF(_ path: String, sha256: String) async -> ExtractionRecord {
        // Poppler quietly repairs a PDF cut short; a file still being copied must not be read
        // as if it were whole.
        guard Self.hasEndOfFileMarker(path) else {
            return failed(path, sha256, .pdf("the file ends before the PDF's end-of-file marker: it is cut short, or still being copied"))
        }
        let pdf: PDFFile
        do {
            pdf = try PDFFile(path: path)
        } catch {
            return failed(path, sha256, .pdf(error.description))
        }
        let pageCount = min(pdf.pageCount, options.pageLimit)
        var texts = [String](repeating: "", count: pageCount)
        var layout = [[SourceText.LocatedLine]](repeating: [], count: pageCount)
        var scanned: [Int] = []
        for index in 0..<pageCount {
            // A thin layer is kept in case recognition finds even less (a short line in a
            // script tesseract was not told about).
            let page = pdf.text(ofPage: index)
            texts[index] = page.text
            layout[index] = Self.layout(of: page, size: pdf.size(ofPage: index))
            if !TextLayer.isUsable(texts[index]) { scanned.append(index) }
        }
        var record = ExtractionRecord(file: path, sha256: sha256)
        record.source = scanned.isEmpty ? .pdfText : .pdfOCR
        record.pages = pdf.pageCount
        if pdf.pageCount > pageCount { record.uncertainties.append(Finding(.pagesNotRead, ["read": .number(pageCount), "pages": .number(pdf.pageCount)])) }
        let rasterizer = options.rasterizer
        let recognized = await recognize(pages: scanned) { index throws(IntakeError) in
            do { return try rasterizer.renderPage(ofPDF: path, index: index, dpi: 300) } catch { throw .pdf("\(error)") }
        }
        for (index, result) in recognized {
            switch result {
            case .success(let page):
                if page.text.filter(\.isLetter).count >= texts[index].filter(\.isLetter).count {
                    texts[index] = page.text
                    layout[index] = Self.layout(of: page)
                }
                if page.meanConfidence < 70 { record.uncertainties.append(Finding(.lowConfidence, ["page": .number(index + 1), "confidence": .number(page.meanConfidence)], provenance: .init(page: index + 1, text: nil))) }
            case .failure(let error): record.errors.append(error)
            }
        }
        return finish(record, pages: texts, layout: layout)
    }

    private func readImage(_ path: String, sha256: String) async -> ExtractionRecord {
        let images: [RasterImage]
        do {
            images = try options.rasterizer.decodeImage(at: path)
        } catch {
            return failed(path, sha256, .image(error.description))
        }
        var record = ExtractionRecord(file: path, sha256: sha256)
        record.source = .imageOCR
        record.pages = images.count
        let pages = Array(images.prefix(options.pageLimit))
        var texts = [String](repeating: "", count: pages.count)
        var layout = [[SourceText.LocatedLine]](repeating: [], count: pages.count)
        for (index, result) in await recognize(pages: Array(pages.indices), render: { index in pages[index] }) {
            switch result {
            case .success(let page):
                texts[index] = page.text
                layout[index] = Self.layout(of: page)
                if page.meanConfidence < 70 { record.uncertainties.append(Finding(.lowConfidence, ["page": .number(index + 1), "confidence": .number(page.meanConfidence)], provenance: .init(page: index + 1, text: nil))) }
            case .failure(let error): record.errors.append(error)
            }
        }
        return finish(record, pages: texts, layout: layout)
    }

    /// A text layer's lines where they stand, as fractions of the page's size in points.
    static func layout(of page: PageText, size: (width: Double, height: Double)) -> [SourceText.LocatedLine] {
        guard size.width > 0, size.height > 0 else { return [] }
        return page.lines.map { line in
            SourceText.LocatedLine(
                text: line.text,
                region: PageRegion(
                    x: line.box.x / size.width, y: line.box.y / size.height, width: line.box.width / size.width, height: line.box.height / size.height))
        }
    }

    /// Recognised lines where they stand on the image as given.
    static func layout(of page: OCRPage) -> [SourceText.LocatedLine] {
        page.lines.map { line in
            let region = page.regionOnImage(line.box)
            return SourceText.LocatedLine(text: line.text, region: PageRegion(x: region.x, y: region.y, width: region.width, height: region.height))
        }
    }

    private func readXML(_ url: URL, sha256: String) -> [ExtractionRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return [failed(url.path, sha256, .cannotOpen(error.localizedDescription))]
        }
        do {
            switch try XMLRecords.read(data, name: url.lastPathComponent) {
            case .publications(let publications):
                return PublicationIntake(options: options).records(publications, file: url.path, sha256: sha256)
            case .activities(let export):
                return ActivityExportIntake.records(export, file: url.path, sha256: sha256, options: options)
            }
        } catch {
            return [failed(url.path, sha256, .xml(error.reason.description))]
        }
    }

    /// `%%EOF` in the last kilobyte, where every complete PDF has it.
    static func hasEndOfFileMarker(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return false }
        try? handle.seek(toOffset: size > 1024 ? size - 1024 : 0)
        let tail = (try? handle.readToEnd()) ?? Data()
        return tail.range(of: Data("%%EOF".utf8)) != nil
    }

    // MARK: Recognition

    /// Recognises the given pages, one more at a time than the pool has engines: the next page is
    /// rendered while the engines read, and memory holds a few pages whatever the count.
    private func recognize(
        pages: [Int], render: @escaping @Sendable (Int) throws(IntakeError) -> RasterImage
    ) async -> [(Int, Result<OCRPage, IntakeError>)] {
        let started = ContinuousClock.now
        let timeout = options.pageTimeout
        let deadline = started + options.documentTimeout
        return await withTaskGroup(of: (Int, Result<OCRPage, IntakeError>).self) { group in
            var results: [(Int, Result<OCRPage, IntakeError>)] = []
            var queue = pages[...]
            func startNext() {
                guard let index = queue.popFirst() else { return }
                group.addTask { [ocr] in
                    guard ContinuousClock.now < deadline else {
                        return (index, .failure(.timedOut(seconds: Int(options.documentTimeout.components.seconds))))
                    }
                    do {
                        let image = try render(index)
                        return (index, .success(try await ocr.recognize(image, timeout: timeout)))
                    } catch let error as IntakeError {
                        return (index, .failure(error))
                    } catch {
                        return (index, .failure(.ocr(page: index + 1, "\(error)")))
                    }
                }
            }
            for _ in 0...max(1, ocr.size) { startNext() }
            for await result in group {
                results.append(result)
                startNext()
            }
            return results.sorted { $0.0 < $1.0 }
        }
    }

    // MARK: Records

    private func failed(_ path: String, _ sha256: String, _ error: IntakeError) -> ExtractionRecord {
        var record = ExtractionRecord(file: path, sha256: sha256)
        record.errors = [error]
        return record
    }

    /// Extracts the facts from the pages' text and decides what the rules will see.
    private func finish(_ record: ExtractionRecord, pages: [String], layout: [[SourceText.LocatedLine]]) -> ExtractionRecord {
        guard pages.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            var record = record
            if record.errors.isEmpty { record.errors.append(.noText(pages: record.pages)) }
            return record
        }
        let facts = FactExtractor.extract(from: SourceText(pages: pages, layout: layout), lexicon: options.lexicon, worker: options.worker)
        return EvidenceBuilder(options: options).record(from: facts, base: record)
    }
}

/// Whether a PDF page's own text layer can be trusted, or the page must be recognised.
enum TextLayer {
    /// At least a few words of real letters: scanners add an empty or garbage layer, and some
    /// producers embed fonts without a map back to Unicode.
    static func isUsable(_ text: String) -> Bool {
        let visible = text.filter { !$0.isWhitespace }
        let letters = visible.filter(\.isLetter)
        return letters.count >= 20 && Double(letters.count) >= Double(visible.count) * 0.5
            && !visible.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) || $0 == "\u{FFFD}" }
    }
}
