import CLibXML2
import Foundation

/// The XSD of the CPD activity export, shipped as a resource. Read once; compiled per use, which
/// costs about a millisecond and keeps no libxml2 structure alive between calls.
private let activitySchemaText: Data = {
    guard let url = Bundle.module.url(forResource: "cpd-activities-1", withExtension: "xsd"),
        let data = try? Data(contentsOf: url)
    else { fatalError("cpd-activities-1.xsd is missing from the XMLRecords resources") }
    return data
}()

/// Collects the schema errors of one validation, reached through the callback's context pointer.
private final class SchemaProblems {
    var messages: [String] = []
}

private let recordSchemaProblem: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let problems = Unmanaged<SchemaProblems>.fromOpaque(context).takeUnretainedValue()
    // libxml2 names elements with their namespace, `{urn:kz:cpd:activities:1}activity`; the
    // namespace is the only one the schema has, so it is noise to a reader.
    let message = errorMessage(error).replacingOccurrences(of: "{urn:kz:cpd:activities:1}", with: "")
    problems.messages.append("line \(error.pointee.line): \(message)")
}

/// Validates a parsed CPD activity export against `cpd-activities-1.xsd`, collecting every
/// problem with its line.
func validateActivityExport(_ root: ParsedElement) throws(XMLRecordError.Reason) {
    let problems = SchemaProblems()
    let context = Unmanaged.passUnretained(problems).toOpaque()
    let valid = activitySchemaText.withUnsafeBytes { (text: UnsafeRawBufferPointer) -> Bool in
        guard let parser = xmlSchemaNewMemParserCtxt(text.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(text.count))
        else { return false }
        xmlSchemaSetParserStructuredErrors(parser, recordSchemaProblem, context)
        let schema = xmlSchemaParse(parser)
        xmlSchemaFreeParserCtxt(parser)
        guard let schema else { return false }
        defer { xmlSchemaFree(schema) }
        guard let validator = xmlSchemaNewValidCtxt(schema) else { return false }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, recordSchemaProblem, context)
        return xmlSchemaValidateDoc(validator, root.node.pointee.doc) == 0
    }
    guard valid else {
        throw .invalidAgainstSchema(problems.messages.isEmpty ? ["line 1: the schema could not be applied"] : problems.messages)
    }
}
