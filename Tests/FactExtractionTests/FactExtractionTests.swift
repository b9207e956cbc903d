import CPDRules
@testable import FactExtraction
import Testing

/// Wordings, layouts and date styles beyond the development corpus: the extractor must read the
/// facts, not recognise the corpus's sentences.
@Suite("Reading facts from text")
struct FactExtractionTests {
    func facts(_ text: String) -> ExtractedFacts { FactExtractor.extract(from: SourceText(pages: [text])) }

    @Test(arguments: [
        ("01.02.2023", "2023-02-01"), ("«01» февраля 2023 года", "2023-02-01"), ("1 февраля 2023 г.", "2023-02-01"),
        ("2023 жылғы 1 ақпан", "2023-02-01"), ("2023 ж. 1 ақпан", "2023-02-01"), ("June 15, 2024", "2024-06-15"),
        ("15 June 2024", "2024-06-15"), ("15. Juli 2024", "2024-07-15"), ("3 Temmuz 2025", "2025-07-03"),
        ("2024-03-06", "2024-03-06"), ("6/3/2024", "2024-03-06"), ("1.2.23", "2023-02-01"),
        ("3 мамыр 2025 ж.", "2025-05-03"), ("Dec 3 2023", "2023-12-03"), ("О1.О2.2О23", "2023-02-01"),
    ])
    func readsDateStyles(written: String, iso: String) {
        let mentions = DateGrammar.spans(in: TextNormalization.normalize(written).lowercased()).flatMap(\.mentions)
        #expect(mentions.map(\.date.description) == [iso])
    }

    @Test(arguments: ["31.02.2023", "№ 215-2021/ПК", "ISBN 978-601-677-939-2", "тел. 8-701-123-45-67", "2023"])
    func findsNoDateWhereThereIsNone(text: String) {
        #expect(DateGrammar.spans(in: text.lowercased()).isEmpty)
    }

    @Test(arguments: [
        ("прошел обучение 12–13 апреля 2023 года", "2023-04-12", "2023-04-13"),
        ("21-23 January 2026", "2026-01-21", "2026-01-23"),
        ("vom 12.-13. Juli 2026", "2026-07-12", "2026-07-13"),
        ("с 13 апреля 2026 года по 28 апреля 2026 года", "2026-04-13", "2026-04-28"),
        ("from 29/04/2024 to 01/05/2024", "2024-04-29", "2024-05-01"),
        ("10.02.2022 бастап 11.02.2022 дейін", "2022-02-10", "2022-02-11"),
        ("Период: 06.03.2024 - 26.03.2024 (3 недели)", "2024-03-06", "2024-03-26"),
    ])
    func readsPeriods(line: String, start: String, end: String) {
        let found = facts("СЕРТИФИКАТ\nпринял участие в семинаре\n\(line)\n8 часов")
        #expect(found.startDate?.value.description == start)
        #expect(found.endDate?.value.description == end)
    }

    @Test func readsAPeriodBrokenOverTwoLines() {
        let found = facts("СВИДЕТЕЛЬСТВО О ПОВЫШЕНИИ КВАЛИФИКАЦИИ\nв том, что она с 13 апреля 2026 года по\n28 апреля 2026 года прошла обучение\n72 часа")
        #expect(found.startDate?.value == CalendarDate("2026-04-13"))
        #expect(found.endDate?.value == CalendarDate("2026-04-28"))
    }

    @Test func neverTakesTheBirthDateForTheEvent() {
        let found = facts("""
            СЕРТИФИКАТ
            Слушатель: Иванова Айгуль Сериковна, дата рождения 12.03.1985
            участвовала в семинаре 4 марта 2025 года, 6 часов
            """)
        #expect(found.startDate?.value == CalendarDate("2025-03-04"))
    }

    @Test(arguments: [
        ("продолжительностью 72 академических часа", "72"), ("в объеме 72 (семьдесят два) часа", "72"),
        ("в объеме семидесяти двух часов", "72"), ("Көлемі: 18 сағат", "18"), ("жетпіс екі сағат", "72"),
        ("Duration: 24 hours", "24"), ("a total of 18 CME hours", "18"), ("seventy two hours", "72"),
        ("16 Unterrichtsstunden", "16"), ("toplam 16 saat", "16"), ("Количество часов: 36", "36"),
        ("4,5 часа", "4.5"), ("hours: 12", "12"),
    ])
    func readsHours(text: String, hours: String) {
        #expect(QuantityFinder.amount(.hours, in: TextNormalization.normalize(text).lowercased()) == Hours(hours))
    }

    @Test func readsOtherVolumes() {
        let found = facts("""
            АКТ экспертизы экзаменационного материала
            Проведена экспертиза 150 тестовых заданий и 20 клинических сценариев
            """)
        #expect(found.activity?.value == .examExpertise)
        #expect(found.testQuestions?.value == 150)
        #expect(found.clinicalScenarios?.value == 20)
        #expect(facts("Справка о прохождении стажировки\nсроком 2 недели").weeks?.value == 2)
        #expect(facts("Course: 2 credits (60 hours)").credits?.value == 2)
    }

    @Test(arguments: [
        ("СЕРТИФИКАТ\nпринял(а) участие в обучающем семинаре «Неотложная помощь»", ActivityKind.seminar),
        ("CERTIFICATE\nhas completed the online course “Sepsis”, 6 hours", .onlineCourse),
        ("СЕРТИФИКАТ\nучастие в дистанционном семинаре, 8 часов", .onlineCourse),
        ("Сертификат участника III Конгресса кардиологов Казахстана", .conference),
        ("Удостоверение о повышении квалификации\n72 часа", .advancedTraining),
        ("Біліктілігін арттыру туралы куәлік", .advancedTraining),
        ("Тағылымдамадан өту туралы анықтама", .internship),
        ("Hospitationsbescheinigung\nPraktikum in der Kardiologie, 2 Wochen", .internship),
        ("Teilnahmebescheinigung\nKongress der Deutschen Gesellschaft für Kardiologie", .conference),
        ("Eğitim Sertifikası\nSeminer katılımı, 16 saat", .seminar),
        ("Учебное пособие «Сестринский процесс»\nАвторы: Иванова А.С., Петров К.К.", .textbook),
        ("Приказ № 12-к о назначении тьютором интернов", .tutoringTrainees),
        ("Бұйрық\nжас мамандарға тәлімгер етіп тағайындау туралы", .tutoringNewStaff),
        ("Свидетельство о государственной регистрации прав на объект авторского права", .ipCertificate),
        ("Справка о членстве в Европейском обществе кардиологов", .membership),
        ("Акт о внедрении результатов научно-исследовательской работы", .implementation),
        ("Приказ о создании рабочей группы по разработке клинического протокола", .regulatoryAct),
    ])
    func classifiesDocumentsWordedDifferently(text: String, activity: ActivityKind) {
        #expect(facts(text).activity?.value == activity)
    }

    @Test func tellsKazakhFromRussianByLettersAndWords() {
        #expect(LanguageDetector.language(of: "«Хирургия XXI века» облыстық ғылыми-тәжірибелік конференциясына қатысты") == "kk")
        #expect(LanguageDetector.language(of: "принял(а) участие в областной конференции «Хирургия XXI века»") == "ru")
        #expect(LanguageDetector.language(of: "Hiermit wird bestätigt, dass Frau Aizhan Turebekova am Seminar teilgenommen hat") == "de")
        #expect(LanguageDetector.language(of: "Bu belge ile katılımcının eğitim programına katıldığı onaylanır") == "tr")
        #expect(LanguageDetector.language(of: "This is to certify that she attended the workshop") == "en")
    }

    @Test func separatesTheOriginalFromItsNotarizedTranslation() {
        let found = facts("""
            CERTIFICATE OF ATTENDANCE
            This is to certify that Saltanat Smirnova attended the webinar
            22–23 December 2025, a total of 18 hours
            ПЕРЕВОД С АНГЛИЙСКОГО ЯЗЫКА НА РУССКИЙ ЯЗЫК
            Сертификат. Настоящим подтверждается, что Смирнова Салтанат Петровна приняла участие, 18 часов.
            2 ноября 2026 г. я, нотариус города Астаны, свидетельствую подлинность подписи переводчика.
            """)
        #expect(found.language?.value == "en")
        #expect(found.notarizedTranslation?.value == true)
        #expect(found.translationLanguage == "ru")
        #expect(found.startDate?.value == CalendarDate("2025-12-22"))
        #expect(found.hours?.value == 18)
    }

    @Test func readsHoldersInTheirPrintedForm() {
        #expect(facts("Выдано Ивановой Айгуль Сериковне в том, что она прошла обучение").holderName?.value == "Ивановой Айгуль Сериковне")
        #expect(facts("This is to certify that\nMadina Iskakova\nattended").holderName?.value == "Madina Iskakova")
        #expect(facts("Ф.И.О.: Жумабаева Салтанат Болатовна").holderName?.value == "Жумабаева Салтанат Болатовна")
        let authors = facts("Монография\nАвторы: Искакова М.А., Абенова Г.К., Омаров Т.Е.\nАстана, 2024. – 174 с.")
        #expect(authors.authors?.value == ["Искакова М.А.", "Абенова Г.К.", "Омаров Т.Е."])
        #expect(authors.year?.value == 2024)
    }

    @Test func repairsOCRNoise() {
        #expect(TextNormalization.normalize("С Е Р Т И Ф И К А Т") == "СЕРТИФИКАТ")
        #expect(TextNormalization.normalize("Ме 17473") == "№ 17473")
        #expect(TextNormalization.normalize("Cертификат") == "Сертификат")  // Latin C in a Cyrillic word
        #expect(TextNormalization.normalize("2О23 — 2024") == "2023 - 2024")
    }
}

@Suite("Reading facts from other wordings")
struct OtherWordingsTests {
    func facts(_ text: String) -> ExtractedFacts { FactExtractor.extract(from: SourceText(pages: [text])) }

    @Test func anOCRDamagedKazakhDateStillReads() {
        // OCR without the Kazakh model turns ғ, қ into г, к.
        let found = facts("СЕРТИФИКАТ\nоқыту семинарына қатысты\nӨткізілген күні: 2024 жылгы 15 акпан\nКөлемі: 8 сагат")
        #expect(found.startDate?.value == CalendarDate("2024-02-15"))
        #expect(found.hours?.value == 8)
    }

    @Test func anEnglishCMECertificate() {
        let found = facts("""
            Certificate of Completion
            Awarded to Dr. Aigerim Nurlanovna Sadykova
            for completing the training course “Heart Failure Update 2025”
            held on March 3–4, 2025 in Almaty
            This activity is approved for 12 hours of continuing medical education
            """)
        #expect(found.language?.value == "en")
        #expect(found.activity?.value == .seminar)
        #expect(found.hours?.value == 12)
        #expect(found.startDate?.value == CalendarDate("2025-03-03"))
        #expect(found.endDate?.value == CalendarDate("2025-03-04"))
    }

    @Test func aTurkishCongressCertificate() {
        let found = facts("""
            KATILIM BELGESİ
            Sayın Madina Iskakova
            12-14 Ekim 2023 tarihlerinde İstanbul'da düzenlenen Uluslararası Kardiyoloji Kongresi'ne katılmıştır.
            """)
        #expect(found.language?.value == "tr")
        #expect(found.activity?.value == .conference)
        #expect(found.significance?.value == .international)
        #expect(found.startDate?.value == CalendarDate("2023-10-12"))
        #expect(found.endDate?.value == CalendarDate("2023-10-14"))
        #expect(found.days?.value == 3)
    }

    @Test func aRussianCertificateWithTheVolumeInCredits() {
        let found = facts("""
            СВИДЕТЕЛЬСТВО О ПОВЫШЕНИИ КВАЛИФИКАЦИИ
            Выдано Нурлановой Айгерим Сериковне в том, что она прошла обучение
            с 01.02.2024 г. по 14.02.2024 г.
            Объем программы: 4 кредита
            """)
        #expect(found.activity?.value == .advancedTraining)
        #expect(found.credits?.value == 4)
        #expect(found.hours == nil)
        #expect(found.holderName?.value == "Нурлановой Айгерим Сериковне")
    }
}
