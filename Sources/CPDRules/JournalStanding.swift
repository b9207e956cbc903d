/// Where an article's journal stands on the lists the user supplies, and so its row of Appendix 1:
/// criterion 10, "periodicals indexed in Scopus, WebofScience, Springer" (priced by quartile);
/// criterion 8, "periodicals included in the list of those recommended by the Quality Assurance
/// Committee"; criterion 9, "national and foreign editions not included in the list recommended".
public struct JournalStanding: Sendable, Hashable {
    /// The journal's quartile on the indexed list; nil when it is not there or no list was given.
    public var quartile: Quartile?
    /// Whether the indexed list was given: without it, a journal off the recommended list may
    /// still be indexed, and criterion 9 cannot be told from 10.
    public var indexedListGiven: Bool
    /// Whether the journal is on the recommended list; nil when that list was not given.
    public var onRecommendedList: Bool?

    public init(quartile: Quartile?, indexedListGiven: Bool, onRecommendedList: Bool?) {
        self.quartile = quartile
        self.indexedListGiven = indexedListGiven
        self.onRecommendedList = onRecommendedList
    }

    /// True for criterion 8, false for 9, nil when the lists do not decide (or the quartile does).
    public var inRecommendedJournal: Bool? {
        guard quartile == nil, let onRecommendedList else { return nil }
        return onRecommendedList ? true : indexedListGiven ? false : nil
    }

    /// 10, 8 or 9; nil while the lists given do not decide it.
    public var criterion: Int? { ActivityKind.article.criterion(quartile: quartile, inRecommendedJournal: inRecommendedJournal) }
}
