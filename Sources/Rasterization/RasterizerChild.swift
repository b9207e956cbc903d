import Foundation
import OCR
import PDFReading

#if canImport(Glibc)
    import Glibc
#endif

/// The child's side: `cpd __rasterize pdf-page FILE INDEX DPI | image FILE
/// [--memory BYTES] [--cpu-seconds N]`. Limits itself first, then decodes and writes the
/// images as PGM on standard output (`PGMStream`), or `!` and the reason it was refused.
public enum RasterizerChild {
    /// The first argument that makes `cpd` the child: not a command a person types.
    public static let argument = "__rasterize"

    /// Runs the child; `arguments` are the ones after `argument`.
    public static func main(_ arguments: [String]) -> Int32 {
        var operands: [String] = []
        var memory: Int?, cpuSeconds: Int?
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--memory": memory = rest.popFirst().flatMap { Int($0) }
            case "--cpu-seconds": cpuSeconds = rest.popFirst().flatMap { Int($0) }
            default: operands.append(argument)
            }
        }
        // Descriptors the parent left open (its database, its lock) are not the child's to keep.
        closefrom(3)
        // The CPU limit also stops a child whose parent died before it could kill it.
        if let memory { limit(RLIMIT_AS, memory) }
        // SIGXCPU at the soft limit tells a loop from the memory limit's abort; SIGKILL follows.
        if let cpuSeconds { limit(RLIMIT_CPU, cpuSeconds, slack: 2) }

        let answer: Data
        switch operands.first {
        case "pdf-page" where operands.count == 4:
            guard let index = Int(operands[2]), let dpi = Int(operands[3]), index >= 0, dpi > 0 else { return usage() }
            do {
                let pdf = try PDFFile(path: operands[1])
                guard index < pdf.pageCount else { return write(PGMStream.failure("the PDF has no page \(index + 1)")) }
                answer = PGMStream.encode(try pdf.render(page: index, dpi: dpi))
            } catch {
                answer = PGMStream.failure(error.description)
            }
        case "image" where operands.count == 2:
            do {
                answer = try loadImage(path: operands[1]).reduce(into: Data()) { $0.append(PGMStream.encode($1)) }
            } catch {
                answer = PGMStream.failure(error.description)
            }
        default:
            return usage()
        }
        return write(answer)
    }

    private static func limit(_ resource: __rlimit_resource, _ value: Int, slack: Int = 0) {
        var bound = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value + slack))
        setrlimit(__rlimit_resource_t(resource.rawValue), &bound)
    }

    private static func write(_ data: Data) -> Int32 {
        FileHandle.standardOutput.write(data)
        return 0
    }

    private static func usage() -> Int32 {
        FileHandle.standardError.write(Data("usage: cpd __rasterize pdf-page FILE INDEX DPI | image FILE [--memory BYTES] [--cpu-seconds N]\n".utf8))
        return 64
    }
}
