import Foundation
import CPDRules

/// Decides what kind of evidence a document is from the phrases it uses, in Kazakh, Russian,
/// English, German and Turkish. A phrase in the heading (the first lines) weighs more than one in
/// the body, where an organisation's name ("Институт повышения квалификации") can mislead.
enum ActivityClassifier {
    /// Phrases (lowercase, normalised) and their weight as evidence for an activity.
    static let phrases: [ActivityKind: [(phrase: String, weight: Double)]] = [
        .advancedTraining: [
            ("повышении квалификации", 4), ("повышения квалификации", 3), ("повышение квалификации", 3),
            ("біліктілікті арттыру", 4), ("біліктілігін арттыру", 4), ("advanced training", 4),
            ("refresher course", 3), ("professional development course", 3), ("weiterbildung", 3),
            ("hizmet içi eğitim", 3), ("курсы усовершенствования", 3),
        ],
        .internship: [
            ("стажировк", 4), ("стажер", 2), ("тағылымдама", 4), ("internship", 4), ("clinical attachment", 3),
            ("hospitation", 4), ("praktikum", 3), ("staj", 3), ("fellowship", 2),
        ],
        .seminar: [
            ("семинар", 3), ("тренинг", 3), ("мастер-класс", 3), ("мастер класс", 3), ("шеберлік сынып", 3), ("шеберлік сыныб", 3),
            ("workshop", 3), ("training course", 2), ("masterclass", 3), ("master class", 3), ("hands-on", 2),
            ("seminar", 3), ("kurs", 1), ("seminer", 3), ("eğitim", 1), ("training", 1),
        ],
        .onlineCourse: [
            ("вебинар", 4), ("онлайн", 3), ("дистанционн", 3), ("webinar", 4), ("online", 3), ("e-learning", 3),
            ("distance learning", 3), ("zoom", 2), ("çevrimiçi", 3), ("uzaktan", 3), ("қашықтықтан", 3),
        ],
        .conference: [
            ("конференци", 4), ("конгресс", 4), ("съезд", 3), ("симпозиум", 3), ("конференция", 4),
            ("конференциясы", 4), ("conference", 4), ("congress", 4), ("symposium", 3), ("kongress", 4),
            ("konferenz", 4), ("tagung", 3), ("kongre", 4), ("konferans", 4), ("sempozyum", 3), ("форум", 2),
        ],
        .monograph: [("монография", 5), ("monograph", 5), ("monographie", 5), ("monografi", 5)],
        .guidelines: [
            ("методические рекомендации", 5), ("методическое пособие", 4), ("әдістемелік ұсынымдар", 5),
            ("әдістемелік нұсқаулық", 5), ("guidelines", 3), ("methodological recommendations", 5),
            ("leitlinie", 4),
        ],
        .textbook: [("учебник", 5), ("учебное пособие", 4), ("оқулық", 5), ("textbook", 5), ("lehrbuch", 5), ("ders kitabı", 5)],
        .article: [("статья", 3), ("journal article", 4), ("doi:", 2), ("issn", 2), ("abstract", 2), ("мақала", 3)],
        .patent: [("патент", 5), ("patent", 5), ("полезную модель", 3), ("изобретение", 2), ("пайдалы модель", 3)],
        .ipCertificate: [
            ("авторским правом", 5), ("авторское право", 5), ("авторского права", 5), ("авторлық құқық", 5), ("объекты, охраняемые", 3),
            ("интеллектуальной собственности", 3), ("copyright", 4), ("intellectual property certificate", 5),
        ],
        .tutoringTrainees: [
            ("тьютор", 5), ("обучающихся", 3), ("білім алушылар", 3), ("тьюторы", 5), ("tutor", 3),
            ("интернов", 2), ("резидентов", 2), ("студентов", 2), ("mentor for students", 4),
        ],
        .tutoringNewStaff: [
            ("наставник", 3), ("наставником", 3), ("молодых", 2), ("вновь принятых", 4), ("молодых специалистов", 3),
            ("жас мамандар", 4), ("тәлімгер", 4), ("new staff", 4), ("newly hired", 4), ("young specialists", 4),
        ],
        .implementation: [("акт внедрения", 6), ("внедрени", 3), ("енгізу актісі", 6), ("енгізу", 2), ("implementation act", 6), ("implementation", 2)],
        .membership: [
            ("членстве", 5), ("членства", 4), ("действительным членом", 4), ("является членом", 2), ("мүшелік", 4),
            ("мүшесі", 2), ("membership", 5), ("member of", 2), ("mitgliedschaft", 5), ("üyelik", 5),
        ],
        .expertBody: [
            ("экспертного совета", 5), ("экспертный совет", 5), ("экспертного комитета", 5), ("экспертной группы", 3),
            ("сараптамалық кеңес", 5), ("expert council", 5), ("expert committee", 5), ("expert board", 5),
        ],
        .expertCoaching: [
            ("коуч", 5), ("коучинг", 5), ("внешней экспертизы", 4), ("экспертную деятельность", 3),
            ("экспертной деятельности", 3), ("coach", 5), ("external expert", 4), ("сыртқы сараптама", 4),
        ],
        .regulatoryAct: [
            ("рабочей группы", 4), ("рабочая группа", 4), ("рабочую группу", 4), ("клинического протокола", 3),
            ("стандарта операционных процедур", 3), ("жұмыс тобы", 4), ("working group", 4), ("clinical protocol", 3),
        ],
        .examExpertise: [
            ("экзаменационного материала", 5), ("экзаменационных материалов", 5), ("тестовых вопросов", 3),
            ("тестовых заданий", 3), ("клинических сценариев", 3), ("емтихан материал", 5), ("examination material", 5),
            ("test questions", 3), ("test items", 3),
        ],
        .independentExpertCommission: [
            ("независимой экспертной комиссии", 6), ("независимая экспертная комиссия", 6), ("тәуелсіз сараптама", 6),
            ("independent expert commission", 6), ("причинения вреда", 3), ("вреда жизни", 2),
        ],
    ]

    /// Words that introduce an organisation: a phrase inside its name ("Институт повышения
    /// квалификации") says who issued the document, not what the activity was.
    static let organisationMarkers = [
        "организатор", "ұйымдастырушы", "organizer", "organiser", "veranstalter", "институт", "центр", "факультет",
        "кафедра", "академия", "университет", "институты", "орталығы", "institute", "center", "centre", "faculty",
        "university", "academy", "место стажировки", "тоо ", "нао ", "ао ", "рго ",
    ]

    static func isOrganisationName(_ phrase: String, in line: String) -> Bool {
        guard let range = line.range(of: phrase) else { return false }
        let before = line[..<range.lowerBound]
        return organisationMarkers.contains { before.contains($0) } || before.hasSuffix("«") || before.hasSuffix("\"")
    }

    struct Classification {
        let activity: ActivityKind
        let confidence: Double
        let line: SourceText.Line
    }

    /// The most likely activity, or nil when no phrase points anywhere.
    static func classify(_ lines: [SourceText.Line]) -> Classification? {
        var scores: [ActivityKind: Double] = [:]
        var evidence: [ActivityKind: (weight: Double, line: SourceText.Line)] = [:]
        // Each line, then each pair of lines for the phrases the layout broke between them.
        let pairs = SourceText.pairs(lines)
        for (index, line) in (lines + pairs).enumerated() {
            let isPair = index >= lines.count
            let position = isPair ? index - lines.count : index
            let headingFactor = position < 3 ? 2.0 : 1.0
            for (activity, list) in phrases {
                for (phrase, weight) in list where line.folded.contains(phrase) {
                    if isPair, lines[position].folded.contains(phrase) || lines[position + 1].folded.contains(phrase) { continue }
                    let score = weight * headingFactor * (isOrganisationName(phrase, in: line.folded) ? 0.25 : 1)
                    scores[activity, default: 0] += score
                    if score > evidence[activity]?.weight ?? 0 { evidence[activity] = (score, line) }
                }
            }
        }
        // Distance-learning words turn a seminar into an online course (criterion 4), unless the
        // document says the event was face to face; they do not change a conference's criterion.
        if let online = scores[.onlineCourse], online > 0, (scores[.conference] ?? 0) < online {
            let faceToFace = lines.contains { ["очно", "очный", "очная", "face-to-face", "in person", "in-person", "бетпе-бет"].contains(where: $0.folded.contains) }
            if faceToFace { scores[.onlineCourse] = nil } else { scores[.onlineCourse] = online + (scores[.seminar] ?? 0); scores[.seminar] = nil }
        }
        let ranked = scores.sorted { $0.value > $1.value }
        // One specific phrase at least: a word such as "implementation" in passing is not enough.
        guard let best = ranked.first, best.value >= 3, let line = evidence[best.key]?.line else { return nil }
        let runnerUp = ranked.dropFirst().first?.value ?? 0
        let confidence = min(1, best.value / (best.value + runnerUp) * min(1, best.value / 6))
        return Classification(activity: best.key, confidence: confidence, line: line)
    }
}
