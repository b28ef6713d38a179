import FaceChartCore
import Foundation

/// Runs git away from the keyboard: the charting loop hands it checkpoints and polls it for news; it
/// commits (at once for signing, addenda, reviews, edits and leaving a patient; every few minutes for
/// a draft that changes) and, when the practice has a remote, syncs after commits and every minute.
/// The one step that moves the data folder under the screens is handed back to the loop (`applyReady`),
/// which runs it between two keys and reloads what it shows.
public final class SyncWorker: @unchecked Sendable {
    public enum Notice: Sendable {
        /// The loop must call `sync.apply(plan, ...)` and then `answer(applied:)`.
        case applyReady(Sync.Plan)
        /// Records both chairs changed: a person chooses.
        case conflicts([PendingConflict])
        /// Files both chairs changed, settled without a person; this chair's version is on `branch`.
        case keptAside([String], branch: String)
        /// A sync or commit failed (e.g. the remote cannot be reached); said once until it changes.
        case problem(String)
        /// The history is off (no git, or it could not be set up).
        case unavailable(String)
        /// A sync worked after a problem.
        case recovered
        /// Another program (a `facechart sync` in a shell, another window) moved the data folder:
        /// these patients' files changed.
        case changedElsewhere([RecordID])
    }

    public let history: History
    public let sync: Sync
    private let driver: String
    private let condition = NSCondition()
    private var checkpoints: [Checkpoint] = []
    private var notices: [Notice] = []
    private var applyAnswer: Bool?
    private var stopping = false
    private var finished = false
    private var lastProblem: String?
    /// The commit the data folder was at after this worker's last step.
    private var knownHead: String?

    public init(history: History, driver: String) {
        self.history = history
        self.driver = driver
        sync = Sync(history: history)
    }

    /// Starts the worker thread. `seenHead`: the commit the data folder was at before the screens read
    /// it, so that a commit made meanwhile by another program is noticed.
    public func start(seenHead: String?) {
        knownHead = seenHead
        Thread.detachNewThread { [self] in work() }
    }

    /// A checkpoint to commit (never blocks).
    public func checkpoint(_ checkpoint: Checkpoint) {
        condition.lock()
        checkpoints.append(checkpoint)
        condition.signal()
        condition.unlock()
    }

    /// News since the last poll (never blocks).
    public func poll() -> [Notice] {
        condition.lock()
        defer { condition.unlock() }
        let news = notices
        notices = []
        return news
    }

    /// The loop's answer to `applyReady`.
    public func answer(applied: Bool) {
        condition.lock()
        applyAnswer = applied
        condition.signal()
        condition.unlock()
    }

    /// Commits what is pending and ends the thread, waiting at most `seconds`.
    public func stop(seconds: Double = 10) {
        condition.lock()
        stopping = true
        applyAnswer = applyAnswer ?? false
        condition.broadcast()
        let deadline = Date().addingTimeInterval(seconds)
        while !finished, condition.wait(until: deadline) {}
        condition.unlock()
    }

    private func post(_ notice: Notice) {
        condition.lock()
        notices.append(notice)
        condition.unlock()
    }

    private func setting(_ key: String, default value: Double) -> Double {
        (try? history.git.line(["config", "--local", key], accepting: [0, 1])).flatMap(Double.init) ?? value
    }

    private func work() {
        defer {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        do {
            try history.prepare(driver: driver)
            try history.withLock { () throws(SyncError) in _ = try history.commit([Checkpoint(.saved)]) }
        } catch {
            post(.unavailable(error.message))
            return
        }
        let draftInterval = setting("facechart.draftCommitSeconds", default: 300)
        let syncInterval = setting("facechart.syncSeconds", default: 60)
        var lastCommit = Date()
        var nextSync = Date()
        var draftPending = false
        if knownHead == nil { knownHead = history.git.commit("HEAD") }
        while true {
            condition.lock()
            var wake = nextSync
            if draftPending { wake = min(wake, lastCommit.addingTimeInterval(draftInterval)) }
            while checkpoints.isEmpty, !stopping, Date() < wake, condition.wait(until: wake) {}
            let batch = checkpoints
            checkpoints = []
            let ending = stopping
            condition.unlock()

            let important = batch.filter { $0.event != .draft }
            draftPending = draftPending || batch.contains { $0.event == .draft }
            let due = draftPending && Date().timeIntervalSince(lastCommit) >= draftInterval
            var committed = false
            if !important.isEmpty || due || (ending && draftPending) {
                let named = important.isEmpty ? batch.filter { $0.event == .draft }.suffix(1) : ArraySlice(important)
                do {
                    try history.withLock { () throws(SyncError) in
                        committed = try history.commit(Array(named.isEmpty ? [Checkpoint(.draft)] : named)) != nil
                    }
                    draftPending = false
                    lastCommit = Date()
                    knownHead = history.git.commit("HEAD")
                } catch {
                    report(error.message)
                }
            }
            if ending { return }
            if !committed { noticeMovesElsewhere() }
            if sync.remote != nil, committed || Date() >= nextSync {
                syncOnce()
                nextSync = Date().addingTimeInterval(syncInterval)
            } else if sync.remote == nil {
                nextSync = Date().addingTimeInterval(syncInterval)
            }
        }
    }

    private func syncOnce() {
        do {
            try history.withLock { () throws(SyncError) in
                for _ in 0..<3 {
                    guard let plan = try sync.plan() else { break }
                    guard try awaitApply(plan) else {
                        if stoppingNow() { return }
                        try history.commit([Checkpoint(.saved)])
                        continue
                    }
                    if try sync.finish(plan) {
                        if !plan.conflicts.isEmpty { post(.conflicts(plan.conflicts)) }
                        if !plan.keptAside.isEmpty { post(.keptAside(plan.keptAside, branch: plan.keptBranch ?? "")) }
                        break
                    }
                }
            }
            knownHead = history.git.commit("HEAD")
            if lastProblem != nil {
                lastProblem = nil
                post(.recovered)
            }
        } catch {
            report(error.message)
        }
    }

    /// Tells the loop which patients changed when the data folder moved without this worker.
    private func noticeMovesElsewhere() {
        let head = history.git.commit("HEAD")
        guard let head, let known = knownHead, head != known else {
            knownHead = head ?? knownHead
            return
        }
        knownHead = head
        guard let paths = try? history.git.changedPaths(from: known, to: head) else { return }
        let patients = Sync.Plan(local: known, target: head, changedPaths: paths, conflicts: [], pushes: false).patients
        if !patients.isEmpty { post(.changedElsewhere(patients)) }
    }

    /// Hands a plan to the loop and waits for its answer.
    private func awaitApply(_ plan: Sync.Plan) throws(SyncError) -> Bool {
        guard plan.target != plan.local else { return true }
        condition.lock()
        defer { condition.unlock() }
        applyAnswer = stopping ? false : nil
        notices.append(.applyReady(plan))
        while applyAnswer == nil { condition.wait() }
        let applied = applyAnswer ?? false
        applyAnswer = nil
        return applied
    }

    private func stoppingNow() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    private func report(_ message: String) {
        guard message != lastProblem else { return }
        lastProblem = message
        post(.problem(message))
    }
}
