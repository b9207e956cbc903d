import Foundation
import Testing

/// A start pays only for what the files need: the OCR libraries (and the network and crypto
/// libraries tesseract brings) are opened when a page must be recognised, not before.
@Suite("What a run loads")
struct StartupTests {
    /// The dynamic loader's own account of the libraries it opened (`LD_DEBUG=libs`), child
    /// processes included.
    private func librariesOpened(reading file: String) throws -> String {
        let process = Process()
        process.executableURL = CPDProcess.executable
        process.arguments = ["extract", file]
        process.currentDirectoryURL = CPDProcess.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(["LD_DEBUG": "libs"]) { $1 }
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        let log = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: log, as: UTF8.self)
    }

    @Test func aTextPDFIsReadWithoutTheOCRLibraries() throws {
        let log = try librariesOpened(reading: "Samples/inbox/850314410007/01_advanced-training.pdf")
        #expect(log.contains("libpoppler"))
        #expect(!log.contains("libtesseract"))
        #expect(!log.contains("liblept"))
    }

    @Test func aPhotoOpensThemWhenItIsRead() throws {
        let log = try librariesOpened(reading: "Samples/inbox/850314410007/02_advanced-training.jpg")
        #expect(log.contains("libtesseract"))
        #expect(log.contains("liblept"))
    }
}
