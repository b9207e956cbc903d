import Foundation

// Times `cpd watch` (README, "Benchmarks"): how long from a text PDF landing in a worker's
// folder to that worker's forms being rewritten, and how long a 1,000-file backlog takes against
// `cpd assess` run on the same folders, one after another. Run from the package root after
// `swift build -c release`:  .build/release/WatchBenchmark [path/to/shared]

let shared = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "../shared")
let corpus = shared.appendingPathComponent("corpus")
let cpd = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("cpd")
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("cpd-watch-benchmark-\(getpid())")
defer { try? FileManager.default.removeItem(at: workspace) }
let references = [
    "--register", corpus.appendingPathComponent("workers.json").path,
    "--journals", corpus.appendingPathComponent("journals.csv").path,
    "--recommended-journals", corpus.appendingPathComponent("recommended-journals.csv").path, "--as-of", "2026-11-22",
]

@discardableResult
func run(_ arguments: [String], wait: Bool = true) throws -> Process {
    let process = Process()
    process.executableURL = cpd
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    if wait { process.waitUntilExit() }
    return process
}

func settled(_ database: URL, workers: Int) throws -> Bool {
    let process = Process()
    process.executableURL = cpd
    process.arguments = ["status", "--db", database.path, "--format", "json"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let status = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]], status.count == workers else { return false }
    return status.allSatisfy { $0["pending"] as? Int == 0 && $0["upToDate"] as? Bool == true }
}

/// The corpus's text PDFs and XML records, by worker, as the truth names them.
let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("truth.json"))) as! [String: Any]
var quick: [(worker: String, file: URL)] = []
for worker in truth["workers"] as! [[String: Any]] {
    for document in worker["documents"] as! [[String: Any]] where ["pdf-text", "xml"].contains(document["source"] as! String) {
        quick.append((worker["iin"] as! String, corpus.appendingPathComponent(document["file"] as! String)))
    }
}

/// A copy of `file` whose bytes are its own (so no reading is saved by content), still valid:
/// a comment after a PDF's end or an XML document's root.
func uniqueCopy(_ file: URL, to target: URL, mark: Int) throws {
    var data = try Data(contentsOf: file)
    data.append(Data((file.pathExtension == "xml" ? "\n<!-- copy \(mark) -->\n" : "\n% copy \(mark)\n").utf8))
    try data.write(to: target)
}

// 1. Latency: one worker's folder watched; a new text PDF lands; its forms are rewritten.
let inbox = workspace.appendingPathComponent("inbox")
let output = workspace.appendingPathComponent("out")
let database = workspace.appendingPathComponent("latency.sqlite")
let worker = quick[0].worker
let folder = inbox.appendingPathComponent(worker)
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
for (index, item) in quick.filter({ $0.worker == worker }).dropLast().enumerated() {
    try uniqueCopy(item.file, to: folder.appendingPathComponent("\(index)-\(item.file.lastPathComponent)"), mark: index)
}
let settle = 0.5
let daemon = try run(["watch", inbox.path, "--out", output.path, "--db", database.path, "--settle", "\(settle)"] + references, wait: false)
while try !settled(database, workers: 1) { usleep(100_000) }
let forms = output.appendingPathComponent("\(worker)/appendix2.pdf")
var latencies: [Double] = []
for round in 0..<5 {
    let before = try FileManager.default.attributesOfItem(atPath: forms.path)[.modificationDate] as! Date
    let newcomer = quick.filter { $0.worker == worker }.last!.file
    let started = Date()
    try uniqueCopy(newcomer, to: folder.appendingPathComponent("new-\(round).pdf"), mark: 1000 + round)
    while (try FileManager.default.attributesOfItem(atPath: forms.path)[.modificationDate] as! Date) == before { usleep(20_000) }
    latencies.append(Date().timeIntervalSince(started))
}
daemon.terminate()
daemon.waitUntilExit()
print(String(format: "latency, text PDF dropped to forms rewritten (settle %.1f s): median %.2f s, worst %.2f s over %d drops",
             settle, latencies.sorted()[latencies.count / 2], latencies.max()!, latencies.count))

// 2. Backlog: 1,000 files in the corpus's worker folders, read by the watch and by assess.
let backlog = workspace.appendingPathComponent("backlog")
var workers: Set<String> = []
for index in 0..<1000 {
    let item = quick[index % quick.count]
    let target = backlog.appendingPathComponent(item.worker)
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    try uniqueCopy(item.file, to: target.appendingPathComponent("\(index)-\(item.file.lastPathComponent)"), mark: index)
    workers.insert(item.worker)
}
var started = Date()
for worker in workers.sorted() {
    try run(["assess", backlog.appendingPathComponent(worker).path, "--format", "json"] + references)
}
let assessSeconds = Date().timeIntervalSince(started)
let backlogDatabase = workspace.appendingPathComponent("backlog.sqlite")
started = Date()
let watch = try run(["watch", backlog.path, "--out", workspace.appendingPathComponent("backlog-out").path, "--db", backlogDatabase.path, "--settle", "0"] + references, wait: false)
while try !settled(backlogDatabase, workers: workers.count) { usleep(100_000) }
let watchSeconds = Date().timeIntervalSince(started)
watch.terminate()
watch.waitUntilExit()
print(String(format: "backlog of 1000 files in %d folders: cpd assess per folder %.1f s, cpd watch %.1f s (%.2fx)",
             workers.count, assessSeconds, watchSeconds, watchSeconds / assessSeconds))
