/// Paragraph 11 confirms a result once: of the copies of the same evidence, the first in the
/// order the documents are assessed counts, and each later copy is refused as its duplicate.
public struct FirstCopies<Label: Sendable>: Sendable {
    private var firstByKey: [String: Label] = [:]

    public init() {}

    /// The copy that counts for `key`, when one came before.
    public func original(of key: String) -> Label? { firstByKey[key] }

    /// Notes `label` as the copy that counts for `key`, unless one came before it.
    public mutating func counts(_ key: String, as label: Label) {
        if firstByKey[key] == nil { firstByKey[key] = label }
    }
}

extension Evidence {
    /// The same certificate scanned twice gives the same fingerprint: the same criterion, number,
    /// holder (`holderKey`: the holder's surname as the reader compares names), dates, volumes and
    /// title (`EvidenceFact.identifiesACopy`).
    public func copyFingerprint(holderKey: String) -> String {
        var parts: [String?] = ["\(criterion)"] + EvidenceFact.allCases.filter(\.identifiesACopy).map {
            $0 == .title ? title?.lowercased() : $0.text(in: self)
        }
        // The holder after the number: the layout of the fingerprints the watch has stored.
        parts.insert(holderKey, at: 2)
        return parts.map { $0 ?? "-" }.joined(separator: "|")
    }
}
