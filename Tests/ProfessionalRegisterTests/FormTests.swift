import CPDRules
import Foundation
import ProfessionalRegister
import Testing

/// The confirmation commands will read the register instead of the JSON extract: everything the
/// Appendix 2 form takes from the HR service must come back from the store for one IIN.
@Suite("The Appendix 2 form filled entirely from the register")
struct FormTests {
    /// A worker with every field of the register set.
    static func completeWorker() -> Worker {
        var worker = Worker(iin: try! IIN("850314410007"), surname: "Сапарова", firstName: "Жанар", patronymic: "Ерлановна")
        worker.placeOfBirth = "г. Караганда"
        worker.citizenship = "Республика Казахстан"
        worker.identityDocument.kind = "удостоверение личности"
        worker.identityDocument.number = "041234567"
        worker.identityDocument.issuedBy = "МВД РК"
        worker.identityDocument.issuedOn = CalendarDate("2015-06-01")
        worker.residence = "г. Астана, ул. Кенесары, 40, кв. 12"
        worker.registrationPlace = "г. Астана, ул. Кенесары, 40, кв. 12"
        worker.registrationDate = CalendarDate("2010-08-15")
        var education = Worker.Education()
        education.document = "диплом ТКБ № 0012345"
        education.institution = "Медицинский колледж г. Астаны"
        education.specialty = "Сестринское дело"
        education.issuedOn = CalendarDate("2008-06-25")
        worker.education = [education]
        worker.placeOfWork = "ГКП на ПХВ «Городская больница № 2» акимата города Астаны"
        worker.employerBIN = try! BIN("940140000385")
        worker.position = "медицинская сестра кардиологического отделения"
        worker.specialty = "Сестринское дело"
        worker.certificate.number = "KZ-2022-0117"
        worker.certificate.issuedOn = CalendarDate("2022-03-31")
        worker.certificate.expiresOn = CalendarDate("2027-03-31")
        var course = Worker.ProfessionalDevelopment()
        course.title = "Сестринский уход в кардиологии"
        course.provider = "НЦПР"
        course.hours = Hours("54.5")
        course.completedOn = CalendarDate("2024-05-17")
        course.document = "сертификат № 117"
        worker.professionalDevelopment = [course]
        var first = Worker.Employment()
        first.hired = CalendarDate("2008-09-01")
        first.dismissed = CalendarDate("2010-06-30")
        first.placeOfWork = "Городская поликлиника № 5"
        first.employerBIN = try! BIN("950341000052")
        first.position = "медицинская сестра"
        first.orderNumber = "214-к"
        first.orderDate = CalendarDate("2008-08-29")
        var second = Worker.Employment()
        second.hired = CalendarDate("2010-07-01")
        second.placeOfWork = "Городская больница № 2"
        second.employerBIN = try! BIN("940140000385")
        second.position = "медицинская сестра кардиологического отделения"
        second.orderNumber = "388-к"
        second.orderDate = CalendarDate("2010-06-30")
        worker.employment = [first, second]
        worker.sqfLevel = QualificationLevel("5.1")
        worker.sqfLevelObtainedOn = CalendarDate("2021-04-15")
        worker.qualificationCategory = .second
        worker.targetCategory = .first
        worker.totalService = ServiceLength(years: 18, months: 2, days: 15)
        worker.specialtyService = ServiceLength(years: 16, months: 5, days: 3)
        worker.postgraduateEducation = "курсы специализации «Кардиология», 2012"
        return worker
    }

    /// Main's register extract layout (Samples/register.json), dates as the HR service types them.
    static let extract = """
        [{"iin": "850314410007", "fullName": "Сапарова Жанар Ерлановна", "dateOfBirth": "1985-03-14", "gender": "female",
          "targetCategory": "first", "totalService": "18 лет 2 месяца 15 дней", "specialtyService": "16 лет 5 месяцев 3 дня",
          "placeOfWork": "ГКП на ПХВ «Городская больница № 2» акимата города Астаны",
          "position": "медицинская сестра кардиологического отделения", "sqfLevel": "5.1", "qualificationCategory": "вторая",
          "postgraduateEducation": "курсы специализации «Кардиология», 2012",
          "employment": [
            {"hired": "01.09.2008", "dismissed": "30.06.2010", "placeOfWork": "Городская поликлиника № 5",
             "position": "медицинская сестра", "orderNumber": "214-к", "orderDate": "29.08.2008"},
            {"hired": "01.07.2010", "placeOfWork": "Городская больница № 2",
             "position": "медицинская сестра кардиологического отделения", "orderNumber": "388-к", "orderDate": "30.06.2010"}]}]
        """

    @Test func everyFieldOfTheFormComesFromTheRegister() throws {
        let register = try ProfessionalRegister()
        _ = try register.importFile(Data(Self.extract.utf8), name: "register.json", format: .json, by: "hr")
        let worker = try #require(try register.worker(try IIN("850314410007")))
        let expected = Self.completeWorker()
        // Items 1-2 and 4-10 of Appendix 2, and the category the form is for.
        #expect(worker.fullName == expected.fullName)
        #expect(worker.targetCategory == .first)
        #expect(worker.totalService == expected.totalService)
        #expect(worker.specialtyService == expected.specialtyService)
        #expect(worker.placeOfWork == expected.placeOfWork)
        #expect(worker.position == expected.position)
        #expect(worker.sqfLevel == expected.sqfLevel)
        #expect(worker.qualificationCategory == .second)
        #expect(worker.postgraduateEducation == expected.postgraduateEducation)
        // Item 7, the labour activity table, row by row and cell by cell.
        #expect(worker.employment.count == 2)
        for (row, expectedRow) in zip(worker.employment, expected.employment) {
            #expect(row.hired == expectedRow.hired && row.dismissed == expectedRow.dismissed)
            #expect(row.placeOfWork == expectedRow.placeOfWork && row.position == expectedRow.position)
            #expect(row.orderNumber == expectedRow.orderNumber && row.orderDate == expectedRow.orderDate)
        }
    }

    @Test func aCompleteRecordComesBackWhole() throws {
        let register = try ProfessionalRegister()
        let worker = Self.completeWorker()
        try register.save(worker, by: "hr")
        #expect(try register.worker(worker.iin) == worker)
        #expect(worker.dateOfBirth == CalendarDate("1985-03-14") && worker.gender == .female)
    }
}
