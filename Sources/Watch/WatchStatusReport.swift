import Foundation
import CPDReport

/// `cpd status` as JSON and as a table.
public struct WatchStatusReport: Encodable, Sendable {
    let workers: [WatchStatus.Worker]

    public init(_ status: WatchStatus) { workers = status.workers }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(workers)
    }

    public var text: String {
        guard !workers.isEmpty else { return "No worker folders seen yet.\n" }
        let formatter = ISO8601DateFormatter()
        var lines = [table(
            ["worker", "files", "pending", "failed", "last assessed", "CU", "Appendix 3"],
            workers.map {
                [$0.worker, "\($0.files)", "\($0.pending)", "\($0.failed)", $0.lastAssessed.map { formatter.string(from: $0) } ?? "never",
                 $0.total ?? "-", $0.note ?? $0.meetsCPDRequirements.map { $0 ? "met" : "not met" } ?? "-"]
            })]
        let problems = workers.filter { $0.problem != nil }
        if !problems.isEmpty {
            lines.append("")
            lines.append("Inbox folders not read, or held as they were")
            lines += problems.map { "  \($0.worker.escapingControlCharacters): \($0.problem!.escapingControlCharacters)" }
        }
        for worker in workers where !worker.failures.isEmpty {
            lines.append("")
            lines.append("\(worker.worker.escapingControlCharacters): files that could not be read")
            lines += worker.failures.map { "  \($0.file.escapingControlCharacters): \($0.error.escapingControlCharacters)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
