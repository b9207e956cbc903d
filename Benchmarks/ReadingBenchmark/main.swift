// Times PDFReading and OCR against the command-line tools they replace, on the corpus.
// Run: swift run -c release ReadingBenchmark [path/to/shared]   (Benchmarks/README.md)
import Foundation
import OCR
import PDFReading

// MARK: Corpus

let shared = CommandLine.arguments.dropFirst().first { !$0.hasPrefix("--") }.map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("../shared").standardized

struct Truth: Decodable {
    struct Worker: Decodable { let documents: [Document] }
    struct Document: Decodable { let file: String; let source: String }
    let workers: [Worker]

    func files(_ source: String) -> [String] {
        workers.flatMap(\.documents).filter { $0.source == source }
            .map { shared.appendingPathComponent("corpus").appendingPathComponent($0.file).path }
    }
}

// MARK: Measuring

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return (ContinuousClock.now - start) / .seconds(1)
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return (ContinuousClock.now - start) / .seconds(1)
}

/// Peak resident memory of this process so far, in MiB.
func peakMemory() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Runs a tool to completion, its output discarded or returned.
@discardableResult
func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:], output: Bool = false) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = output ? pipe : FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { fatalError("cannot run \(tool): \(error)") }
    let data = output ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Calls `body` for 0..<count on `width` threads at a time.
func concurrently(_ count: Int, width: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = width
    for index in 0..<count { queue.addOperation { body(index) } }
    queue.waitUntilAllOperationsAreFinished()
}

final class Collected<Value>: @unchecked Sendable {
    // Written from several threads: always under `lock`.
    private let lock = NSLock()
    private var storage: [Int: Value] = [:]
    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }
}

/// Share of the CLI's words that our text also has: a check that both did the same work.
func agreement(_ ours: [String], _ theirs: [String]) -> Double {
    let pairs = zip(ours, theirs).map { (Set($0.split(whereSeparator: \.isWhitespace)), Set($1.split(whereSeparator: \.isWhitespace))) }
    let shared = pairs.reduce(0) { $0 + $1.0.intersection($1.1).count }
    return Double(shared) / Double(max(1, pairs.reduce(0) { $0 + $1.1.count }))
}

struct Row: Codable {
    let name: String, files: Int, pages: Int, ours: Double, baseline: Double, baselineName: String
}

func printTable(_ rows: [Row]) {
    func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
    func number(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
    print()
    print(
        pad("case", 34), pad("files", 6), pad("pages", 6), pad("ours s", 8), pad("ms/page", 8),
        pad("baseline", 40), pad("s", 8), pad("ms/page", 8), "speed-up")
    for row in rows {
        print(
            pad(row.name, 34), pad("\(row.files)", 6), pad("\(row.pages)", 6), pad(number(row.ours, 2), 8),
            pad(number(row.ours * 1000 / Double(row.pages), 1), 8), pad(row.baselineName, 40),
            pad(number(row.baseline, 2), 8), pad(number(row.baseline * 1000 / Double(row.pages), 1), 8),
            number(row.baseline / row.ours, 2) + "x")
    }
}

// MARK: Text PDFs

func benchmarkTextPDFs(_ files: [String]) throws -> Row {
    var pages = 0
    for file in files { pages += try PDFFile(path: file).pageCount }
    // Best of three rounds each, after a warm-up that fills the page cache.
    var ours = Double.infinity, theirs = Double.infinity
    for _ in 0..<3 {
        ours = min(
            ours,
            try seconds {
                for file in files {
                    let pdf = try PDFFile(path: file)
                    for page in 0..<pdf.pageCount { _ = pdf.text(ofPage: page).text }
                }
            })
        theirs = min(theirs, seconds { for file in files { run("/usr/bin/pdftotext", [file, "-"]) } })
    }
    return Row(
        name: "text PDFs: PDFFile.text", files: files.count, pages: pages, ours: ours, baseline: theirs,
        baselineName: "pdftotext, a process per file")
}

// MARK: Scans

struct ScanPage: Sendable { let file: String; let page: Int }

/// Renders (PDF) or loads (image) a page, ready for OCR.
func raster(_ page: ScanPage) throws -> RasterImage {
    if page.file.hasSuffix(".pdf") { return try PDFFile(path: page.file).render(page: page.page) }
    return try loadImage(path: page.file)[page.page]
}

/// Our pipeline on a pool of `size` engines, keeping one page more than engines in flight, so
/// the next page is rendered while the engines read (as the intake does).
func ours(_ pages: [ScanPage], size: Int) async throws -> (Double, [String], [Int]) {
    let pool = OCRPool(size: size)
    _ = try await pool.recognize(raster(pages[0]))  // the engines load before the clock starts
    var texts = [String](repeating: "", count: pages.count), rotations = [Int](repeating: 0, count: pages.count)
    let time = try await seconds {
        try await withThrowingTaskGroup(of: (Int, OCRPage).self) { group in
            var next = 0
            func submit() {
                guard next < pages.count else { return }
                let index = next
                next += 1
                group.addTask { (index, try await pool.recognize(try raster(pages[index]))) }
            }
            for _ in 0...size { submit() }
            while let (index, page) = try await group.next() {
                texts[index] = page.text
                rotations[index] = page.rotation
                submit()
            }
        }
    }
    return (time, texts, rotations)
}

/// The command-line pipeline: pdftoppm to a gray PGM, then tesseract, one process each, `width`
/// pages at a time. PGM rather than PNG: compressing a noisy 300-dpi scan to PNG takes pdftoppm
/// from 0.7 s to over 20 s a page, which would measure zlib, not OCR.
func cli(_ pages: [ScanPage], width: Int, scratch: URL) -> (Double, [String]) {
    let texts = Collected<String>()
    let time = seconds {
        concurrently(pages.count, width: width) { index in
            let page = pages[index]
            var image = page.file
            if page.file.hasSuffix(".pdf") {
                let prefix = scratch.appendingPathComponent("page-\(index)").path
                let number = "\(page.page + 1)"
                run("/usr/bin/pdftoppm", ["-r", "300", "-gray", "-singlefile", "-f", number, "-l", number, page.file, prefix])
                image = prefix + ".pgm"
            }
            texts[index] = run(
                "/usr/bin/tesseract", [image, "-", "-l", "kaz+rus+eng"], environment: ["OMP_THREAD_LIMIT": "1"],
                output: true)
            if image != page.file { try? FileManager.default.removeItem(atPath: image) }
        }
    }
    return (time, pages.indices.map { texts[$0] ?? "" })
}

func benchmarkScans(_ name: String, _ files: [String], scratch: URL, cores coreCounts: [Int]) async throws -> [Row] {
    let pages = try files.flatMap { file in
        file.hasSuffix(".pdf")
            ? (0..<(try PDFFile(path: file).pageCount)).map { ScanPage(file: file, page: $0) }
            : [ScanPage(file: file, page: 0)]
    }
    var rows: [Row] = []
    for cores in coreCounts {
        // Best of two rounds, ours and the CLI's taking turns, against other load on the machine.
        var ourTime = Double.infinity, cliTime = Double.infinity
        var ourTexts: [String] = [], cliTexts: [String] = [], rotations: [Int] = []
        for _ in 0..<2 {
            let (time, texts, turns) = try await ours(pages, size: cores)
            (ourTime, ourTexts, rotations) = (min(ourTime, time), texts, turns)
            let (theirTime, theirTexts) = cli(pages, width: cores, scratch: scratch)
            (cliTime, cliTexts) = (min(cliTime, theirTime), theirTexts)
        }
        rows.append(
            Row(name: "\(name), \(cores) core\(cores == 1 ? "" : "s"): pool of \(cores)", files: files.count,
                pages: pages.count, ours: ourTime, baseline: cliTime,
                baselineName: "\(name.hasPrefix("PDF") ? "pdftoppm + " : "")tesseract CLI, \(cores) at a time"))
        print(
            String(
                format: "%@ on %d core(s): %.0f%% of the CLI's words also in ours; pages turned upright: %d",
                name, cores, 100 * agreement(ourTexts, cliTexts), rotations.filter { $0 != 0 }.count))
    }
    return rows
}

// MARK: Memory on a long scan

/// Reads a 200-page scanned PDF page by page through a pool of two, in a process of its own so
/// that the peak is this job's alone.
func measureMemory(scratch: URL, scan: String) throws {
    let long = scratch.appendingPathComponent("200-pages.pdf").path
    run("/usr/bin/pdfunite", Array(repeating: scan, count: 200) + [long])
    let report = run(CommandLine.arguments[0], ["--memory", long], output: true)
    print(report, terminator: "")
}

func memoryRun(_ path: String) async throws {
    let pdf = try PDFFile(path: path)
    let pool = OCRPool(size: 2)
    var afterFirst = 0.0
    let pages = (0..<pdf.pageCount).map { ScanPage(file: path, page: $0) }
    let time = try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, _) in pages.enumerated() {
                if index >= 3 { try await group.next() }
                if index == 3 { afterFirst = peakMemory() }
                group.addTask { _ = try await pool.recognize(try pdf.render(page: index)) }
            }
            try await group.waitForAll()
        }
    }
    print(
        String(
            format: "200-page scanned PDF, pool of 2: %d pages in %.1f s (%.0f ms/page); peak RSS %.0f MiB after the first three pages, %.0f MiB after all %d",
            pdf.pageCount, time, time * 1000 / Double(pdf.pageCount), afterFirst, peakMemory(), pdf.pageCount))
}

// MARK: Main

if let index = CommandLine.arguments.firstIndex(of: "--memory") {
    try await memoryRun(CommandLine.arguments[index + 1])
    exit(0)
}

let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: shared.appendingPathComponent("corpus/truth.json")))
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reading-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

/// The one-core rows come from a copy of this program pinned to one CPU (`taskset -c 0`), so
/// neither side borrows the second core: not our rendering, not the CLI's processes.
if let index = CommandLine.arguments.firstIndex(of: "--one-core") {
    let kind = CommandLine.arguments[index + 1]
    let name = kind == "pdf-ocr" ? "PDF scans" : "JPEG photos"
    let rows = try await benchmarkScans(name, truth.files(kind), scratch: scratch, cores: [1])
    try JSONEncoder().encode(rows).write(to: URL(fileURLWithPath: CommandLine.arguments[index + 2]))
    exit(0)
}

func pinnedToOneCore(_ kind: String) throws -> [Row] {
    let output = scratch.appendingPathComponent("one-core-\(kind).json")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
    process.arguments = ["-c", "0", CommandLine.arguments[0], shared.path, "--one-core", kind, output.path]
    try process.run()
    process.waitUntilExit()
    return try JSONDecoder().decode([Row].self, from: Data(contentsOf: output))
}

print("Corpus: \(shared.path); \(ProcessInfo.processInfo.activeProcessorCount) cores; one-core rows pinned to CPU 0")
var rows = [try benchmarkTextPDFs(truth.files("pdf-text"))]
for kind in ["pdf-ocr", "image-ocr"] {
    rows += try pinnedToOneCore(kind)
    rows += try await benchmarkScans(kind == "pdf-ocr" ? "PDF scans" : "JPEG photos", truth.files(kind), scratch: scratch, cores: [2])
}
printTable(rows)
print()
try measureMemory(scratch: scratch, scan: truth.files("pdf-ocr")[0])
