import FaceChartCore
import Glibc

extension PatientStore {
    /// Deletes temp files of interrupted saves in one patient's folder and its subfolders, never
    /// following symbolic links, while holding the patient's lock: a window that holds it may be
    /// saving. Does nothing when another window holds the lock.
    func tidyPatientFolder(_ id: RecordID) {
        guard let lock = try? lockPatientFolder(id) else { return }
        removeTemporaries(inPatientFolder: path(patientFolder(id)))
        lock.unlock()
    }

    /// The sweep itself; the caller holds the patient's lock.
    func removeTemporaries(inPatientFolder folder: String) {
        guard isFolder(folder, kind: nil), let inner = try? files.system.listDirectory(folder) else { return }
        var removedTemporary = false
        for item in inner {
            let itemPath = folder + "/" + item.name
            if item.name.hasPrefix(FileAccess.temporaryPrefix) {
                try? files.system.unlink(itemPath)
                removedTemporary = true
            } else if isFolder(itemPath, kind: item.kind) {
                files.removeStaleTemporaries(in: itemPath)
            }
        }
        // A creation interrupted before patient.json landed leaves empty folders and a temp file:
        // rmdir removes the folders only while they are empty, so nothing written is ever lost.
        // The lock file, ours while we hold it, goes only when nothing else is left.
        if removedTemporary, (try? files.system.lstat(folder + "/patient.json")) == nil {
            try? files.system.rmdir(folder + "/sessions")
            if (try? files.system.listDirectory(folder))?.map(\.name) == [".lock"] {
                try? files.system.unlink(folder + "/.lock")
                try? files.system.rmdir(folder)
            }
        }
    }

    private func isFolder(_ fullPath: String, kind: FileStatus.Kind?) -> Bool {
        if let kind { return kind == .directory }
        return (try? files.system.lstat(fullPath))?.kind == .directory
    }
}
