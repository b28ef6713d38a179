import FaceChartCore
import FaceChartStore
import Foundation

/// `facechart merge-driver %O %A %B %P`, as git calls it for every record both sides changed: merges
/// the records field by field and writes the result into `%A` through the store's codec (so its
/// checksum is right); when a field was changed on both sides, or a side cannot be read, or the merge
/// would change a signed session's content, it leaves `%A` as it was and fails (git then reports a
/// conflict, and FaceChart's sync settles it). It never writes conflict markers.
///
/// During a rebase git passes the upstream version as `%A`; when both sides created the file `%O` is
/// empty. The merge is symmetric, so neither changes the result.
public enum MergeDriver {
    public struct Outcome: Equatable, Sendable {
        /// 0 when merged; 1 when a person must decide.
        public var status: Int32
        /// One line for git's output: what was merged or why not (field names only).
        public var message: String
    }

    public static func run(base: String, ours: String, theirs: String, path: String) -> Outcome {
        guard let kind = RecordFiles.kind(ofPath: path) else {
            return Outcome(status: 1, message: "\(path) is not a FaceChart record; not merged")
        }
        func read(_ file: String) -> [UInt8]? { FileManager.default.contents(atPath: file).map { [UInt8]($0) } }
        guard let oursBytes = read(ours), let theirsBytes = read(theirs) else {
            return Outcome(status: 1, message: "\(path): a version could not be read")
        }
        let result = merge(base: read(base), ours: oursBytes, theirs: theirsBytes, kind: kind)
        switch result {
        case .success(let bytes):
            do {
                try FileWriting.replace(ours, with: bytes)
            } catch {
                return Outcome(status: 1, message: "\(path): \(error.message)")
            }
            return Outcome(status: 0, message: "\(path): merged field by field")
        case .failure(let reason):
            return Outcome(status: 1, message: "\(path): \(reason.message)")
        }
    }

    /// The merged file, or why it needs a person.
    public static func merge(base: [UInt8]?, ours: [UInt8], theirs: [UInt8], kind: String) -> Result<[UInt8], SyncError> {
        let mine: JSONValue, other: JSONValue
        do {
            mine = try RecordFiles.recordValue(ours, kind: kind)
            other = try RecordFiles.recordValue(theirs, kind: kind)
        } catch {
            return .failure(SyncError("a version cannot be read (\(error.message))"))
        }
        let common = base.flatMap { $0.isEmpty ? nil : try? RecordFiles.recordValue($0, kind: kind) }
        let outcome = RecordMerge.merge(base: common, mine: mine, theirs: other)
        if !outcome.conflicts.isEmpty {
            let fields = outcome.conflicts.map(\.field).joined(separator: ", ")
            return .failure(SyncError("changed on both sides: \(fields)"))
        }
        do {
            return .success(try RecordFiles.encode(kind: kind, record: outcome.merged))
        } catch {
            return .failure(SyncError("the merged record is not valid (\(error.message))"))
        }
    }
}
