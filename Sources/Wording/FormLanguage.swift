import CPDRules
import Foundation

/// The language of a form or a message: the template it is rendered from and how its numbers
/// and dates are written.
public enum FormLanguage: String, CaseIterable, Sendable {
    case ru, kk, en

    /// "8,5" in Kazakh and Russian, "8.5" in English.
    public func format<Amount: ExactAmount>(_ amount: Amount) -> String {
        self == .en ? amount.description : amount.description.replacingOccurrences(of: ".", with: ",")
    }

    /// dd.mm.yyyy, as documents in Kazakhstan write dates.
    public func format(_ date: CalendarDate) -> String {
        String(format: "%02d.%02d.%04d", date.day, date.month, date.year)
    }

    /// mm.yyyy: a month written as the dates are, in every language.
    public func format(year: Int, month: Int) -> String {
        String(format: "%02d.%04d", month, year)
    }
}
