import FaceChartStore
import Foundation
import Glibc

/// Checks every patient folder against the index on a thread of its own (with its own connection),
/// while the screens go on answering keys from the index as it stands. When it is done it wakes the
/// terminal loop the way a resize does (SIGWINCH to the thread that waits for keys), so the list is
/// read again at once.
final class IndexCheck: @unchecked Sendable {
    enum State {
        case running
        case done(problem: String?)
        case reported
    }

    private let lock = NSLock()
    private var state = State.running

    /// Starts checking the data folder at `root`; `waiting` is the thread that reads keys.
    init(root: String, waking waiting: pthread_t) {
        Thread.detachNewThread { [self] in
            var problem: String?
            do {
                let store = try PatientStore(root: root)
                try store.practiceIndex().refresh()
            } catch let error as StoreError {
                problem = error.message
            } catch let error as SQLiteError {
                problem = error.userMessage
            } catch {
                problem = "\(error)"
            }
            finish(problem)
            pthread_kill(waiting, SIGWINCH)
        }
    }

    /// Whether the check is still running.
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .running = state { return true }
        return false
    }

    /// The outcome once, the first time it is asked for after the check finished: `.some(nil)` when all
    /// went well, `.some(message)` when it failed, `nil` while running or once reported.
    func takeOutcome() -> String?? {
        lock.lock()
        defer { lock.unlock() }
        guard case .done(let problem) = state else { return nil }
        state = .reported
        return .some(problem)
    }

    private func finish(_ problem: String?) {
        lock.lock()
        state = .done(problem: problem)
        lock.unlock()
    }
}
