import Foundation
import OCR

/// Turns a PDF page or an image file into gray pixels for OCR, in a child process (`cpd`
/// started with `RasterizerChild.argument`) with a time and a memory limit.
///
/// Decoding is where untrusted bytes meet C libraries that cannot be stopped from outside:
/// poppler 22.12 lays out a broken multiline form field in a loop that never ends and grows
/// by 30 MB a second (`Fuzz/Known/`), and a decoder may allocate far beyond what a file's size
/// suggests. In a child, such a file costs its time limit and is refused with the reason; the
/// reading of the other files goes on. Text layers are read in-process: they are cheap, and
/// poppler's text extraction has no such loop.
public struct Rasterizer: Sendable {
    /// The program started as the child: `cpd`, which hands the work to `RasterizerChild`.
    public let executable: String
    /// Wall-clock time for one page or image; the child also has it as a CPU-time limit, so it
    /// stops even if this process dies first.
    public var timeLimit: Duration
    /// The child's address space: a 100-megapixel page drawn in colour needs about 400 MB, a
    /// TIFF's pages up to 400 MB as gray, and the program itself about 200 MB.
    public var memoryLimit: Int

    public init(executable: String, timeLimit: Duration = .seconds(60), memoryLimit: Int = 2 << 30) {
        self.executable = executable
        self.timeLimit = timeLimit
        self.memoryLimit = memoryLimit
    }

    /// The running `cpd`, or (in another program: the test runner, a benchmark) the `cpd`
    /// built beside it.
    public static func installed() -> Rasterizer {
        let program = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return Rasterizer(executable: program.lastPathComponent == "cpd" ? program.path : program.deletingLastPathComponent().appendingPathComponent("cpd").path)
    }

    /// Page `index` (from 0) of the PDF at `path`, at `dpi` or the lower resolution the pixel
    /// budget allows (`PDFFile.render`).
    public func renderPage(ofPDF path: String, index: Int, dpi: Int) throws(RasterizationError) -> RasterImage {
        let images = try run(["pdf-page", Self.absolute(path), String(index), String(dpi)], what: "page \(index + 1)")
        guard images.count == 1 else { throw .childFailed("page \(index + 1): \(images.count) images came back for one page") }
        return images[0]
    }

    /// Every page of the image file at `path`, as `loadImage` decodes it.
    public func decodeImage(at path: String) throws(RasterizationError) -> [RasterImage] {
        try run(["image", Self.absolute(path)], what: "the image")
    }

    private func run(_ arguments: [String], what: String) throws(RasterizationError) -> [RasterImage] {
        let seconds = Int(timeLimit.components.seconds)
        let run: ChildRun
        do {
            run = try ChildRun.run(
                executable, [RasterizerChild.argument] + arguments + ["--memory", String(memoryLimit), "--cpu-seconds", String(max(seconds, 1) + 1)],
                timeLimit: timeLimit, outputLimit: Self.outputLimit)
        } catch {
            throw .unavailable("\(executable) cannot be started (\(error))")
        }
        switch run.ending {
        case .timedOut, .signalled(SIGXCPU):
            throw .timedOut(what: what, seconds: seconds)
        case .tooMuchOutput:
            throw .childFailed("\(what): more than \(Self.outputLimit / 1_000_000) MB of pixels")
        case .signalled(let signal):
            // An allocation refused at the memory limit ends C++ code in abort().
            throw .childFailed(
                "\(what): the decoder stopped with signal \(signal) (\(String(cString: strsignal(signal)))), most likely over the \(memoryLimit >> 20) MB a decoding may use"
                    + (run.errorLines.isEmpty ? "" : "; it said: \(run.errorLines.joined(separator: "; "))"))
        case .exited(let code):
            switch try? PGMStream.decode(run.output) {
            case .failure(let reason):
                // The decoder's own words say what is damaged ("Corrupt JPEG data: premature end
                // of data segment").
                throw .refused(run.errorLines.isEmpty ? reason : "\(reason) (\(run.errorLines.joined(separator: "; ")))")
            case .images(let images) where code == 0 && !images.isEmpty: return images
            default:
                throw .childFailed("\(what): the decoder exited with status \(code) without an image" + (run.errorLines.isEmpty ? "" : "; it said: \(run.errorLines.joined(separator: "; "))"))
            }
        }
    }

    /// Four 100-megapixel gray pages (a TIFF's whole budget) and their headers.
    private static let outputLimit = 4 * imagePixelLimit + 1 << 20

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}

/// Why no pixels came back.
public enum RasterizationError: Error, Equatable, CustomStringConvertible {
    /// The file was read and refused: its reason as `PDFReadError` or `OCRError` words it.
    case refused(String)
    case timedOut(what: String, seconds: Int)
    /// The child crashed, ran out of memory or answered nonsense.
    case childFailed(String)
    /// The child's program cannot be started.
    case unavailable(String)

    public var description: String {
        switch self {
        case .refused(let reason): reason
        case .timedOut(let what, let seconds): "\(what) could not be decoded within \(seconds) s: the file makes the decoder loop or is far too complex"
        case .childFailed(let reason): reason
        case .unavailable(let reason): "the page decoder is unavailable: \(reason)"
        }
    }
}
