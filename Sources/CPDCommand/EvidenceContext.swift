import ArgumentParser
import FactExtraction
import Foundation
import JournalLists
import PersonNames
import ProfessionalRegister
import WorkerConfirmation

/// The options that say whose evidence a command reads and which journal lists apply.
struct EvidenceContextOptions: ParsableArguments {
    @Option(help: "The register: its database, or an extract (JSON: iin, fullName, …); a folder's worker is the one whose IIN names it.", completion: .file())
    var register: String?

    @Option(help: "The worker's full name (surname, given name, patronymic), when there is no register.")
    var worker: String?

    @OptionGroup var lists: EvidenceListOptions

    func validate() throws {
        if let worker, PersonName(registerName: worker) == nil {
            throw ValidationError("--worker needs at least a surname and a given name (got \"\(worker)\").")
        }
    }

    func loadJournalLists() throws -> (quartiles: QuartileList?, recommended: RecommendedJournals?) { try lists.loadJournalLists() }

    func loadLexicon() throws -> Lexicon { try lists.loadLexicon() }

    func loadRegister() throws -> WorkerDirectory? { try Self.loadRegister(register) }

    /// The register at `path` (a database or an extract), or nil without one.
    static func loadRegister(_ path: String?) throws -> WorkerDirectory? {
        guard let path else { return nil }
        do { return try WorkerDirectory.open(path) } catch { throw CommandFailure(error) }
    }

    /// The files grouped by their worker: --worker for all, else the register entry whose IIN
    /// names the file's folder, else no worker.
    func groupByWorker(_ files: [String], register: WorkerDirectory?) throws -> [(PersonName?, [String])] {
        if let worker { return [(PersonName(registerName: worker), files)] }
        var groups: [(key: String, worker: PersonName?, files: [String])] = []
        for file in files {
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent
            let entry = register?.identity(iin: folder, language: .ru, on: .today)
            let key = entry == nil ? "" : folder
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].files.append(file)
            } else {
                groups.append((key, entry?.name, [file]))
            }
        }
        return groups.map { ($0.worker, $0.files) }
    }
}

/// The journal lists and the wordings a folder's documents are read with.
struct EvidenceListOptions: ParsableArguments {
    @Option(help: "SCImago-style journal table (CSV, semicolons): quartiles by ISSN, for criterion 10.", completion: .file(extensions: ["csv"]))
    var journals: String?

    @Option(help: "Journals recommended by the Quality Assurance Committee (CSV with title and issn), for criterion 8.", completion: .file(extensions: ["csv"]))
    var recommendedJournals: String?

    @Option(help: "A folder of lexicon files (YAML) whose wordings add to or replace the built-in ones.", completion: .directory)
    var lexicon: String?

    /// Whether any of them was given.
    var isGiven: Bool { journals != nil || recommendedJournals != nil || lexicon != nil }

    func loadJournalLists() throws -> (quartiles: QuartileList?, recommended: RecommendedJournals?) {
        func load<List>(_ path: String?, _ make: (String) throws(JournalListError) -> List) throws -> List? {
            guard let path else { return nil }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure.cannotRead(path, "not a readable UTF-8 file") }
            do { return try make(text) } catch { throw CommandFailure.invalidInput("\(path): \(error)") }
        }
        return (try load(journals) { text throws(JournalListError) in try QuartileList(csv: text) },
                try load(recommendedJournals) { text throws(JournalListError) in try RecommendedJournals(csv: text) })
    }

    /// The built-in wordings, with those of --lexicon laid over them.
    func loadLexicon() throws -> Lexicon {
        guard let lexicon else { return .standard }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: lexicon, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure.cannotRead(lexicon, "not a folder of lexicon files")
        }
        do { return try Lexicon.standard.adding(directory: URL(fileURLWithPath: lexicon)) } catch let error as Lexicon.FileError {
            throw CommandFailure.invalidInput("\(lexicon)/\(error)")
        } catch {
            throw CommandFailure.cannotRead(lexicon, "\(error.localizedDescription)")
        }
    }

}

extension CommandFailure {
    /// A register that cannot be used, with the exit code of its kind.
    init(_ failure: WorkerDirectory.Failure) {
        let code: ExitCode =
            switch failure {
            case .cannotRead: .cannotRead
            case .invalidExtract: .invalidInput
            case .cannotOpenDatabase: .cannotWrite
            case .cannotRecord: .registerFailed
            }
        self.init(message: failure.description, exitCode: code)
    }
}
