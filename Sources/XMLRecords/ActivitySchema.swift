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

/// One way a document breaks its XSD: libxml2's message and the line it gives.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "line \(line): \(message)" }
}

/// Collects the schema errors of one validation, reached through the callback's context pointer.
private final class SchemaProblems {
    /// `{urn:kz:cpd:activities:1}`: libxml2 names elements with their namespace; the schema's
    /// own is noise to a reader.
    let namespacePrefix: String
    var violations: [SchemaViolation] = []

    init(namespace: String) { namespacePrefix = "{\(namespace)}" }
}

private let recordSchemaProblem: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let problems = Unmanaged<SchemaProblems>.fromOpaque(context).takeUnretainedValue()
    let message = errorMessage(error).replacingOccurrences(of: problems.namespacePrefix, with: "")
    problems.violations.append(SchemaViolation(line: Int(error.pointee.line), message: message))
}

extension ParsedElement {
    /// Every way the whole document breaks the XSD `schema` (the schema's text), each with its
    /// line; empty when the document is valid. `namespace` is the schema's target namespace,
    /// left out of the element names in the messages.
    public func schemaViolations(schema: Data, namespace: String) -> [SchemaViolation] {
        let problems = SchemaProblems(namespace: namespace)
        let context = Unmanaged.passUnretained(problems).toOpaque()
        let valid = schema.withUnsafeBytes { (text: UnsafeRawBufferPointer) -> Bool in
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
            return xmlSchemaValidateDoc(validator, node.pointee.doc) == 0
        }
        guard !valid else { return [] }
        return problems.violations.isEmpty ? [SchemaViolation(line: 1, message: "the schema could not be applied")] : problems.violations
    }
}

/// Validates a parsed CPD activity export against `cpd-activities-1.xsd`, collecting every
/// problem with its line.
func validateActivityExport(_ root: ParsedElement) throws(XMLRecordError.Reason) {
    let violations = root.schemaViolations(schema: activitySchemaText, namespace: "urn:kz:cpd:activities:1")
    guard violations.isEmpty else { throw .invalidAgainstSchema(violations.map(\.description)) }
}
