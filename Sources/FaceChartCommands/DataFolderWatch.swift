import FaceChartCore
import Foundation
import Glibc

/// Notices when another program (a second window, `add-patient`, a sync) changes the data folder: a
/// patient added or removed, or a patient's record, sessions, reviews or change list written. It looks at
/// the modification times of the folders only, so a look costs a few `stat` calls per patient.
final class DataFolderWatch {
    private let root: String
    /// Each folder's modification time when last looked at.
    private var seen: [String: timespec]

    init(root: String) {
        self.root = root
        seen = [:]
        seen = snapshot()
    }

    /// Whether anything changed since the last look; the changes are seen from now on.
    func hasChanged() -> Bool {
        let now = snapshot()
        defer { seen = now }
        return now.count != seen.count || now.contains { path, time in seen[path].map { !Self.same($0, time) } ?? true }
    }

    /// Takes what this program just wrote in `patient`'s folders (and the list of patients) as seen.
    func acknowledge(_ patient: RecordID) {
        for path in ["patients"] + folders(of: patient.rawValue) {
            seen[path] = modificationTime(path)
        }
    }

    private func folders(of patient: String) -> [String] {
        let folder = "patients/" + patient
        return [folder, folder + "/sessions", folder + "/reviews", folder + "/changes"]
    }

    private func snapshot() -> [String: timespec] {
        var times: [String: timespec] = [:]
        times["patients"] = modificationTime("patients")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/patients")) ?? []
        for name in names where RecordID.isValid(name) {
            for path in folders(of: name) {
                if let time = modificationTime(path) { times[path] = time }
            }
        }
        return times
    }

    private func modificationTime(_ relative: String) -> timespec? {
        var info = stat()
        guard lstat(root + "/" + relative, &info) == 0 else { return nil }
        return info.st_mtim
    }

    private static func same(_ lhs: timespec, _ rhs: timespec) -> Bool {
        lhs.tv_sec == rhs.tv_sec && lhs.tv_nsec == rhs.tv_nsec
    }
}
