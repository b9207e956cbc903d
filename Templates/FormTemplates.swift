import Foundation

/// The templates shipped with cpd: the forms (`Templates/forms`: one Mustache template per form
/// and language, plus partials they share) and the review workspace's pages (`Templates/review`).
public enum FormTemplates {
    public static var directory: URL? { Bundle.module.url(forResource: "forms", withExtension: nil) }
    public static var reviewDirectory: URL? { Bundle.module.url(forResource: "review", withExtension: nil) }
}
