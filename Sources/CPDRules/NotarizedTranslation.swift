/// Paragraph 7: "Documents issued in a foreign language shall be furnished with a notarized
/// translation in the Kazakh or Russian language."
public enum NotarizedTranslation {
    /// Whether a document whose original is in `language` (ISO 639-1; nil for Kazakh or Russian)
    /// needs a notarized translation under `criterion` (nil while it is not known), as the reading
    /// in force applies paragraph 7: a published work needs none unless
    /// `publicationsNeedTranslation`.
    public static func isRequired(language: String?, criterion: Criterion?, _ interpretation: Interpretation) -> Bool {
        guard let language, !isStateOrRussian(language) else { return false }
        return !(criterion?.isPublication ?? false) || interpretation.publicationsNeedTranslation
    }

    /// Kazakh, the state language, or Russian: the languages paragraph 7 accepts.
    public static func isStateOrRussian(_ language: String) -> Bool { ["kk", "ru"].contains(language.lowercased()) }
}
