import FaceChartCore
import FaceChartStore
import Foundation

extension Sync {
    /// Merges this chair's commit with the practice's without touching the data folder. Records both
    /// chairs changed in the same field are settled into a whole file (the practice's value in the
    /// disputed fields), this chair's commit is kept on a branch, and the record waits for a person.
    func mergePlan(local: String, upstream: String) throws(SyncError) -> Plan {
        let merged = try git.run(
            ["merge-tree", "--write-tree", "--name-only", "--no-messages", "--allow-unrelated-histories", local, upstream],
            accepting: [0, 1])
        let lines = merged.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard var tree = lines.first, !tree.isEmpty else { throw SyncError("git merge-tree gave no result.") }
        let conflicted: [String] = Array(lines.dropFirst().prefix { !$0.isEmpty })
        let base = try git.run(["merge-base", local, upstream], accepting: [0, 1]).lines.first
        let chair = history.chair()
        var branch: String?
        var settled: [(path: String, bytes: [UInt8]?, needsPerson: Bool)] = []
        for path in Set(conflicted).sorted() {
            let outcome = settle(path, base: base, mine: local, theirs: upstream)
            settled.append((path, outcome.bytes, outcome.needsPerson))
        }
        if !settled.isEmpty {
            tree = try replacing(settled.map { ($0.path, $0.bytes) }, in: tree)
            let stamp = Self.stamp()
            branch = "conflicts/\(chair)/\(stamp)"
            try git.run(["branch", "-f", branch!, local])
        }
        let extra = settled.map { "FaceChart-Conflict: \($0.path)" }
        let message = Checkpoint.message([Checkpoint(.merged)], chair: chair, extra: extra)
        let commit = try git.line(["commit-tree", tree, "-p", local, "-p", upstream, "-F", "-"], input: Array(message.utf8))
        let conflicts = settled.filter(\.needsPerson).enumerated().map { index, entry in
            PendingConflict(
                id: "\(Self.stamp())-\(index)", path: entry.path, kind: RecordFiles.kind(ofPath: entry.path) ?? "",
                patient: Self.patient(ofPath: entry.path), base: base, mine: local, theirs: upstream, merged: commit,
                branch: branch ?? "")
        }
        var plan = Plan(local: local, target: commit, changedPaths: try git.changedPaths(from: local, to: commit),
                        conflicts: conflicts, pushes: true)
        plan.keptBranch = branch
        plan.keptAside = settled.filter { !$0.needsPerson }.map(\.path)
        return plan
    }

    /// A whole file for a path the merge could not settle alone: the record merged field by field with
    /// the practice's value in each disputed field; a signed session keeps its signed version whole; a
    /// file missing or unreadable on one side keeps the other. `nil` bytes: the file is gone on both.
    func settle(_ path: String, base: String?, mine: String, theirs: String) -> (bytes: [UInt8]?, needsPerson: Bool) {
        let (mineBytes, theirsBytes) = (git.blob(mine, path), git.blob(theirs, path))
        guard let mineBytes else { return (theirsBytes, false) }
        guard let theirsBytes else { return (mineBytes, false) }
        guard let kind = RecordFiles.kind(ofPath: path) else { return (theirsBytes, false) }
        let value = { (bytes: [UInt8]) in try? RecordFiles.recordValue(bytes, kind: kind) }
        guard let mineRecord = value(mineBytes) else { return (theirsBytes, false) }
        guard let theirsRecord = value(theirsBytes) else { return (mineBytes, false) }
        let baseRecord = base.flatMap { git.blob($0, path) }.flatMap(value)
        let signedMine = mineRecord["signature"] != nil, signedTheirs = theirsRecord["signature"] != nil
        if signedMine || signedTheirs,
           RecordMerge.signedContent(mineRecord) != RecordMerge.signedContent(theirsRecord) {
            // A signed record is never mixed with another version: the signed one stays whole.
            return (signedTheirs ? theirsBytes : mineBytes, false)
        }
        let outcome = RecordMerge.merge(base: baseRecord, mine: mineRecord, theirs: theirsRecord, prefer: .theirs)
        guard let bytes = try? RecordFiles.encode(kind: kind, record: outcome.merged) else { return (theirsBytes, true) }
        return (bytes, !outcome.conflicts.isEmpty)
    }

    /// `tree` with some files replaced (or removed, for `nil`), through a scratch index.
    private func replacing(_ files: [(path: String, bytes: [UInt8]?)], in tree: String) throws(SyncError) -> String {
        let index = history.root + "/.git/facechart-merge-index"
        unlink(index)
        defer { unlink(index) }
        let scratch = ["GIT_INDEX_FILE": index]
        try git.run(["read-tree", tree], environment: scratch)
        for (path, bytes) in files {
            if let bytes {
                let blob = try git.line(["hash-object", "-w", "--stdin"], input: bytes)
                try git.run(["update-index", "--add", "--cacheinfo", "100644,\(blob),\(path)"], environment: scratch)
            } else {
                try git.run(["update-index", "--force-remove", "--", path], environment: scratch)
            }
        }
        return try git.run(["write-tree"], environment: scratch).lines.first ?? tree
    }

    static func patient(ofPath path: String) -> RecordID? {
        let parts = path.split(separator: "/")
        guard parts.count > 1, parts[0] == "patients" else { return nil }
        return RecordID(String(parts[1]))
    }

    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date()) + "-" + String(RecordID.random().rawValue.prefix(4))
    }
}
