/// What an HR officer established about a document after looking at it, kept against the
/// document's content (its SHA-256) so that every command assessing the worker applies it: a fact
/// set to what the page says, every doubt of the reading checked, or the document refused under
/// paragraph 11 with the officer's reason. The latest correction of a kind wins.
public struct Correction: Sendable, Hashable, Codable {
    public enum Change: Sendable, Hashable, Codable {
        /// The fact's value as the page states it (text as `EvidenceFact.text(in:)` writes it);
        /// nil when the page states none.
        case fact(EvidenceFact, String?)
        /// The officer checked the reading and the holder: the doubts the reading raised are
        /// settled, and the rules decide on the facts.
        case accepted
        /// Refused under paragraph 11 (or 7) on the officer's finding, in the officer's words.
        case refused(RefusalReason, note: String)
    }

    /// The content the correction is about, and which record of it (a record set's position).
    public let sha256: String
    public let item: Int?
    public let change: Change
    /// Who made it, and on which day.
    public let by: String
    public let on: CalendarDate

    public init(sha256: String, item: Int?, change: Change, by: String, on: CalendarDate) {
        self.sha256 = sha256
        self.item = item
        self.change = change
        self.by = by
        self.on = on
    }

    /// What a later correction of the same document replaces: the same fact, or the decision.
    public var slot: String {
        switch change {
        case .fact(let fact, _): "fact:\(fact.rawValue)"
        case .accepted, .refused: "decision"
        }
    }
}
