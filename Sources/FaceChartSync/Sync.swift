import FaceChartCore
import FaceChartStore
import Foundation

/// Fetch, merge and push between this chair's data folder and the practice's remote (a bare
/// repository over ssh or on a shared drive). The merge is computed without touching the data folder
/// (`git merge-tree`); the data folder then moves in one step from the old commit to the merged one,
/// and only while the patients whose files change are not being saved by anyone else.
public final class Sync: @unchecked Sendable {
    /// The practice's branch.
    public static let branch = "main"
    static let remoteName = "origin"
    static let remoteBranch = "refs/remotes/origin/main"

    public let history: History
    var git: Git { history.git }

    public init(history: History) { self.history = history }

    /// The remote's address, or `nil` when this chair has none.
    public var remote: String? {
        (try? git.line(["config", "--local", "remote.origin.url"], accepting: [0, 1])).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What a sync found: the commit the data folder is at, the one it should move to, which files that
    /// changes and which records need a person.
    public struct Plan: Sendable {
        public var local: String
        public var target: String
        public var changedPaths: [String]
        public var conflicts: [PendingConflict]
        /// Whether `target` must be pushed.
        public var pushes: Bool
        /// A branch keeping this chair's version, when a conflict set it aside.
        public internal(set) var keptBranch: String?
        /// Files both chairs changed that were settled without a person (a signed session kept whole,
        /// an unreadable version passed over): this chair's version is on `keptBranch`.
        public internal(set) var keptAside: [String] = []

        /// The patients whose files change.
        public var patients: [RecordID] {
            var ids: [RecordID] = []
            for path in changedPaths {
                let parts = path.split(separator: "/")
                if parts.count > 1, parts[0] == "patients", let id = RecordID(String(parts[1])), !ids.contains(id) { ids.append(id) }
            }
            return ids
        }
    }

    /// Fetches and works out the next step; `nil` when the remote and this chair already agree. Call
    /// under `history.withLock`.
    public func plan() throws(SyncError) -> Plan? {
        guard remote != nil else { throw SyncError("No practice remote is set: run 'facechart sync --setup REMOTE' first.") }
        try git.run(["fetch", "--quiet", "--no-tags", "--prune", Self.remoteName, "+refs/heads/*:refs/remotes/origin/*"], seconds: 60)
        guard let local = git.commit("HEAD") else { throw SyncError("The data folder's history has no commit yet.") }
        guard let upstream = git.commit(Self.remoteBranch) else {
            return Plan(local: local, target: local, changedPaths: [], conflicts: [], pushes: true)
        }
        if try git.isAncestor(upstream, of: local) {
            return upstream == local ? nil : Plan(local: local, target: local, changedPaths: [], conflicts: [], pushes: true)
        }
        if try git.isAncestor(local, of: upstream) {
            return Plan(local: local, target: upstream, changedPaths: try git.changedPaths(from: local, to: upstream),
                        conflicts: [], pushes: false)
        }
        return try mergePlan(local: local, upstream: upstream)
    }

    /// Moves the data folder from `plan.local` to `plan.target`. `lock` takes a patient's lock for the
    /// duration (returning `nil` when this process already holds it) or fails when another window has
    /// the patient open. Returns false, changing nothing, when a file to be updated has unsaved-to-
    /// history changes: the next sync commits them and merges again.
    public func apply(_ plan: Plan, lock: (RecordID) throws(StoreError) -> PatientLock?) throws(SyncError) -> Bool {
        guard plan.target != plan.local else { return true }
        var held: [PatientLock] = []
        defer { held.forEach { $0.unlock() } }
        for patient in plan.patients where FileManager.default.fileExists(atPath: history.root + "/patients/\(patient)") {
            do {
                if let lock = try lock(patient) { held.append(lock) }
            } catch {
                throw SyncError("Patient \(patient) is open in another window; the sync finishes once it is closed.")
            }
        }
        guard git.commit("HEAD") == plan.local else { return false }
        try git.run(["update-index", "-q", "--refresh"], accepting: [0, 1])
        let read = try git.run(["read-tree", "-m", "-u", plan.local, plan.target], accepting: [0, 128])
        guard read.status == 0 else { return false }
        try git.run(["update-ref", "-m", "facechart sync", "HEAD", plan.target, plan.local])
        for path in plan.changedPaths where FileManager.default.fileExists(atPath: history.root + "/" + path) {
            FileWriting.syncFile(history.root + "/" + path)
        }
        return true
    }

    /// Pushes the result and records the conflicts for a person. Returns false when the remote moved
    /// meanwhile (sync again).
    public func finish(_ plan: Plan) throws(SyncError) -> Bool {
        if let branch = plan.keptBranch {
            _ = try? git.run(["push", "--quiet", Self.remoteName, "refs/heads/\(branch):refs/heads/\(branch)"], seconds: 60)
        }
        let book = ConflictBook(history: history)
        for conflict in plan.conflicts { try book.add(conflict) }
        guard plan.pushes else { return true }
        let pushed = try git.run(["push", "--quiet", Self.remoteName, "\(plan.target):refs/heads/\(Self.branch)"], accepting: [0, 1], seconds: 60)
        if pushed.status != 0 {
            let lines = pushed.errorText.split(separator: "\n").map(String.init)
            // Another chair pushed first (refused as not a fast-forward, or the ref was locked by its push):
            // fetch and merge again. Anything else, the remote's hook above all, is a refusal to report.
            let raced = lines.contains {
                $0.contains("[rejected]") || $0.contains("cannot lock ref") || $0.contains("failed to update ref")
                    || $0.contains("fetch first") || $0.contains("non-fast-forward")
            }
            if raced, !pushed.errorText.contains("hook declined") { return false }
            let reasons = lines.filter { $0.hasPrefix("remote: facechart:") }.map { String($0.dropFirst("remote: facechart: ".count)) }
            let reason = reasons.isEmpty
                ? lines.first { $0.hasPrefix("error:") || $0.hasPrefix("fatal:") || $0.contains("rejected") } ?? "exit status \(pushed.status)"
                : reasons.joined(separator: "; ")
            throw SyncError("The practice's remote refused the push (this chair keeps every record as it is): \(reason)")
        }
        return true
    }

    /// A whole sync as a command runs it: commit, then fetch, merge, apply and push until the remote
    /// and this chair agree (a few rounds at most when other chairs push at the same moment).
    @discardableResult
    public func run(lock: (RecordID) throws(StoreError) -> PatientLock?) throws(SyncError) -> Report {
        try history.withLock { () throws(SyncError) -> Report in
            var report = Report()
            if try history.commit([Checkpoint(.saved)]) != nil { report.committed = true }
            for _ in 0..<5 {
                guard let plan = try plan() else { return report }
                guard try apply(plan, lock: lock) else {
                    try history.commit([Checkpoint(.saved)])
                    continue
                }
                report.changedPatients += plan.patients.filter { !report.changedPatients.contains($0) }
                report.conflicts += plan.conflicts
                report.keptAside += plan.keptAside.map { ($0, plan.keptBranch ?? "") }
                if try finish(plan) {
                    report.pushed = report.pushed || plan.pushes
                    return report
                }
            }
            throw SyncError("Other chairs kept pushing; nothing was lost, try again.")
        }
    }

    /// What one sync did.
    public struct Report: Sendable {
        public var committed = false
        public var pushed = false
        public var changedPatients: [RecordID] = []
        public var conflicts: [PendingConflict] = []
        /// Files settled without a person, with the branch keeping this chair's version.
        public var keptAside: [(path: String, branch: String)] = []
    }

    /// Sets the practice's remote for a new chair and syncs: a chair with no records takes the
    /// practice's; a first chair pushes its own; both merge when both have some.
    public func setup(remote url: String, lock: (RecordID) throws(StoreError) -> PatientLock?) throws(SyncError) -> Report {
        try history.withLock { () throws(SyncError) in
            if remote == nil {
                try git.run(["remote", "add", Self.remoteName, url])
            } else {
                try git.run(["remote", "set-url", Self.remoteName, url])
            }
        }
        return try run(lock: lock)
    }
}
