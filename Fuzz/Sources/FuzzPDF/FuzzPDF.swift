import Foundation
import PDFReading

/// Enough pages to reach past a damaged first one, few enough to keep each run short.
private let pagesRead = 4

/// The input as a PDF the way the intake reads one: open from memory, the text layer and form
/// fields of the first pages, and the first page rendered (at a low resolution: the render path
/// is the same at 300 dpi, only slower).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let pdf = try? PDFFile(data: Data(bytes: data, count: size)) else { return 0 }
    for index in 0..<min(pdf.pageCount, pagesRead) { _ = pdf.text(ofPage: index).text }
    _ = try? pdf.render(page: 0, dpi: 18)
    return 0
}
