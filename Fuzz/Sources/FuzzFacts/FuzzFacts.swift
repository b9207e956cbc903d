import FactExtraction

/// The input as UTF-8 text (invalid sequences become U+FFFD, as a PDF's text layer may hold),
/// pages cut at form feeds the way pdftotext separates them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
    _ = FactExtractor.extract(from: SourceText(pages: pages))
    return 0
}
