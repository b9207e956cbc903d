/// What a person must establish before a document can count, as a value: a code, the facts
/// behind it and, where known, the place in the document it was read from.
///
/// Refusals are codes with details so that a notice in any language can state them (`Refusal`);
/// findings are the same for documents that go to review. The words are the message catalogue's
/// (`Templates/forms/finding.<language>.mustache`, one entry per code and language), never the
/// code's: a Kazakh or Russian form states a finding in its own language.
public struct Finding: Sendable, Hashable, Codable {
    public let code: FindingCode
    /// The facts the wording states, by name: the names each code uses are listed with the code.
    public let details: [String: FindingValue]
    /// Where in the document the finding was read, when it was read from one place.
    public let provenance: Provenance?

    /// A page and the text found on it.
    public struct Provenance: Sendable, Hashable, Codable {
        public let page: Int?
        public let text: String?

        public init(page: Int?, text: String?) {
            self.page = page
            self.text = text
        }
    }

    public init(_ code: FindingCode, _ details: [String: FindingValue] = [:], provenance: Provenance? = nil) {
        self.code = code
        self.details = details
        self.provenance = provenance
    }
}

/// Why a document goes to review. The comment of each code names its details.
public enum FindingCode: String, CaseIterable, Sendable, Codable {
    // The rules (`Criterion.evaluate`).
    /// `volume` (a `VolumeKind`), `line`: a line seems to state the volume, but it was not understood.
    case unreadVolume = "unread-volume"
    /// No details: the credit could not be computed from the facts.
    case creditNotComputed = "credit-not-computed"
    /// `start`, `end`: the start date is after the end date.
    case startAfterEnd = "start-after-end"
    /// `month`, `periodStart`, `periodEnd`: published in the month an edge of the period falls in.
    case publishedInEdgeMonth = "published-in-edge-month"
    /// `year`, `periodStart`, `periodEnd`: published in the year the period starts.
    case publishedInStartYear = "published-in-start-year"
    /// `periodStart`, `periodEnd`: no date places the document in the period.
    case noDate = "no-date"
    /// No details.
    case membershipStartUnknown = "membership-start-unknown"
    /// No details.
    case tutoringStartUnknown = "tutoring-start-unknown"
    /// No details.
    case authorPositionUnknown = "author-position-unknown"
    /// No details: monograph or guidelines (criterion 6).
    case publicationKindUnknown = "publication-kind-unknown"
    /// No details.
    case quartileUnknown = "quartile-unknown"
    /// `significance`, `criterion`: the criterion prices nothing at that level.
    case noCreditAtLevel = "no-credit-at-level"
    /// No details: regional, city, republican or international.
    case significanceUnknown = "significance-unknown"
    /// `credits`, `hours`, `hoursPerCredit`: the document's credits and hours disagree.
    case creditsAndHoursDisagree = "credits-and-hours-disagree"

    // The folder (`FolderAssessment`).
    /// No details: a translation whose original is not in the folder.
    case translationWithoutOriginal = "translation-without-original"
    /// `original`: the same few facts as an earlier document, nothing to tell them apart.
    case possibleDuplicate = "possible-duplicate"
    /// No details: no name of the person the document is issued to was found.
    case holderNotFound = "holder-not-found"
    /// `names`: a name that is not the worker's, but nothing says it is the holder's.
    case holderUnlabelled = "holder-unlabelled"
    /// `names`: a name that may not be the worker's.
    case holderUncertain = "holder-uncertain"

    // The reading (`Intake`).
    /// `read`, `pages`: only the first pages were read.
    case pagesNotRead = "pages-not-read"
    /// `page`, `confidence` (percent): a page recognised with low confidence.
    case lowConfidence = "low-confidence"
    /// `records`: none of the file's publication records names the worker among the authors.
    case workerInNoRecord = "worker-in-no-record"
    /// `authors`: the worker is not among the authors.
    case workerNotAmongAuthors = "worker-not-among-authors"
    /// No details: the article's journal is not named, so its criterion (8, 9 or 10) is open.
    case journalNotNamed = "journal-not-named"
    /// No details: the journal lists are needed to decide criterion 8, 9 or 10.
    case journalListsMissing = "journal-lists-missing"
    /// `activity`: weak phrases point to this kind of document.
    case activityGuessed = "activity-guessed"
    /// `activity`: the kind was read with low confidence.
    case activityUncertain = "activity-uncertain"
}

/// A detail of a finding, typed so that each language writes it its own way: a date as its
/// documents write dates, a significance or a kind of document in its own words. Text is as
/// the document or the register has it, never translated.
public enum FindingValue: Sendable, Hashable, Codable {
    case text(String)
    case names([String])
    case number(Int)
    /// An exact amount: hours, credits.
    case amount(Hours)
    case date(CalendarDate)
    case month(year: Int, month: Int)
    case significance(Significance)
    case activity(ActivityKind)
    case volume(VolumeKind)
}

/// The volume a criterion is priced by.
public enum VolumeKind: String, CaseIterable, Sendable, Codable {
    case hours, weeks, days
    /// Test questions or clinical scenarios (criterion 20).
    case counts
}
