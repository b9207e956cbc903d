import Foundation
import Synchronization

/// Failed sign-ins counted per account name and per client address: past `limit` failures within
/// `window`, further attempts are refused until the oldest failure leaves the window, so a
/// password cannot be guessed at the speed of the network.
final class LoginThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until `keys` may try again; nil when they may now.
    func wait(for keys: [String], at now: Date) -> TimeInterval? {
        failures.withLock { failures in
            let waits = keys.compactMap { key -> TimeInterval? in
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent.isEmpty ? nil : recent
                guard recent.count >= limit, let oldest = recent.first else { return nil }
                return window - now.timeIntervalSince(oldest)
            }
            return waits.max()
        }
    }

    func failed(_ keys: [String], at now: Date) {
        failures.withLock { failures in
            for key in keys { failures[key, default: []].append(now) }
        }
    }

    func succeeded(_ keys: [String]) {
        failures.withLock { failures in
            for key in keys { failures[key] = nil }
        }
    }
}
