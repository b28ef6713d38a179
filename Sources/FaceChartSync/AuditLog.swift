import FaceChartCore
import Foundation

/// `facechart log PATIENT`: who changed what and when, from the patient's change list (each correction,
/// field by field) and from the history's commits (each checkpoint, with its chair and whether the
/// commit's signature is good).
public struct AuditLog: Sendable {
    /// One line of the trail.
    public struct Entry: Equatable, Sendable {
        public var at: Date
        public var chair: String?
        /// What happened, in words.
        public var what: String
        /// Who: a clinician's name from the change list, or an id from a commit.
        public var by: String?
        /// The commit's signature in words, for entries from commits.
        public var signature: String?
        public var commit: String?
        /// The change-list entry, for entries from the change list.
        public var change: Change?
    }

    let git: Git?
    /// The practice's list of chair keys, when there is one: every chair checks signatures against it.
    let signers: String?

    /// `history`: the data folder's repository, or `nil` when it has none (the change list alone).
    public init(history: History?) {
        git = history.map(\.git)
        signers = history.map { $0.root + "/" + History.signersFile }.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }

    /// The trail of `patient`, oldest first: `changes` from the change list, then every commit that
    /// touched the patient's folder.
    public func entries(patient: RecordID, changes: [Change]) throws(SyncError) -> [Entry] {
        let folder = "patients/\(patient.rawValue)"
        let commits = try self.commits(touching: folder)
        var chairOfChange: [String: (chair: String?, commit: String)] = [:]
        for commit in commits {
            for path in commit.added where path.hasPrefix(folder + "/changes/") {
                let name = path.split(separator: "/").last ?? ""
                chairOfChange[String(name.dropFirst(17).dropLast(5))] = (commit.chair, commit.id)
            }
        }
        var entries: [Entry] = changes.map { change in
            let origin = chairOfChange[change.id.rawValue]
            var what = "\(change.record.kind) \(change.record.id): \(change.field) \(change.from ?? "(none)") -> \(change.to ?? "(none)")"
            if let reason = change.reason { what += " (\(reason))" }
            return Entry(
                at: change.at.date, chair: origin?.chair, what: what, by: change.by.description, signature: nil,
                commit: origin?.commit, change: change)
        }
        for commit in commits {
            let mine = commit.checkpoints.filter { $0.patient == nil || $0.patient == patient }
            let words = mine.isEmpty ? ["saved"] : mine.map { checkpoint in
                [checkpoint.event.rawValue, checkpoint.session.map { "session \($0)" }].compactMap { $0 }.joined(separator: " ")
            }
            let files = commit.touched.filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) }
            entries.append(Entry(
                at: commit.date, chair: commit.chair, what: words.joined(separator: "; ") + " [" + files.joined(separator: ", ") + "]",
                by: mine.compactMap(\.by).first?.rawValue, signature: commit.signature, commit: commit.id))
        }
        return entries.sorted { $0.at < $1.at }
    }

    struct Commit {
        var id: String
        var date: Date
        var chair: String?
        var checkpoints: [Checkpoint]
        var signature: String
        var touched: [String]
        var added: [String]
    }

    private func commits(touching folder: String) throws(SyncError) -> [Commit] {
        guard let git, git.commit("HEAD") != nil else { return [] }
        let format = "%x1e%H%x1f%ct%x1f%G?%x1f%(trailers:only,unfold)%x1f"
        let trust = signers.map { ["-c", "gpg.ssh.allowedSignersFile=\($0)"] } ?? []
        let output = try git.run(trust + ["log", "--format=\(format)", "--name-status", "--no-renames", "--no-merges", "--", folder]).text
        var result: [Commit] = []
        for record in output.split(separator: "\u{1e}") {
            let fields = record.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, let seconds = Double(fields[1]) else { continue }
            var chair: String?
            var checkpoints: [Checkpoint] = []
            for line in fields[3].split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                if parts[0] == Checkpoint.chairKey { chair = parts[1] }
                if parts[0] == Checkpoint.eventKey, let checkpoint = Checkpoint(trailerValue: parts[1]) { checkpoints.append(checkpoint) }
            }
            var touched: [String] = [], added: [String] = []
            for line in fields[4].split(separator: "\n") {
                let parts = line.split(separator: "\t").map(String.init)
                guard parts.count == 2 else { continue }
                touched.append(parts[1])
                if parts[0] == "A" { added.append(parts[1]) }
            }
            result.append(Commit(
                id: fields[0].trimmingCharacters(in: .whitespacesAndNewlines), date: Date(timeIntervalSince1970: seconds), chair: chair,
                checkpoints: checkpoints, signature: Self.signatureWords(fields[2]), touched: touched, added: added))
        }
        return result
    }

    /// git's `%G?` in words.
    static func signatureWords(_ code: String) -> String {
        switch code.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "G": "signature good"
        case "U": "signature good, key not in the practice's list"
        case "B": "SIGNATURE BAD"
        case "X", "Y": "signature good, key expired"
        case "R": "signature made with a revoked key"
        case "E": "signature cannot be checked"
        default: "unsigned"
        }
    }
}
