import Foundation

/// Recognises pages in parallel: one worker thread per engine, each engine created when its
/// thread starts and reused for every page. The work runs on these threads, never on Swift's
/// cooperative pool, and callers await it through continuations.
public final class OCRPool: Sendable {
    public let size: Int
    private let queue = JobQueue()

    /// Starts `size` workers, each loading its engine in the background; if the languages cannot
    /// be loaded, every `recognize` fails with `engineUnavailable`.
    public init(size: Int = ProcessInfo.processInfo.activeProcessorCount, languages: String = "kaz+rus+eng") {
        self.size = max(1, size)
        for index in 0..<self.size {
            let thread = Thread { [queue] in Self.work(on: queue, languages: languages) }
            thread.name = "OCRPool worker \(index + 1)"
            // Tesseract recurses deeply on busy pages; give it a main thread's stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The workers finish the pages already queued, then free their engines and end.
    deinit { queue.close() }

    /// Waits for a free engine, then reads the page on it. Task cancellation is not observed: a
    /// queued page is read all the same, bounded by `timeout`.
    public func recognize(_ image: RasterImage, timeout: Duration = .seconds(60)) async throws(OCRError) -> OCRPage {
        let result = await withCheckedContinuation { continuation in
            queue.add(Job(image: image, timeout: timeout, continuation: continuation))
        }
        return try result.get()
    }

    private static func work(on queue: JobQueue, languages: String) {
        let engine = Result { () throws(OCRError) in try OCREngine(languages: languages) }
        while let job = queue.next() {
            let result = engine.flatMap { engine in
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
