import FaceChartCore
import Glibc

/// Temp files of interrupted saves and folders of interrupted patient creations are removed only where
/// this store holds the lock (a window that holds it may be saving) and only once they are old enough.
/// Nothing here follows a symbolic link.
extension PatientStore {
    /// Temp files younger than this (seconds) are left alone: they may be saves in flight. Older ones
    /// were left by a crash or a kill.
    static let staleTemporaryAge = 300

    /// Deletes stale temp files in one patient's folder and its subfolders, holding the patient's lock;
    /// does nothing when another window holds it.
    func tidyPatientFolder(_ id: RecordID) {
        guard access == .charting, let lock = try? lockPatientFolder(id) else { return }
        removeTemporaries(inPatientFolder: path(patientFolder(id)))
        lock.unlock()
    }

    /// The sweep of a patient's folder; the caller holds the patient's lock.
    func removeTemporaries(inPatientFolder folder: String) {
        for file in staleTemporaries(in: folder, descend: true) { try? files.system.unlink(file) }
    }

    /// Removes stale temp files in the user's patterns folder, holding its lock.
    func removeStalePatternTemporaries() {
        let folder = path(Self.patternsFolder)
        guard isFolder(folder, kind: nil) else { return }
        let stale = staleTemporaries(in: folder, descend: false)
        guard !stale.isEmpty,
              let lock = try? PatientLock.acquire(path: folder + "/.lock", relative: "", system: files.system)
        else { return }
        for file in stale { try? files.system.unlink(file) }
        lock.unlock()
    }

    /// Removes the patient folder `name` in `patients/` that was being built under a temporary name and
    /// never reached its place, once it is stale and its creator's lock is free.
    func removeAbandonedCreationIfStale(named name: String) {
        guard access == .charting, name.hasPrefix(Self.creationPrefix) else { return }
        let full = path("patients/" + name)
        guard isFolder(full, kind: nil), isOlder(full, than: Self.staleCutoff()),
              let lock = try? PatientLock.acquire(path: full + "/.lock", relative: "", system: files.system)
        else { return }
        removeAbandonedCreation(full)
        lock.unlock()
    }

    /// Removes every stale folder of an interrupted creation in `patients/`: a write that adds a patient
    /// (or a full check of the index) is when they are looked for.
    func removeAbandonedCreations(in entries: [DirectoryEntry]? = nil) {
        for entry in entries ?? (try? files.system.listDirectory(path("patients"))) ?? []
        where entry.name.hasPrefix(Self.creationPrefix) {
            removeAbandonedCreationIfStale(named: entry.name)
        }
    }

    /// The temporary name prefix of a patient folder being created.
    static var creationPrefix: String { FileAccess.temporaryPrefix + "new-" }

    /// Removes a patient folder built under a temporary name: only the names `createPatient` makes
    /// there, one level deep.
    func removeAbandonedCreation(_ full: String) {
        for item in (try? files.system.listDirectory(full)) ?? [] {
            let itemPath = full + "/" + item.name
            if isFolder(itemPath, kind: item.kind) {
                for inner in (try? files.system.listDirectory(itemPath)) ?? [] {
                    try? files.system.unlink(itemPath + "/" + inner.name)
                }
                try? files.system.rmdir(itemPath)
            } else {
                try? files.system.unlink(itemPath)
            }
        }
        try? files.system.rmdir(full)
    }

    /// Stale temp files (regular files only) in `folder` and, with `descend`, its immediate subfolders.
    private func staleTemporaries(in folder: String, descend: Bool) -> [String] {
        let cutoff = Self.staleCutoff()
        var stale: [String] = []
        func collect(_ current: String, descend: Bool) {
            guard let items = try? files.system.listDirectory(current) else { return }
            for item in items {
                let itemPath = current + "/" + item.name
                if item.name.hasPrefix(FileAccess.temporaryPrefix) {
                    if isOlder(itemPath, than: cutoff), (try? files.system.lstat(itemPath))?.kind == .file {
                        stale.append(itemPath)
                    }
                } else if descend, isFolder(itemPath, kind: item.kind) {
                    collect(itemPath, descend: false)
                }
            }
        }
        guard isFolder(folder, kind: nil) else { return [] }
        collect(folder, descend: descend)
        return stale
    }

    private static func staleCutoff() -> Int { Int(time(nil)) - staleTemporaryAge }

    private func isOlder(_ fullPath: String, than cutoff: Int) -> Bool {
        guard let status = try? files.system.lstat(fullPath) else { return false }
        return status.modified <= cutoff
    }
}
