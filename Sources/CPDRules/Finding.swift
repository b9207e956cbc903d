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

    // A qualification level's conditions (`LevelAssignment`, chapter 3). Details written
    // `track?` may be absent.
    /// `track`, `institution?`, `issuedOn?`: an education document of the level, issued at home.
    case levelEducation = "level-education"
    /// `track`, `institution?`, `issuedOn?`, `qs?`, `arwu?`, `the?`: issued abroad by an
    /// institution in the first 250 of two rankings (paragraph 15).
    case levelEducationForeignRanked = "level-education-foreign-ranked"
    /// `track`, `institution?`, `issuedOn?`, `qs?`, `arwu?`, `the?`: issued abroad by an
    /// institution not in the first 250 of two rankings.
    case levelEducationForeignUnranked = "level-education-foreign-unranked"
    /// `track`, `institution?`, `issuedOn?`: issued abroad; the ranking list does not name the institution.
    case levelEducationForeignNotListed = "level-education-foreign-not-listed"
    /// `track`, `institution?`, `issuedOn?`: issued abroad, and no ranking list was given.
    case levelEducationForeignNoList = "level-education-foreign-no-list"
    /// No details: the education is in nursing, which keeps the level (paragraph 19).
    case levelEducationNursing = "level-education-nursing"
    /// `track`: the education of the level is not in nursing.
    case levelEducationNotNursing = "level-education-not-nursing"
    /// `track`, `count`: no document is of the level's education; `count` do not say which they are.
    case levelEducationUnmarked = "level-education-unmarked"
    /// No details: the register lists no education document.
    case levelEducationNone = "level-education-none"
    /// `track`, `held` (tracks): the register's education documents are of other education.
    case levelEducationOtherTrack = "level-education-other-track"
    /// No details: not asked of a nurse keeping the level with new nursing education (paragraph 19).
    case levelKeptByNurse = "level-kept-by-nurse"
    /// No details: not asked for an initial level (paragraph 17).
    case levelInitialNotAsked = "level-initial-not-asked"
    /// `category`: the indefinite category certificate is reissued as the level without assessment.
    case levelAssessmentIndefiniteCategory = "level-assessment-indefinite-category"
    /// `category`, `expires`: the category certificate expires after 1 January 2021.
    case levelAssessmentCategoryInForce = "level-assessment-category-in-force"
    /// `document` (certificate or report): the worker's documents were not read.
    case levelDocumentsNotRead = "level-documents-not-read"
    /// No details: no certificate of the assessment of professional preparedness.
    case levelAssessmentMissing = "level-assessment-missing"
    /// `holder`: the document is issued to someone else.
    case levelIssuedToSomeoneElse = "level-issued-to-someone-else"
    /// `dated`, `date`: the document is dated after the day of the decision.
    case levelDatedAfter = "level-dated-after"
    /// `level`, `target`: the document is for another level.
    case levelOtherLevel = "level-other-level"
    /// `target`: the document for the level has no date read.
    case levelUndated = "level-undated"
    /// No details: the assessment's result is negative.
    case levelAssessmentNegative = "level-assessment-negative"
    /// No details: the result (passed or not) is not read.
    case levelAssessmentUnread = "level-assessment-unread"
    /// No details: a positive result that does not name the level.
    case levelAssessmentLevelUnnamed = "level-assessment-level-unnamed"
    /// `target`, `date`: a positive result for the level.
    case levelAssessmentPassed = "level-assessment-passed"
    /// No details: no report on the work functions.
    case levelWorkFunctionsMissing = "level-work-functions-missing"
    /// No details: the report is neither the registry's nor signed by the head of the unit.
    case levelWorkFunctionsIssuerUnknown = "level-work-functions-issuer-unknown"
    /// `target`: the report does not name the level.
    case levelWorkFunctionsLevelUnnamed = "level-work-functions-level-unnamed"
    /// `target`, `date`: the electronic service registry's report for the level.
    case levelWorkFunctionsRegistry = "level-work-functions-registry"
    /// `target`, `date`: a report signed by the head of the structural unit.
    case levelWorkFunctionsHeadOfUnit = "level-work-functions-head-of-unit"
    /// No details: the worker's CPD was not assessed.
    case levelCPDNotAssessed = "level-cpd-not-assessed"
    /// `assessed`, `target`, `column` (categories and a level): assessed for another column of Appendix 3.
    case levelCPDOtherCategory = "level-cpd-other-category"
    /// `confirmed`, `windowStart`, `windowEnd`: confirmed outside the 5 years (paragraph 6).
    case levelCPDOutsideWindow = "level-cpd-outside-window"
    /// `total`, `additionalEducation`, `nonFormal` (credit units): under paragraph 14's 210 CU.
    case levelCPDBelow210 = "level-cpd-below-210"
    /// `total`, `additionalEducation`, `nonFormal`, `column`: Appendix 3's column is not met.
    case levelCPDColumnNotMet = "level-cpd-column-not-met"
    /// `shortfall`, `required` (credit units): short of the total of Appendix 3's column.
    case levelCPDShortTotal = "level-cpd-short-total"
    /// `shortfall`, `required`: short of the additional education of the column.
    case levelCPDShortAdditionalEducation = "level-cpd-short-additional-education"
    /// `shortfall`, `required`: short of the non-formal education and additional competences.
    case levelCPDShortNonFormal = "level-cpd-short-non-formal"
    /// `total`, `additionalEducation`, `nonFormal`, `column`: the column and the 210 CU are met.
    case levelCPDMet = "level-cpd-met"
    /// `current`: an initial level asked by a worker who holds one of the track.
    case levelSequenceInitialHeld = "level-sequence-initial-held"
    /// `target`, `track`: an initial level of Appendix 4 for a graduate.
    case levelSequenceInitial = "level-sequence-initial"
    /// `current`, `category`, `track`, `target`: a nurse keeps the equivalent level.
    case levelSequenceNursing = "level-sequence-nursing"
    /// `target`, `category`: the level equivalent to an indefinite category certificate.
    case levelSequenceIndefiniteCategory = "level-sequence-indefinite-category"
    /// `target`, `category`, `expires`: the equivalent of a category certificate in force after 1 January 2021.
    case levelSequenceCategoryInForce = "level-sequence-category-in-force"
    /// `category`, `expired`: the certificate expired by 1 January 2021 and no current level is stated.
    case levelSequenceCategoryExpired = "level-sequence-category-expired"
    /// `target`, `category`: the register does not say when the certificate expires.
    case levelSequenceCategoryValidityUnknown = "level-sequence-category-validity-unknown"
    /// `target`: the register states no current level.
    case levelSequenceNoCurrent = "level-sequence-no-current"
    /// `current`: the top of its track.
    case levelSequenceTop = "level-sequence-top"
    /// `current`, `next`: only the next step of the track follows.
    case levelSequenceNotNext = "level-sequence-not-next"
    /// `target`, `current`, `next`: the target is in another track.
    case levelSequenceOtherTrack = "level-sequence-other-track"
    /// `target`, `current`, `track`: the step after the current level.
    case levelSequenceNext = "level-sequence-next"
    /// No details: the level is the equivalent of the category held, Appendix 5 counts from a previous level.
    case levelExperienceCategoryEquivalent = "level-experience-category-equivalent"
    /// `target`: Appendix 5 asks no years for the level.
    case levelExperienceNoneAsked = "level-experience-none-asked"
    /// `required` (years): the register does not say when the previous level was obtained.
    case levelExperienceObtainedUnknown = "level-experience-obtained-unknown"
    /// `required`, `since`: the register has no labour activity.
    case levelExperienceNoLabour = "level-experience-no-labour"
    /// `required`, `since`, `years`, `start`, `end`: enough continuous work in the specialty.
    case levelExperienceMet = "level-experience-met"
    /// `required`, `since`, `years`, `start`, `end`, `eligible`: the longest stretch is too short.
    case levelExperienceShort = "level-experience-short"
    /// `required`, `since`: no work since the previous level.
    case levelExperienceNoWork = "level-experience-no-work"
    /// `required`, `since`, `years`, `start`, `end`: enough if in the specialty, but the worker's specialty is not stated.
    case levelExperienceSpecialtyUnknown = "level-experience-specialty-unknown"
    /// `required`, `since`, `years`, `start`, `end`: enough if in the specialty, but rows do not say the specialty.
    case levelExperienceRowSpecialtyUnknown = "level-experience-row-specialty-unknown"
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
    /// A qualification level, in the regulation's notation in every language.
    case level(QualificationLevel)
    case category(QualificationCategory)
    /// The education a level rests on, in each language's words for Appendices 4 and 5.
    case track(EducationTrack)
    case tracks([EducationTrack])
    /// The document the fact concerns: an assessment certificate or a work functions report.
    case levelDocument(LevelAssignment.DocumentKind)
}

/// The volume a criterion is priced by.
public enum VolumeKind: String, CaseIterable, Sendable, Codable {
    case hours, weeks, days
    /// Test questions or clinical scenarios (criterion 20).
    case counts
}
