import Dispatch
import Foundation
@testable import Intake
import OCR

/// The intake reads from files, so each input is written to this one first.
private let path = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-fuzz-kind-\(getpid())").path

/// Never asked to recognise anything: only files detected as XML are read through the intake.
private let intake = Intake(ocr: OCRPool(size: 1, languages: "eng"))

/// The input as a file an HR inbox receives: the kind told from its first bytes (under a name
/// that lies about it), the PDF end-of-file check and the text-layer test; then, for what is
/// detected as XML, the whole intake: parse, format, publication or activity-export records.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let kind = FileKind.detect(bytes.prefix(1024), fileExtension: "pdf")
    _ = TextLayer.isUsable(String(decoding: bytes, as: UTF8.self))
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { fatalError("cannot write \(path)") }
    if kind == .pdf { _ = Intake.hasEndOfFileMarker(path) }
    guard kind == .xml else { return 0 }
    let done = DispatchSemaphore(value: 0)
    Task {
        _ = await intake.read(path)
        done.signal()
    }
    done.wait()
    return 0
}
