import Foundation

/// Recognises pages in parallel: one worker thread per engine, each engine created when its
/// thread gets its first page and reused for every page after. The work runs on these threads,
/// never on Swift's cooperative pool, and callers await it through continuations.
public final class OCRPool: Sendable {
    public let size: Int
    private let queue = JobQueue()
    /// Left by each worker once its engine is freed: `shutDown` waits for all of them.
    private let finished = DispatchGroup()

    /// Starts `size` workers, each loading its engine in the background; if the languages cannot
    /// be loaded, every `recognize` fails with `engineUnavailable`.
    public init(size: Int = ProcessInfo.processInfo.activeProcessorCount, languages: String = "kaz+rus+eng") {
        self.size = max(1, size)
        for index in 0..<self.size {
            finished.enter()
            let thread = Thread { [queue, finished] in
                Self.work(on: queue, languages: languages)
                finished.leave()
            }
            thread.name = "OCRPool worker \(index + 1)"
            // Tesseract recurses deeply on busy pages; give it a main thread's stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The workers finish the pages already queued, then free their engines and end; returns
    /// once they have. A process must not exit while tesseract is still making or freeing an
    /// engine on another thread: its static destructors would run under it (a double free).
    public func shutDown() {
        queue.close()
        finished.wait()
    }

    deinit { shutDown() }

    /// Waits for a free engine, then reads the page on it. Task cancellation is not observed: a
    /// queued page is read all the same, bounded by `timeout`.
    public func recognize(_ image: RasterImage, timeout: Duration = .seconds(60)) async throws(OCRError) -> OCRPage {
        let result = await withCheckedContinuation { continuation in
            queue.add(Job(image: image, timeout: timeout, continuation: continuation))
        }
        return try result.get()
    }

    private static func work(on queue: JobQueue, languages: String) {
        // Made for the first page: a run without scans never loads the models.
        var engine: Result<OCREngine, OCRError>?
        while let job = queue.next() {
            if engine == nil { engine = Result { () throws(OCRError) in try OCREngine(languages: languages) } }
            let result = engine!.flatMap { engine in
                Result { () throws(OCRError) in try engine.recognize(job.image, timeout: job.timeout) }
            }
            job.continuation.resume(returning: result)
        }
    }
}

private struct Job: Sendable {
    let image: RasterImage
    let timeout: Duration
    let continuation: CheckedContinuation<Result<OCRPage, OCRError>, Never>
}

/// Pages waiting for a worker, first in first out.
private final class JobQueue: @unchecked Sendable {
    // `jobs` and `closed` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var closed = false

    func add(_ job: Job) {
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// The next job, blocking while there is none; nil once closed and drained.
    func next() -> Job? {
        condition.withLock {
            while jobs.isEmpty && !closed { condition.wait() }
            // The queue is as long as the pages awaited at once: removing from the front is cheap,
            // and lets go of the page's pixels as soon as a worker has it.
            return jobs.isEmpty ? nil : jobs.removeFirst()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }
}
