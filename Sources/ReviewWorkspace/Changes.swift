import CPDRules
import Confirmation
import Forms
import Foundation
import HTTPTypes
import Hummingbird
import ProfessionalRegister
import WorkerConfirmation

/// What an officer changes: a document's facts or decision, and the files dropped on a worker's
/// page. A viewer, or a request without the page's token, changes nothing.
extension ReviewServer {
    /// Changes are an officer's, posted with the session's token: a viewer or a forged request
    /// changes nothing.
    func officer(_ context: ReviewContext, token: String?) throws -> Account {
        guard let session = context.session, CSRF.matches(token, session.csrfToken) else { throw HTTPError(.forbidden, message: "bad or missing form token") }
        guard session.account.role == .officer else { throw HTTPError(.forbidden, message: "a viewer changes nothing") }
        return session.account
    }

    struct CorrectionForm: Decodable {
        let csrf: String?
        /// The record's position in the file (a record set holds several).
        let record: Int
        let action: String
        let fact: String?
        let value: String?
        let reason: String?
        let note: String?
    }

    /// An officer's correction of a document, or decision on it: kept in the register against
    /// the document's content with who, when and what it replaced, audited, and the worker
    /// assessed again and the forms rewritten at once.
    func correct(_ request: Request, _ context: ReviewContext) async throws -> Response {
        let form = try await request.decode(as: CorrectionForm.self, context: context)
        let account = try officer(context, token: form.csrf)
        let detail = try document(context)
        guard detail.records.indices.contains(form.record) else { throw HTTPError(.badRequest) }
        let record = detail.decisions[form.record]?.record ?? detail.records[form.record]
        let previousDecision = detail.decisions[form.record]?.item.outcome.decision.rawValue
        let change: Correction.Change
        let previous: String?
        switch form.action {
        case "fact":
            guard let fact = form.fact.flatMap(EvidenceFact.init(rawValue:)), fact == .activity || EvidenceFact.correctable.contains(fact) else {
                throw HTTPError(.badRequest)
            }
            let value = try Self.correctedValue(form.value ?? "", of: fact)
            change = .fact(fact, value)
            previous = record.evidence.flatMap { fact.text(in: $0) } ?? (fact == .activity ? (record.activity ?? record.activityGuess)?.rawValue : nil)
        case "accept":
            (change, previous) = (.accepted, previousDecision)
        case "refuse":
            let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let reason = form.reason.flatMap(RefusalReason.init(rawValue:)), !note.isEmpty, note.count <= 500 else { throw HTTPError(.badRequest) }
            (change, previous) = (.refused(reason, note: note), previousDecision)
        default:
            throw HTTPError(.badRequest)
        }
        let iin = detail.worker.iin
        let correction = Correction(sha256: record.sha256, item: record.item, change: change, by: account.name, on: today)
        try data.register.record(correction, previous: previous, for: iin)
        try accounts.record("correction", subject: iin.digits, by: account.name, old: previous, new: "\(record.sha256.prefix(12)) \(correction.slot) \(change)")
        try await Self.offloaded { try reassess(iin) }
        return .redirect(to: "/workers/\(iin.digits)/documents/\(record.sha256)", type: .normal)
    }

    /// Work that blocks (a child process decoding a page, forms rendered to PDF) runs off Swift's
    /// cooperative threads, so that other requests go on meanwhile.
    static func offloaded<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// A value typed by an officer in the form `EvidenceFact.set` reads: a date as 18.03.2023 or
    /// 2023-03-18, an amount with a decimal comma or point; empty for "not stated".
    static func correctedValue(_ typed: String, of fact: EvidenceFact) throws -> String? {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        var value = text
        if [.startDate, .endDate, .issueDate].contains(fact), let date = CalendarDate(dottedDayFirst: text) { value = date.description }
        if [.hours, .credits].contains(fact) { value = value.replacingOccurrences(of: ",", with: ".") }
        var scratch = Evidence(criterion: 1)
        do { try fact.set(value, in: &scratch) } catch { throw HTTPError(.unprocessableContent, message: "\(error)") }
        return fact.text(in: scratch) ?? value
    }

    /// The worker assessed again from the stored readings and the corrections, the forms
    /// rewritten as the watch writes them, and the watch's state noted, unless the watch read a
    /// file meanwhile (then it assesses the worker itself).
    func reassess(_ iin: IIN) throws {
        let folder = iin.digits
        guard let worker = try? data.confirmation.worker(iin: folder) else { return }
        let readings = try data.watch.readings(worker: folder)
        let confirmed = try data.confirmation.confirm(
            worker, records: try data.watch.records(worker: folder),
            writing: (forms, .formSet(configuration.output.appendingPathComponent(folder), writeFile: FormSet.writeDurably)))
        try data.watch.assessed(confirmed.assessment, worker: folder, at: configuration.now().timeIntervalSince1970, ifReadingsAre: readings)
    }

    /// A file dropped on a worker's page (the body, `?name=` its file name), written into the
    /// worker's inbox folder for the watch to read like any other.
    func upload(_ request: Request, _ context: ReviewContext) async throws -> Response {
        let account = try officer(context, token: request.headers[HTTPField.Name("X-CSRF-Token")!])
        let iin = try iin(context)
        guard try data.register.worker(iin) != nil else { throw HTTPError(.notFound) }
        guard let inbox = configuration.inbox else { throw HTTPError(.conflict, message: Upload.Refusal.noInbox.description) }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: configuration.uploadLimit)
        } catch {
            throw HTTPError(.contentTooLarge, message: Upload.Refusal.tooLarge(limit: configuration.uploadLimit).description)
        }
        let name = request.uri.queryParameters.get("name") ?? "upload"
        let outcome: Upload.Outcome
        do {
            outcome = try Upload.write(Data(buffer: body), named: name, into: inbox.appendingPathComponent(iin.digits), limit: configuration.uploadLimit)
        } catch let refusal as Upload.Refusal {
            throw HTTPError(refusal == .notEvidence ? .unsupportedMediaType : .unprocessableContent, message: refusal.description)
        }
        let json: String, status: HTTPResponse.Status
        switch outcome {
        case .written(let file):
            try accounts.record("file uploaded", subject: iin.digits, by: account.name, new: file)
            (json, status) = (#"{"status":"written","file":"\#(Self.jsonEscaped(file))"}"#, .created)
        case .present(let file):
            (json, status) = (#"{"status":"present","file":"\#(Self.jsonEscaped(file))"}"#, .ok)
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func jsonEscaped(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            switch scalar {
            case "\"", "\\": "\\\(scalar)"
            case _ where scalar.value < 0x20: String(format: "\\u%04x", scalar.value)
            default: String(scalar)
            }
        }.joined()
    }

    /// The latest changes and sign-ins, for an officer.
    func auditPage(_ request: Request, _ context: ReviewContext) throws -> Response {
        guard context.session?.account.role == .officer else { return try errorPage(.forbidden, "error.forbidden", request, context) }
        let language = context.language
        let entries = try accounts.auditTrail().map { entry -> [String: Any] in
            [
                "when": entry.at.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon)),
                "who": entry.account, "action": pages.word("audit.action.\(entry.action.replacingOccurrences(of: " ", with: "-"))", language),
                "subject": entry.subject, "worker": WorkerFolder.isIINShaped(entry.subject), "old": entry.oldValue ?? "", "new": entry.newValue ?? "",
            ]
        }
        return try html("audit", title: pages.word("nav.audit", language), ["entries": entries], request, context)
    }
}
