import FaceChartCore
import Glibc

extension PatientStore {
    /// Temp files younger than this (seconds) are left alone even in an unlocked folder: they may be
    /// saves in flight. Older ones were left by a crash or a kill.
    static let staleTemporaryAge = 300

    /// Deletes temp files of interrupted saves, and patient folders whose creation was interrupted,
    /// but only those older than `staleTemporaryAge` and only in folders whose lock this store can
    /// take (a window that holds a patient may be saving). Never follows symbolic links.
    func removeStaleTemporaries() {
        let cutoff = Int(time(nil)) - Self.staleTemporaryAge
        guard let entries = try? files.system.listDirectory(path("patients")) else { return }
        for entry in entries {
            let full = path("patients/" + entry.name)
            if entry.name.hasPrefix(FileAccess.temporaryPrefix) {
                if isFolder(full, kind: entry.kind), isOlder(full, than: cutoff) {
                    // The creator holds this lock until the folder is renamed into place.
                    guard let lock = try? PatientLock.acquire(path: full + "/.lock", relative: "", system: files.system)
                    else { continue }
                    removeAbandonedCreation(full)
                    lock.unlock()
                }
            } else if RecordID.isValid(entry.name), isFolder(full, kind: entry.kind) {
                sweep(full, cutoff: cutoff)
            }
        }
        let patterns = path(Self.patternsFolder)
        if isFolder(patterns, kind: nil) { sweep(patterns, cutoff: cutoff) }
    }

    /// Removes stale temp files in `folder` and its immediate subfolders while holding `folder/.lock`.
    private func sweep(_ folder: String, cutoff: Int) {
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
        collect(folder, descend: true)
        guard !stale.isEmpty,
              let lock = try? PatientLock.acquire(path: folder + "/.lock", relative: "", system: files.system)
        else { return }
        for file in stale { try? files.system.unlink(file) }
        lock.unlock()
    }

    /// Removes a patient folder built under a temporary name that never reached its place: only the
    /// names `createPatient` makes there, one level deep.
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

    private func isOlder(_ fullPath: String, than cutoff: Int) -> Bool {
        guard let status = try? files.system.lstat(fullPath) else { return false }
        return status.modified <= cutoff
    }
}
