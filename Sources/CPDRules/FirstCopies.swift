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
