import CPDRules
import Confirmation
import Intake
import ProfessionalRegister

/// A worker's level decision (chapter 3 of order ҚР ДСМ-283/2020), gathered from where each fact
/// lives: the register's fields, the documents of the worker's folder (the assessment's result,
/// the work-functions report, the CPD evidence) or, without a folder, the CPD confirmation the
/// register recorded last.
public enum WorkerLevel {
    public static func decide(
        _ worker: Worker, target: QualificationLevel, on date: CalendarDate, folder: FolderAssessment?,
        recorded: [AssessmentRecord], ranking: (String) -> LevelAssignment.UniversityRanking? = { _ in nil }, rankingListGiven: Bool = false
    ) -> LevelAssignment {
        var application = worker.levelApplication(target: target, on: date, ranking: ranking, rankingListGiven: rankingListGiven)
        if let folder {
            let documents = levelDocuments(folder)
            application.assessmentResults = documents.results
            application.workFunctionsReports = documents.reports
            application.cpd = ConfirmedCPD(folder.assessment, source: LevelAssignment.Source(
                .assessment, "\(folder.documents.count) document\(folder.documents.count == 1 ? "" : "s") of the folder, assessed on \(folder.assessment.confirmationDate) for the \(folder.assessment.targetCategory.rawValue) category"))
        } else {
            application.documentsRead = false
            // The latest confirmation for the target's column, else the latest of any.
            let latest = recorded.filter { $0.confirmationDate <= date }.sorted { $0.confirmationDate < $1.confirmationDate }
            application.cpd = (latest.last { $0.targetCategory == target.category } ?? latest.last)?.confirmedCPD
        }
        return LevelAssignment(application)
    }

    /// The folder's certificates of an assessment's result and its work-functions reports.
    static func levelDocuments(_ folder: FolderAssessment) -> (results: [LevelAssignment.AssessmentResult], reports: [LevelAssignment.WorkFunctionsReport]) {
        var results: [LevelAssignment.AssessmentResult] = []
        var reports: [LevelAssignment.WorkFunctionsReport] = []
        for evidence in folder.levelDocuments {
            let name = evidence.record.file.split(separator: "/").last.map(String.init) ?? evidence.record.file
            let source = LevelAssignment.Source(.document, name)
            let document = evidence.document
            let level = document.level.flatMap(QualificationLevel.init)
            switch document.kind {
            case .assessmentResult:
                results.append(.init(date: document.date, passed: document.passed, level: level, holder: evidence.holder, source: source))
            case .workFunctionsReport:
                reports.append(.init(date: document.date, issuer: document.issuer, level: level, holder: evidence.holder, source: source))
            }
        }
        return (results, reports)
    }
}
