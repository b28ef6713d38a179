import FaceChartCore
import FaceChartStore
import Foundation

/// `facechart verify`: like `git fsck`, for records. Every file parses with its checksum, every
/// signature verifies, ids match their folders and file names, no id is used twice, no review is of a
/// missing session; across a pushed range, signed and voided sessions and the change list are never
/// altered (a signed session only gains addenda).
public enum Verifier {
    /// A problem in one file.
    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var problem: String
        public var description: String { "\(path): \(problem)" }
    }

    /// The result of a check.
    public struct Report: Sendable {
        public var filesChecked = 0
        public var findings: [Finding] = []
    }

    /// Checks the files of one snapshot (path relative to the data folder -> bytes).
    public static func check(_ files: [String: [UInt8]]) -> Report {
        var report = Report()
        var sessionsByPatient: [String: [String: String]] = [:]
        var reviews: [(path: String, patient: String, session: String)] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            guard let kind = RecordFiles.kind(ofPath: path) else {
                if path.hasSuffix(".json"), path.hasPrefix("patients/") || path.hasPrefix("patterns/") {
                    report.findings.append(Finding(path: path, problem: "a .json file where no record belongs"))
                }
                continue
            }
            report.filesChecked += 1
            let record: RecordFiles.Record
            do {
                record = try RecordFiles.decode(bytes, kind: kind)
            } catch {
                report.findings.append(Finding(path: path, problem: "cannot be read: \(error.message)"))
                continue
            }
            let parts = path.split(separator: "/").map(String.init)
            let folder = parts.count > 1 ? parts[1] : ""
            let name = String(parts.last?.dropLast(5) ?? "")
            func mismatch(_ what: String) { report.findings.append(Finding(path: path, problem: "\(what) does not match its place")) }
            switch record {
            case .patient(let patient):
                if patient.id.rawValue != folder { mismatch("the patient id") }
            case .session(let session):
                if session.patient.rawValue != folder { mismatch("the patient id") }
                if !name.hasSuffix("-\(session.id.rawValue)") || name.count != 17 + session.id.rawValue.count { mismatch("the session id") }
                if let other = sessionsByPatient[folder, default: [:]][session.id.rawValue] {
                    report.findings.append(Finding(path: path, problem: "session id used twice (also \(other))"))
                }
                sessionsByPatient[folder, default: [:]][session.id.rawValue] = path
                if session.isSigned, !session.signatureIsIntact {
                    report.findings.append(Finding(path: path, problem: "SIGNATURE BROKEN: the signed content changed after signing"))
                }
                let points = session.points.map(\.id)
                if Set(points).count != points.count { report.findings.append(Finding(path: path, problem: "a point id is used twice")) }
            case .review(let review):
                if review.patient.rawValue != folder || review.session.rawValue != name { mismatch("the review's session or patient") }
                reviews.append((path, review.patient.rawValue, review.session.rawValue))
            case .change(let change):
                if !name.hasSuffix("-\(change.id.rawValue)") { mismatch("the change id") }
            case .pattern(let pattern):
                if pattern.key != name { mismatch("the pattern key") }
            }
        }
        for review in reviews where sessionsByPatient[review.patient]?[review.session] == nil {
            report.findings.append(Finding(path: review.path, problem: "reviews session \(review.session), which does not exist"))
        }
        return report
    }

    /// Problems in going from `old` to `new` of one file: signed and voided sessions only gain addenda,
    /// change-list files never change or go.
    public static func compare(path: String, old: [UInt8]?, new: [UInt8]?) -> Finding? {
        guard let old, let kind = RecordFiles.kind(ofPath: path), old != new else { return nil }
        if kind == "change" {
            return Finding(path: path, problem: new == nil ? "a change-list entry was removed" : "a change-list entry was rewritten")
        }
        guard kind == "session", case .session(let before)? = try? RecordFiles.decode(old, kind: kind),
              before.isSigned || before.isVoided
        else { return nil }
        let state = before.isSigned ? "signed" : "voided"
        guard let new else { return Finding(path: path, problem: "a \(state) session was removed") }
        guard case .session(let after)? = try? RecordFiles.decode(new, kind: kind) else { return nil }
        var unchanged = after
        unchanged.addenda = before.addenda
        let keptAddenda = before.addenda.allSatisfy(after.addenda.contains)
        if unchanged != before || !keptAddenda || (before.isVoided && after != before) {
            return Finding(path: path, problem: "a \(state) session was altered (only addenda may be added)")
        }
        return nil
    }

    /// Checks the data folder's files on disk.
    public static func checkFolder(_ root: String) -> Report {
        var files: [String: [UInt8]] = [:]
        for top in ["patients", "patterns"] {
            guard let walker = FileManager.default.enumerator(atPath: root + "/" + top) else { continue }
            while let next = walker.nextObject() as? String {
                let name = next.split(separator: "/").last.map(String.init) ?? next
                if name.hasPrefix(".") { walker.skipDescendants(); continue }
                var isFolder: ObjCBool = false
                let full = root + "/" + top + "/" + next
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                files[top + "/" + next] = FileManager.default.contents(atPath: full).map { [UInt8]($0) } ?? []
            }
        }
        return check(files)
    }

    /// Checks a push from `old` to `new` in the repository git finds from the current folder (as a
    /// `pre-receive` hook runs): the files of every patient the pushed commits touch, and every commit
    /// against its parents. `old` of all zeros is a new branch.
    public static func checkPushed(old: String, new: String, git: Git = Git(folder: nil)) throws(SyncError) -> Report {
        let isNewBranch = old.allSatisfy { $0 == "0" }
        let range = isNewBranch ? [new, "--not", "--all"] : ["\(old)..\(new)"]
        let commits = try git.run(["rev-list"] + range).lines
        var report = Report()
        var touched = Set<String>()
        for commit in commits {
            let parents = try git.run(["rev-list", "--parents", "-n", "1", commit]).lines.first?.split(separator: " ").dropFirst().map(String.init) ?? []
            for parent in parents.isEmpty ? [nil] : parents.map(Optional.some) {
                for path in try git.changedPaths(from: parent, to: commit) {
                    touched.insert(scope(of: path))
                    if let finding = compare(path: path, old: parent.flatMap { git.blob($0, path) }, new: git.blob(commit, path)) {
                        report.findings.append(Finding(path: path, problem: finding.problem + " in commit \(commit.prefix(12))"))
                    }
                }
            }
        }
        let listed = try git.files(of: new).filter { isNewBranch || touched.contains(scope(of: $0.path)) }
        let blobs = try git.blobs(listed.map(\.blob))
        var files: [String: [UInt8]] = [:]
        for file in listed { files[file.path] = blobs[file.blob] ?? [] }
        let snapshot = check(files)
        report.filesChecked = snapshot.filesChecked
        report.findings = snapshot.findings + report.findings
        return report
    }

    /// The patient folder (or top-level file) a path belongs to.
    private static func scope(of path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count > 1 && parts[0] == "patients" ? "patients/\(parts[1])" : path
    }

    /// The `pre-receive` hook that runs `facechart verify --pushed` on every pushed branch.
    public static func hookScript(program: String) -> String {
        """
        #!/bin/sh
        # Installed by FaceChart: refuses a push holding an unreadable record or an altered signed one.
        zero=0000000000000000000000000000000000000000
        while read old new ref; do
          [ "$new" = "$zero" ] && { echo "FaceChart: deleting $ref is not allowed" >&2; exit 1; }
          \(History.shellQuoted(program)) verify --pushed "$old" "$new" || exit 1
        done

        """
    }
}
