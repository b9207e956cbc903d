import Foundation
@testable import XMLRecords

/// The input as XML: once through `XMLRecords.read`, which picks the format by the root
/// element, and once through every format's mapping whatever the root, so that a PubMed
/// mutation also exercises the Crossref, JATS, ORCID and activity-export readers.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    _ = try? XMLRecords.read(bytes, name: "fuzz.xml")
    _ = try? XMLRecords.withDocument(bytes, name: "fuzz.xml") { root in
        _ = pubmedRecords(root)
        _ = crossrefRecords(root)
        _ = jatsRecord(root)
        _ = orcidRecords(root)
        _ = try? activityExport(root)
    }
    return 0
}
