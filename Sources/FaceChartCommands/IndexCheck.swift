import FaceChartStore
import Foundation

/// Checks every patient folder against the index on a thread of its own (with its own connection),
/// while the screens go on answering keys from the index as it stands; the terminal loop looks for its
/// outcome between keys.
final class IndexCheck: @unchecked Sendable {
    enum State {
        case running
        case done(problem: String?)
        case reported
    }

    private let lock = NSLock()
    private var state = State.running

    /// Starts checking the data folder at `root`.
    init(root: String) {
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
        }
    }

    /// Whether the check is running or has an outcome not yet taken.
    var isPending: Bool {
        lock.lock()
        defer { lock.unlock() }
        if case .reported = state { return false }
        return true
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
