import CPDRules

extension Worker {
    /// What the register says for a decision on a qualification level (chapter 3 of order
    /// ҚР ДСМ-283/2020), each fact with the field it was read from. The documents (assessment
    /// results, work-functions reports) and the CPD are the caller's to add.
    ///
    /// `ranking` looks up a foreign institution on the user's ranking list (paragraph 15); it is
    /// asked only for documents issued abroad.
    public func levelApplication(
        target: QualificationLevel, on date: CalendarDate,
        ranking: (String) -> LevelAssignment.UniversityRanking? = { _ in nil }, rankingListGiven: Bool = false
    ) -> LevelAssignment.Application {
        func field(_ name: String) -> LevelAssignment.Source { LevelAssignment.Source(.register, name) }
        var application = LevelAssignment.Application(target: target, date: date)
        application.currentLevel = sqfLevel.map { ($0, field("sqfLevel")) }
        application.currentLevelObtainedOn = sqfLevelObtainedOn.map { ($0, field("sqfLevelObtainedOn")) }
        application.specialty = specialty.map { ($0, field("specialty")) }
        if let category = qualificationCategory, category != .none {
            application.categoryCertificate = LevelAssignment.CategoryCertificate(
                category: category, validity: categoryCertificate.expiresOn,
                source: field(categoryCertificate.expiresOn == nil ? "qualificationCategory" : "qualificationCategory, categoryCertificate.expiresOn"))
        }
        application.education = education.enumerated().map { index, row in
            let origin: LevelAssignment.EducationDocument.Origin =
                Self.isDomestic(row.country) ? .domestic : .foreign(ranking: row.institution.flatMap(ranking))
            return LevelAssignment.EducationDocument(
                track: row.track, specialty: row.specialty, issuedOn: row.issuedOn, institution: row.institution, origin: origin,
                source: field("education[\(index + 1)]"))
        }
        application.rankingListGiven = rankingListGiven
        application.employment = employment.enumerated().compactMap { index, row in
            row.hired.map { LevelAssignment.EmploymentPeriod(hired: $0, dismissed: row.dismissed, specialty: row.specialty, source: field("employment[\(index + 1)]")) }
        }
        application.employmentSource = employment.isEmpty ? nil : field("employment")
        return application
    }

    /// A document issued in Kazakhstan, or one whose country the register does not state.
    static func isDomestic(_ country: String?) -> Bool {
        guard let country = country?.trimmingCharacters(in: .whitespaces).lowercased() else { return true }
        return ["kz", "kaz", "рк"].contains(country) || ["казахстан", "қазақстан", "kazakhstan"].contains { country.contains($0) }
    }
}

extension AssessmentRecord {
    /// A recorded confirmation as the CPD of paragraph 12, item 4.
    public var confirmedCPD: ConfirmedCPD {
        ConfirmedCPD(
            confirmationDate: confirmationDate, category: targetCategory, totals: totals, meetsAppendix3: meetsRequirements,
            source: LevelAssignment.Source(.assessment, "the register's confirmation of \(confirmationDate) for the \(targetCategory.rawValue) category"))
    }
}
