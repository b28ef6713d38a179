import FaceChartCore
import FaceChartStore
import Foundation

/// A record both chairs changed in the same field. The data folder holds a whole, readable version (the
/// other chair's value in each disputed field, everything else merged); this chair's version is kept
/// on a branch; a person chooses mine, theirs or an edit for each field, and the answer is a new commit.
/// Kept in `.git/facechart/conflicts/` (this chair only): commits and a path, no record content.
public struct PendingConflict: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// The file, relative to the data folder.
    public var path: String
    public var kind: String
    public var patient: RecordID?
    /// Commits holding the common version (absent when both chairs created the file), this chair's,
    /// the other chair's, and the merge that put the settled version in the data folder.
    public var base: String?
    public var mine: String
    public var theirs: String
    public var merged: String
    /// The branch keeping this chair's version.
    public var branch: String

    /// The record as the sides had it, and the fields in dispute.
    public struct Detail: Sendable {
        public var base: JSONValue?
        public var mine: JSONValue
        public var theirs: JSONValue
        public var conflicts: [RecordMerge.Conflict]
    }
}

/// Reads, writes and settles pending conflicts.
public struct ConflictBook: Sendable {
    let history: History

    public init(history: History) { self.history = history }

    var folder: String { history.root + "/.git/facechart/conflicts" }

    /// Every conflict still waiting for a person, oldest first.
    public func pending() -> [PendingConflict] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder + "/" + name).flatMap { try? JSONDecoder().decode(PendingConflict.self, from: $0) }
        }
    }

    func add(_ conflict: PendingConflict) throws(SyncError) {
        mkdir(history.root + "/.git/facechart", 0o700)
        mkdir(folder, 0o700)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(conflict) else { throw SyncError("A conflict could not be recorded.") }
        try FileWriting.replace(folder + "/\(conflict.id).json", with: [UInt8](data))
    }

    /// Forgets a settled conflict.
    public func remove(_ conflict: PendingConflict) {
        unlink(folder + "/\(conflict.id).json")
    }

    /// The three versions of the record and the fields in dispute.
    public func detail(of conflict: PendingConflict) throws(SyncError) -> PendingConflict.Detail {
        let git = history.git
        func value(_ commit: String?) -> JSONValue? {
            guard let commit, let bytes = git.blob(commit, conflict.path) else { return nil }
            return try? RecordFiles.recordValue(bytes, kind: conflict.kind)
        }
        guard let mine = value(conflict.mine), let theirs = value(conflict.theirs) else {
            throw SyncError("\(conflict.path): a version of the record can no longer be read from the history.")
        }
        let base = value(conflict.base)
        let outcome = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
        return PendingConflict.Detail(base: base, mine: mine, theirs: theirs, conflicts: outcome.conflicts)
    }

    /// The record with each disputed field answered: `choices[field]` is the value wanted (a field left
    /// out keeps the other chair's). `current` is the record in the data folder now, which may have
    /// changed since the sync: those later changes are kept.
    public func resolved(
        _ detail: PendingConflict.Detail, choices: [String: JSONValue], current: JSONValue
    ) -> JSONValue {
        let settled = RecordMerge.merge(base: detail.base, mine: detail.mine, theirs: detail.theirs, prefer: .theirs) { field in
            choices[field]
        }.merged
        let atSync = RecordMerge.merge(base: detail.base, mine: detail.mine, theirs: detail.theirs, prefer: .theirs).merged
        return RecordMerge.merge(base: atSync, mine: current, theirs: settled, prefer: .theirs).merged
    }
}
