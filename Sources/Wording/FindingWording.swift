import CPDRules
import FormTemplates
import Foundation
import Mustache

/// The message catalogue of findings: `Templates/forms/finding.<language>.mustache`, one entry
/// (a section named by the code) per code and language. The forms include the same files as
/// partials, so a finding reads the same in a form, in `assessment.json` and in the text report.
public struct FindingWording: Sendable {
    let library: MustacheLibrary

    /// The English catalogue shipped with cpd, which the JSON and text reports carry (the forms
    /// load their language's with their templates); nil when cpd was installed without its
    /// resources. One language only: a start pays for parsing what it uses.
    public static let shippedEnglish: FindingWording? = FormTemplates.directory.flatMap { try? FindingWording(directory: $0, languages: [.en]) }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads the catalogue, and the partials its entries use, from the templates' folder.
    public init(directory: URL, languages: [FormLanguage] = FormLanguage.allCases) throws {
        var library = MustacheLibrary()
        for language in languages {
            for name in ["finding", "reason", "activity", "category", "track", "fact", "calculation", "levelreference"].map({ "\($0).\(language.rawValue)" }) {
                let file = directory.appendingPathComponent("\(name).mustache")
                guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                    throw Failure(description: "the message catalogue is missing \(file.lastPathComponent)")
                }
                do {
                    // Plain text: the wording is inserted into a form, whose template escapes it.
                    try library.register("{{% CONTENT_TYPE: TEXT}}" + Self.templateText(text, named: name), named: name)
                } catch {
                    throw Failure(description: "the template \(file.lastPathComponent) cannot be read: \(error)")
                }
            }
        }
        self.library = library
    }

    /// The catalogue has one entry a line, for people to read; the line breaks are not part of
    /// the wording. Other templates are taken as they are.
    public static func templateText(_ text: String, named name: String) -> String {
        name.hasPrefix("finding.") ? text.split(separator: "\n").joined() : text
    }

    /// The finding in `language`, as plain text.
    public func message(_ finding: Finding, in language: FormLanguage) -> String {
        (library.render(Self.context(finding, language), withTemplate: "finding.\(language.rawValue)") ?? "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A refusal's reason in `language`, as plain text: the words the refusal notice gives it.
    public func message(_ refusal: Refusal, in language: FormLanguage) -> String {
        (library.render(Self.context(refusal, language), withTemplate: "reason.\(language.rawValue)") ?? "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// How a document's credit was computed, in `language`.
    public func message(_ calculation: Calculation, in language: FormLanguage) -> String {
        library.render(Self.context(calculation, language), withTemplate: "calculation.\(language.rawValue)") ?? calculation.description
    }

    /// What `calculation.<lang>` reads: a key for the kind of computation holding its numbers,
    /// amounts and dates written the language's way, and keys the words are chosen by.
    public static func context(_ calculation: Calculation, _ language: FormLanguage) -> [String: Any] {
        func amount(_ volume: Calculation.Volume) -> [String: Any] {
            switch volume {
            case .hours(let hours): ["hours": ["value": language.format(hours)]]
            case .credits(let credits, let perCredit, let hours):
                ["credits": ["credits": language.format(credits), "perCredit": perCredit, "hours": language.format(hours)]]
            case .weeks(let count): ["weeks": ["count": count]]
            case .weeksBetween(let count, let start, let end): ["weeksBetween": ["count": count, "start": language.format(start), "end": language.format(end)]]
            case .days(let count): ["days": ["count": count]]
            case .daysBetween(let count, let start, let end): ["daysBetween": ["count": count, "start": language.format(start), "end": language.format(end)]]
            }
        }
        switch calculation {
        case .volume(let volume, let rate, let significance):
            var values: [String: Any] = ["amount": amount(volume), "rate": language.format(rate)]
            if let significance { values["significance"] = [significance.rawValue: true] }
            return ["volume": values]
        case .reports(let count, let rate, let significance, let days, let dayRate):
            var values: [String: Any] = ["count": count, "rate": language.format(rate), "significance": [significance.rawValue: true]]
            if let days, let dayRate { values["days"] = ["amount": amount(days), "dayRate": language.format(dayRate)] }
            return ["reports": values]
        case .monograph: return ["monograph": true]
        case .guidelines: return ["guidelines": true]
        case .article(let quartile): return ["article": ["quartile": quartile.rawValue]]
        case .document(let level): return ["document": level.map { ["level": [$0.rawValue: true]] } ?? [:]]
        case .tutoring(let years, let rate): return ["tutoring": ["years": years, "rate": language.format(rate)]]
        case .examMaterial(let questions, let perQuestions, let scenarios, let perScenarios, let counting):
            return ["exam": [
                "questions": questions, "perQuestions": perQuestions, "scenarios": scenarios, "perScenarios": perScenarios,
                "complete": counting == .completeBlocks,
            ]]
        case .translation(let original): return ["translation": ["original": original]]
        }
    }

    /// A place in chapter 3 a level's condition rests on, in `language` ("пункт 12, подпункт 1").
    public func message(_ reference: LevelAssignment.Reference, in language: FormLanguage) -> String {
        library.render(Self.context(reference), withTemplate: "levelreference.\(language.rawValue)") ?? reference.description
    }

    /// What `levelreference.<lang>` reads.
    public static func context(_ reference: LevelAssignment.Reference) -> [String: Any] {
        switch reference {
        case .paragraph(let number, let item, let part):
            var values: [String: Any] = ["number": number]
            if let item { values["item"] = item }
            switch part {
            case .lastSentence?: values["lastSentence"] = true
            case .lastParagraph?: values["lastParagraph"] = true
            case nil: break
            }
            return ["paragraph": values]
        case .appendix(let number): return ["appendix": ["number": number]]
        }
    }

    /// The name of a kind of activity in `language`.
    public func name(of activity: ActivityKind, in language: FormLanguage) -> String {
        library.render(["activity": [activity.rawValue: true]], withTemplate: "activity.\(language.rawValue)") ?? activity.rawValue
    }

    /// The name of a fact read from a document (`hours`, `holderName`…) in `language`; the name
    /// itself when the catalogue has no words for it.
    public func name(ofFact name: String, in language: FormLanguage) -> String {
        let words = library.render([name: true], withTemplate: "fact.\(language.rawValue)")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return words.isEmpty ? name : words
    }

    /// The name of a qualification category in `language`.
    public func name(of category: QualificationCategory, in language: FormLanguage) -> String {
        library.render([category.rawValue: true], withTemplate: "category.\(language.rawValue)") ?? category.rawValue
    }

    /// One refusal as the reason partials read it: a key for its code, holding its details with
    /// dates written the language's way.
    public static func context(_ refusal: Refusal, _ language: FormLanguage) -> [String: Any] {
        var details: [String: Any] = [:]
        for (key, value) in refusal.details {
            details[key] = CalendarDate(value).map(language.format) ?? value
        }
        // The officer's own finding is worded as the officer gave it, whatever its code.
        if refusal.details["officerNote"] != nil { return ["byOfficer": details] }
        let key: String
        switch refusal.reason {
        case .outsidePeriod: key = "outsidePeriod"
        case .needsNotarizedTranslation: key = "needsTranslation"
        case .authorPosition:
            key = "authorPosition"
            details["firstOnly"] = refusal.details["limit"] == "1"
        case .holderMismatch: key = "holderMismatch"
        case .duplicate: key = "duplicate"
        case .missingVolume:
            key = "missingVolume"
            if let volume = refusal.details["volume"] { details[volume] = true }
        case .unreadable:
            key = "unreadable"
            if let cause = refusal.details["cause"] { details[cause] = true }
        case .unrecognized: key = "unrecognized"
        }
        return [key: details.isEmpty ? true : details]
    }

    /// What an entry reads: a key for the code holding its details, each written the
    /// language's way (dates, amounts), or as a key the entry chooses its words by
    /// (significance, the kind of document, the volume, a category, an education); a list of
    /// educations as keys marked `more` but for the last; and the provenance.
    public static func context(_ finding: Finding, _ language: FormLanguage) -> [String: Any] {
        var details: [String: Any] = [:]
        for (name, value) in finding.details {
            switch value {
            case .text(let text): details[name] = text
            case .names(let names): details[name] = names.joined(separator: ", ")
            case .number(let number): details[name] = "\(number)"
            case .amount(let amount): details[name] = language.format(amount)
            case .date(let date): details[name] = language.format(date)
            case .month(let year, let month): details[name] = language.format(year: year, month: month)
            case .significance(let significance): details[name] = [significance.rawValue: true]
            case .activity(let activity): details[name] = [activity.rawValue: true]
            case .volume(let volume): details[name] = [volume.rawValue: true]
            case .level(let level): details[name] = level.description
            case .category(let category): details[name] = [category.rawValue: true]
            case .track(let track): details[name] = [track.rawValue: true]
            case .tracks(let tracks):
                details[name] = tracks.enumerated().map { position, track in [track.rawValue: true, "more": position + 1 < tracks.count] }
            case .levelDocument(let document): details[name] = [document.rawValue: true]
            }
        }
        var context: [String: Any] = [finding.code.rawValue: details.isEmpty ? true : details]
        if let provenance = finding.provenance {
            var source: [String: Any] = [:]
            if let page = provenance.page { source["page"] = "\(page)" }
            if let text = provenance.text { source["text"] = text }
            context["provenance"] = source
        }
        return context
    }
}
