import Foundation

/// The folder of form templates shipped with cpd (`Templates/forms`): one Mustache template per
/// form and language, plus partials they share.
public enum FormTemplates {
    public static var directory: URL? { Bundle.module.url(forResource: "forms", withExtension: nil) }
}
