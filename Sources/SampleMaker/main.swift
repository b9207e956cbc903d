import Foundation
import Forms

// Draws the sample evidence in Samples/: certificates, orders and acts as an HR officer
// receives them (text PDFs, scanned PDFs, phone photos, XML records), for three invented
// workers, with the register extract and the journal lists that go with them.
// Run: swift run make-samples [Samples]

let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "Samples")

/// A one-page document: a heading, then paragraphs; `**text**` is bold.
func page(_ language: String, _ lines: [String]) -> String {
    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
    var body = ""
    for (index, line) in lines.enumerated() {
        let parts = escape(line).components(separatedBy: "**")
        let text = parts.enumerated().map { $0.offset % 2 == 1 ? "<b>\($0.element)</b>" : $0.element }.joined()
        if index == 0 {
            body += "<h1>\(text)</h1>\n"
        } else if line.isEmpty {
            body += "<br/>\n"
        } else {
            body += "<p>\(text)</p>\n"
        }
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language)"><head><title>\(escape(lines[0]))</title></head>
        <body>
        \(body)</body></html>
        """
}

func pdf(_ language: String, _ lines: [String]) throws -> Data {
    try XHTMLDocument.pdf(page(language, lines), title: lines[0], creationDate: "2026-11-01T09:00:00")
}

/// A PDF whose pages are the given documents, one after another (an original and its translation).
func pdf(pages: [(String, [String])]) throws -> Data {
    let xhtml = pages.map { page($0.0, $0.1) }
    let joined = xhtml[0].replacingOccurrences(of: "</body></html>", with: "") + xhtml.dropFirst().map {
        "<br/><br/>" + ($0.components(separatedBy: "<body>").last ?? "").replacingOccurrences(of: "</body></html>", with: "")
    }.joined() + "</body></html>"
    return try XHTMLDocument.pdf(joined, title: pages[0].1[0], creationDate: "2026-11-01T09:00:00")
}

func write(_ data: Data, _ path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}

func write(_ text: String, _ path: String) throws { try write(Data(text.utf8), path) }

let sign = "Руководитель ____________________ М.П."
var scanner = Scanner(dpi: 200, degrees: 1.2, noise: .init(state: 2026))

// MARK: Сапарова Жанар Ерлановна, ward nurse, first category: meets Appendix 3.

let saparova = "inbox/850314410007"
try write(try pdf("ru", [
    "СВИДЕТЕЛЬСТВО О ПОВЫШЕНИИ КВАЛИФИКАЦИИ", "№ ПК-2023-04417",
    "Выдано **Сапаровой Жанар Ерлановне**",
    "в том, что она с 6 марта 2023 года по 18 марта 2023 года прошла повышение квалификации в НАО «Медицинский университет Астана» по программе «Сестринский уход в кардиологии»",
    "в объеме 72 (семьдесят два) академических часа", "Дата выдачи: 18.03.2023", "", sign,
]), "\(saparova)/01_advanced-training.pdf")
let secondCourse = try pdf("ru", [
    "УДОСТОВЕРЕНИЕ О ПОВЫШЕНИИ КВАЛИФИКАЦИИ", "№ 2025/11890",
    "Ф.И.О.: Сапарова Жанар Ерлановна",
    "прошла обучение по программе «Инфекционная безопасность и инфекционный контроль» с 13.10.2025 по 24.10.2025",
    "Объем: 2 кредита (60 академических часов)", "Дата выдачи: «24» октября 2025 года", "", sign,
])
try scanner.writeJPEG(secondCourse, to: root.appendingPathComponent("\(saparova)/02_advanced-training.jpg"))
let seminar = try pdf("kk", [
    "СЕРТИФИКАТ", "№ 118-2024", "**Сапарова Жанар Ерлановна**",
    "«Базалық жүрек-өкпе реанимациясы» тақырыбындағы оқыту семинарына қатысты",
    "Өткізілген күні: 2024 жылғы 15 ақпан", "Көлемі: 8 сағат", "", "Басшы ____________________ М.О.",
])
try write(seminar, "\(saparova)/03_seminar.pdf")
try write(try pdf(pages: [
    ("en", ["CERTIFICATE OF COMPLETION", "This is to certify that", "**Zhanar Saparova**",
            "has completed the online course “Infection prevention in nursing practice”", "2–6 September 2024",
            "a total of 24 hours", "European Society of Nursing Education", "Director ____________________"]),
    ("ru", ["ПЕРЕВОД С АНГЛИЙСКОГО ЯЗЫКА НА РУССКИЙ ЯЗЫК",
            "Сертификат о прохождении. Настоящим подтверждается, что Сапарова Жанар Ерлановна прошла онлайн-курс «Профилактика инфекций в сестринской практике», 2–6 сентября 2024 года, всего 24 часа.",
            "Перевод выполнен переводчиком Ахметовой Г.С.",
            "12 ноября 2024 г. я, нотариус города Астаны, свидетельствую подлинность подписи переводчика. Зарегистрировано в реестре за № 2211.",
            "Нотариус ____________________"]),
]), "\(saparova)/04_online-course.pdf")
scanner.degrees = -0.8
try scanner.writeImagePDF(try pdf("ru", [
    "СЕРТИФИКАТ УЧАСТНИКА", "Сапарова Жанар Ерлановна",
    "приняла участие в республиканской научно-практической конференции «Сестринское дело: новые подходы»",
    "19–20 мая 2025 г., г. Астана", "Организатор: ОЮЛ «Ассоциация медицинских сестер Казахстана»", "", sign,
]), to: root.appendingPathComponent("\(saparova)/05_conference.pdf"))
try write(try pdf("ru", [
    "ПРИКАЗ", "№ 112-к от 30.08.2024", "О назначении наставника молодых и вновь принятых специалистов",
    "Назначить Сапарову Жанар Ерлановну наставником на период с 01.09.2024 по 31.08.2025", "", "Главный врач ____________________",
]), "\(saparova)/06_tutoring-new-staff.pdf")
try write(try pdf("ru", [
    "СПРАВКА о членстве", "Настоящая справка выдана Сапаровой Жанар Ерлановне",
    "в том, что она является действительным членом ОЮЛ «Ассоциация медицинских сестер Казахстана» с 15.01.2022 по настоящее время",
    "Дата выдачи: 02.11.2026", "", sign,
]), "\(saparova)/07_membership.pdf")
scanner.degrees = 0.6
try scanner.writeJPEG(seminar, to: root.appendingPathComponent("\(saparova)/08_seminar-photo.jpg"))
try write(try pdf("ru", [
    "СЕРТИФИКАТ ДОКЛАДЧИКА", "Сапарова Жанар Ерлановна",
    "выступила с докладом на областной научно-практической конференции «Паллиативная помощь в сестринской практике»",
    "28 ноября 2025 г., г. Кокшетау", "", sign,
]), "\(saparova)/09_conference-report.pdf")
try write(try pdf("ru", [
    "СЕРТИФИКАТ", "№ 77-2026", "Настоящим подтверждается, что", "Сапарова Айгерим Нурлановна",
    "приняла участие в тренинге «Уход за пациентами с сахарным диабетом»", "Дата проведения: 12.02.2026 – 13.02.2026",
    "в объеме 16 часов", "", sign,
]), "\(saparova)/10_seminar.pdf")
try write(try pdf("ru", [
    "СЕРТИФИКАТ", "№ 204-2026", "Настоящим подтверждается, что", "Сапарова Жанар Ерлановна",
    "приняла участие в мастер-классе «Паллиативная помощь в сестринской практике»", "Дата проведения: 12.02.2026 – 13.02.2026",
    "продолжительностью 16 академических часов", "", sign,
]), "\(saparova)/11_seminar.pdf")

// Chapter 3: the assessment's result and the work-functions report for level 5.2, which she
// qualifies for (`cpd level`); neither is CPD evidence.
try write(try pdf("ru", [
    "РЕЗУЛЬТАТ ОЦЕНКИ ПРОФЕССИОНАЛЬНОЙ ПОДГОТОВЛЕННОСТИ", "№ ОПП-2026-05512", "Выдан **Сапаровой Жанар Ерлановне**",
    "специальность: «Сестринское дело»", "Заявленный уровень квалификации: 5.2",
    "Результат: сдала (этап тестирования — 82 балла, этап решения ситуационных задач — зачтено)",
    "Организация по оценке: РГП на ПХВ «Национальный центр независимой экзаменации»", "Дата выдачи: 01.10.2026", "", sign,
]), "\(saparova)/12_assessment-result.pdf")
scanner.degrees = -0.5
try scanner.writeJPEG(try pdf("ru", [
    "ОТЧЕТ О ПРОФЕССИОНАЛЬНОЙ ДЕЯТЕЛЬНОСТИ", "Ф.И.О.: Сапарова Жанар Ерлановна", "Должность: медицинская сестра кардиологического отделения",
    "Выполняемые трудовые функции соответствуют уровню квалификации 5.2 профессионального стандарта «Сестринское дело».",
    "Дата выдачи: 15.10.2026", "", "Заведующий кардиологическим отделением ____________ Ахметов Б.К.",
]), to: root.appendingPathComponent("\(saparova)/13_work-functions-report.jpg"))

// MARK: Кенжебаев Нурлан Маратович, surgeon, highest category: publications and refusals.

let kenzhebaev = "inbox/790821310003"
try write(try pdf("ru", [
    "СВИДЕТЕЛЬСТВО О ПОВЫШЕНИИ КВАЛИФИКАЦИИ", "№ 04-2024/7731", "Выдано Кенжебаеву Нурлану Маратовичу",
    "в том, что он с 01.10.2024 по 18.10.2024 прошел повышение квалификации по программе «Лапароскопическая хирургия»",
    "продолжительностью 108 академических часов", "Дата выдачи: 18.10.2024", "", sign,
]), "\(kenzhebaev)/01_advanced-training.pdf")
try write(try pdf("ru", [
    "СПРАВКА о прохождении стажировки", "Стажер: Кенжебаев Нурлан Маратович",
    "Место стажировки: клиника Шарите, Берлин (стажировка международного значения)", "Период: 05.06.2023 – 16.06.2023 (2 недели)",
    "Приобретенные знания и навыки: освоены методы малоинвазивной хирургии", "Отзыв руководителя структурного подразделения: положительный", "", sign,
]), "\(kenzhebaev)/02_internship.pdf")
try write(try pdf("en", [
    "CERTIFICATE OF PRESENTATION", "This is to certify that", "Nurlan Kenzhebayev",
    "presented a report at the International Congress of Endoscopic Surgery", "11–13 June 2025, Vienna", "Chair of the Organising Committee ____________________",
]), "\(kenzhebaev)/03_conference.pdf")
try write("""
    <?xml version="1.0" ?>
    <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
    <PubmedArticleSet>
      <PubmedArticle>
        <MedlineCitation Status="MEDLINE" Owner="NLM">
          <PMID Version="1">39000001</PMID>
          <Article PubModel="Print">
            <Journal>
              <ISSN IssnType="Electronic">2077-0383</ISSN>
              <JournalIssue CitedMedium="Internet"><Volume>13</Volume><PubDate><Year>2024</Year><Month>Mar</Month></PubDate></JournalIssue>
              <Title>Journal of Surgical Outcomes</Title>
            </Journal>
            <ArticleTitle>Outcomes of laparoscopic cholecystectomy in elderly patients: a cohort study.</ArticleTitle>
            <AuthorList CompleteYN="Y">
              <Author ValidYN="Y"><LastName>Sadykov</LastName><ForeName>Arman</ForeName><Initials>A</Initials></Author>
              <Author ValidYN="Y"><LastName>Kenzhebayev</LastName><ForeName>Nurlan</ForeName><Initials>N</Initials></Author>
              <Author ValidYN="Y"><LastName>Ivanova</LastName><ForeName>Elena</ForeName><Initials>E</Initials></Author>
              <Author ValidYN="Y"><LastName>Tulegenova</LastName><ForeName>Aliya</ForeName><Initials>A</Initials></Author>
              <Author ValidYN="Y"><LastName>Berg</LastName><ForeName>Thomas</ForeName><Initials>T</Initials></Author>
              <Author ValidYN="Y"><LastName>Omarov</LastName><ForeName>Daniyar</ForeName><Initials>D</Initials></Author>
            </AuthorList>
            <Language>eng</Language>
          </Article>
        </MedlineCitation>
      </PubmedArticle>
    </PubmedArticleSet>

    """, "\(kenzhebaev)/04_pubmed.xml")
try write(try pdf("ru", [
    "ПАТЕНТ", "№ 9123", "на полезную модель", "«Способ пластики передней брюшной стенки»", "Автор(ы): Кенжебаев Нурлан Маратович",
    "Дата регистрации в Государственном реестре: «03» декабря 2023 года",
    "РГП «Национальный институт интеллектуальной собственности» Республики Казахстан", "", sign,
]), "\(kenzhebaev)/05_patent.pdf")
scanner.degrees = 2.0
try scanner.writeJPEG(try pdf("ru", [
    "АКТ экспертизы экзаменационного материала", "г. Алматы 10 апреля 2025 г.", "Эксперт: Кенжебаев Нурлан Маратович",
    "Проведена содержательная экспертиза тестовых заданий в количестве 175 и клинических сценариев в количестве 20 аккредитованной организации по оценке знаний и навыков",
    "", sign,
]), to: root.appendingPathComponent("\(kenzhebaev)/06_exam-expertise.jpg"))
try write(try pdf("kk", [
    "КОУЧ СЕРТИФИКАТЫ", "Кенжебаев Нурлан Маратович",
    "медициналық қызметтер сапасын сыртқы сараптау тобының құрамында сараптамалық қызметті жүзеге асырды",
    "Берілген күні: 23.03.2026", "", "Басшы ____________________ М.О.",
]), "\(kenzhebaev)/07_expert-coaching.pdf")
try write(try pdf("ru", [
    "СВИДЕТЕЛЬСТВО о внесении сведений в государственный реестр прав на объекты, охраняемые авторским правом",
    "№ 12877 от 02.11.2020", "Автор: Кенжебаев Нурлан Маратович", "Вид объекта: программа для ЭВМ",
    "Название: «Калькулятор риска послеоперационных осложнений»", "", sign,
]), "\(kenzhebaev)/08_ip-certificate.pdf")
try write("""
    <?xml version="1.0" encoding="UTF-8"?>
    <crossref_result xmlns="http://www.crossref.org/qrschema/3.0" version="3.0">
      <query_result><body><query status="resolved">
        <doi type="journal_article">10.31082/1728-452X-2025-1-12</doi>
        <doi_record><crossref xmlns="http://www.crossref.org/xschema/1.1"><journal>
          <journal_metadata language="ru"><full_title>Вестник хирургии Казахстана</full_title><issn media_type="print">1729-0082</issn></journal_metadata>
          <journal_issue><publication_date media_type="print"><year>2025</year></publication_date></journal_issue>
          <journal_article publication_type="full_text">
            <titles><title>Осложнения грыжесечения у пожилых пациентов</title></titles>
            <contributors>
              <person_name sequence="first" contributor_role="author"><given_name>Arman</given_name><surname>Sadykov</surname></person_name>
              <person_name sequence="additional" contributor_role="author"><given_name>Elena</given_name><surname>Ivanova</surname></person_name>
              <person_name sequence="additional" contributor_role="author"><given_name>Aliya</given_name><surname>Tulegenova</surname></person_name>
              <person_name sequence="additional" contributor_role="author"><given_name>Nurlan</given_name><surname>Kenzhebaev</surname></person_name>
              <person_name sequence="additional" contributor_role="author"><given_name>Daniyar</given_name><surname>Omarov</surname></person_name>
            </contributors>
            <publication_date media_type="print"><year>2025</year></publication_date>
            <doi_data><doi>10.31082/1728-452X-2025-1-12</doi><resource>https://doi.org/10.31082/1728-452X-2025-1-12</resource></doi_data>
          </journal_article>
        </journal></crossref></doi_record>
      </query></body></query_result>
    </crossref_result>

    """, "\(kenzhebaev)/09_crossref.xml")
try write(try pdf("ru", [
    "АКТ ВНЕДРЕНИЯ", "г. Алматы, 14 августа 2026 года", "Наименование: метод лапароскопической герниопластики",
    "Автор (разработчик): Кенжебаев Нурлан Маратович", "Место внедрения: хирургическое отделение ГКБ № 4",
    "Акт согласован с Управлением общественного здравоохранения города Алматы", "", sign,
]), "\(kenzhebaev)/10_implementation.pdf")

// Chapter 3: a positive result for 7.4 (R), and the electronic registry's extract, which names no
// level; with 7.3 (R) obtained in 2024, Appendix 5's 3 years are not complete (`cpd level`).
try write(try pdf("ru", [
    "СПРАВКА о результатах оценки профессиональной подготовленности", "№ ОПП-2026-09120",
    "Выдана Кенжебаеву Нурлану Маратовичу", "специальность: «Общая хирургия»", "Уровень квалификации: 7.4 (R)",
    "Результат: сдал", "Дата выдачи: 20.09.2026", "", sign,
]), "\(kenzhebaev)/11_assessment-result.pdf")
try write(try pdf("ru", [
    "ВЫПИСКА ИЗ ЭЛЕКТРОННОГО РЕГИСТРА МЕДИЦИНСКИХ РАБОТНИКОВ", "о выполнении трудовых функций",
    "Ф.И.О.: Кенжебаев Нурлан Маратович", "Должность: врач-хирург", "Дата выдачи: 20.10.2026",
]), "\(kenzhebaev)/12_registry-extract.pdf")

// MARK: Оспанова Динара Бекболатовна, therapist, second category: a training platform's export.

let ospanova = "inbox/901125412348"
try write("""
    <?xml version="1.0" encoding="UTF-8"?>
    <cpdActivities xmlns="urn:kz:cpd:activities:1" asOf="2026-11-22" targetCategory="second">
      <worker iin="901125412348" fullName="Оспанова Динара Бекболатовна"/>
      <activity kind="advanced-training" title="Актуальные вопросы терапии" hours="120" startDate="2022-02-07" endDate="2022-03-04" documentNumber="ПК-2022-118"/>
      <activity kind="online-course" title="Антибиотикотерапия в амбулаторной практике" hours="36" endDate="2025-03-09"/>
      <activity kind="conference" title="Областная научно-практическая конференция терапевтов" significance="regional" days="1" endDate="2024-08-06"/>
    </cpdActivities>

    """, "\(ospanova)/01_platform-export.xml")
try write(try pdf("kk", [
    "СЕРТИФИКАТ", "№ 53-2023", "Оспанова Динара Бекболатовна", "«Қант диабеті: заманауи тәсілдер» тақырыбындағы тренингке қатысты",
    "Өткізілген күні: 26.11.2023", "Көлемі: 12 сағат", "", "Басшы ____________________ М.О.",
]), "\(ospanova)/02_seminar.pdf")
try write(try pdf("ru", [
    "ПРИКАЗ", "№ 95-к от 30.08.2021", "О назначении тьютора (наставника) для обучающихся медицинских организаций образования",
    "Назначить Оспанову Динару Бекболатовну тьютором на период с 01.09.2021 по 31.08.2023", "", "Главный врач ____________________",
]), "\(ospanova)/03_tutoring-trainees.pdf")

// MARK: The register extract and the journal lists.

try write("""
    [
      {"iin": "850314410007", "fullName": "Сапарова Жанар Ерлановна", "dateOfBirth": "1985-03-14", "gender": "female",
       "targetCategory": "first", "totalService": "18 лет 2 месяца 15 дней", "specialtyService": "16 лет 5 месяцев 3 дня",
       "placeOfWork": "ГКП на ПХВ «Городская больница № 2» акимата города Астаны", "position": "медицинская сестра кардиологического отделения",
       "sqfLevel": "5.1", "sqfLevelObtainedOn": "2021-04-15", "targetLevel": "5.2", "qualificationCategory": "вторая",
       "specialty": "Сестринское дело",
       "education": [
         {"document": "диплом СТБ № 0412233", "institution": "Медицинский колледж г. Астаны", "specialty": "Сестринское дело", "issuedOn": "2008-06-30", "track": "post-secondary"}
       ],
       "employment": [
         {"hired": "01.09.2008", "dismissed": "30.06.2010", "placeOfWork": "Городская поликлиника № 5", "position": "медицинская сестра", "orderNumber": "214-к", "orderDate": "29.08.2008", "specialty": "Сестринское дело"},
         {"hired": "01.07.2010", "placeOfWork": "Городская больница № 2", "position": "медицинская сестра кардиологического отделения", "orderNumber": "388-к", "orderDate": "30.06.2010", "specialty": "Сестринское дело"}
       ]},
      {"iin": "790821310003", "fullName": "Кенжебаев Нурлан Маратович", "dateOfBirth": "1979-08-21", "gender": "male",
       "targetCategory": "highest", "placeOfWork": "ГКП на ПХВ «Городская клиническая больница № 4» г. Алматы", "position": "врач-хирург",
       "sqfLevel": "7.3 (R)", "sqfLevelObtainedOn": "2024-09-02", "targetLevel": "7.4 (R)", "qualificationCategory": "первая",
       "postgraduateEducation": "резидентура по специальности «Общая хирургия», 2006", "specialty": "Общая хирургия",
       "education": [
         {"document": "свидетельство об окончании резидентуры № 0071", "institution": "Казахский национальный медицинский университет", "specialty": "Общая хирургия", "issuedOn": "2006-07-01", "track": "residency"}
       ],
       "employment": [
         {"hired": "01.08.2006", "placeOfWork": "ГКП на ПХВ «Городская клиническая больница № 4» г. Алматы", "position": "врач-хирург", "specialty": "Общая хирургия"}
       ]},
      {"iin": "901125412348", "fullName": "Оспанова Динара Бекболатовна", "dateOfBirth": "1990-11-25", "gender": "female",
       "targetCategory": "second", "placeOfWork": "Городская поликлиника № 11 г. Шымкент", "position": "врач-терапевт участковый"}
    ]

    """, "register.json")
try write("""
    Rank;Sourceid;Title;Type;Issn;SJR;SJR Best Quartile;H index
    1;30001;"Journal of Surgical Outcomes";journal;"20770383, 20770375";1,210;Q2;74
    2;30002;"Nursing Open";journal;"20541058";0,650;Q2;40
    3;30003;"Central Asian Journal of Medicine";journal;"25240684";0,180;Q4;9

    """, "journals.csv")
try write("""
    title,issn
    "Вестник хирургии Казахстана",1729-0082
    "Наука и здравоохранение",1608-2524
    "Астана медициналық журналы",1562-2938

    """, "recommended-journals.csv")
print("Samples written to \(root.path)")
