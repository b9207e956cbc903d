import Foundation

/// Per worker: how many files, how many wait to be read or could not be, and the last
/// assessment (`cpd status`).
public struct WatchStatus: Sendable {
    public struct Worker: Sendable, Codable {
        public let worker: String
        public let files: Int
        public let pending: Int
        public let failed: Int
        public let lastAssessed: Date?
        /// The forms reflect every file read so far.
        public let upToDate: Bool
        public let meetsCPDRequirements: Bool?
        public let total: String?
        public let note: String?
        /// The failed files and why, so an HR officer can replace them.
        public let failures: [Failure]
        /// Why the inbox folder of this name is not read, or is held as it was: not an IIN, not
        /// in the register, a symbolic link, gone, not listable.
        public let problem: String?
    }

    public struct Failure: Sendable, Codable {
        public let file: String
        public let error: String
    }

    public let workers: [Worker]

    public init(store: WatchStore) throws {
        let files = Dictionary(grouping: try store.files(), by: \.worker)
        let states = Dictionary(uniqueKeysWithValues: try store.workerStates().map { ($0.worker, $0) })
        let problems = try store.inboxProblems()
        workers = Set(files.keys).union(states.keys).union(problems.keys).sorted().map { worker in
            let mine = files[worker] ?? []
            let state = states[worker]
            return Worker(
                worker: worker, files: mine.count, pending: mine.filter { $0.status == .pending }.count,
                failed: mine.filter { $0.status == .failed }.count,
                lastAssessed: state?.lastAssessed.map(Date.init(timeIntervalSince1970:)), upToDate: state.map { !$0.dirty } ?? mine.isEmpty,
                meetsCPDRequirements: state?.meets, total: state?.total, note: state?.note,
                failures: mine.filter { $0.status == .failed }.map { Failure(file: $0.path, error: $0.error ?? "") },
                problem: problems[worker])
        }
    }
}
