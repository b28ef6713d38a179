import FaceChartCore
import Foundation
import Glibc

/// The patients' records under one data folder: `patients/<id>/patient.json`,
/// `patients/<id>/sessions/<yyyyMMddTHHmmssZ>-<session-id>.json` and
/// `patients/<id>/reviews/<session-id>.json`, saved durably and atomically.
///
/// A store remembers a fingerprint of every file it reads or writes and refuses to save over a file
/// that has since changed on disk, or that it could not read. It is not thread-safe; use one store per
/// window and hold a `PatientLock` while editing a patient.
public final class PatientStore {
    /// What the store may do to the data folder.
    public enum Access: Sendable {
        /// Creates the data folder when missing and removes temp files of interrupted saves: for
        /// commands that write.
        case charting
        /// Never writes anything: the data folder must exist. For commands that only read.
        case viewing
    }

    /// The data folder, as given.
    public let root: String
    public let access: Access

    let files: FileAccess
    let codec = RecordCodec()
    /// What each file (relative path) held when this store last read or wrote it.
    var fingerprints: [String: Fingerprint] = [:]
    /// Files that failed to load or were left out; never overwritten.
    var unreadable: Set<String> = []
    /// The record each fingerprinted file holds, so that a save vets the version it replaces without
    /// decoding it again.
    var records: [String: Any] = [:]
    /// The derived index, once opened, and the updates waiting for it (`PatientStore+Index`).
    let indexLink = IndexLink()

    struct Fingerprint: Equatable {
        var size: Int
        var hash: UInt64

        init(_ bytes: [UInt8]) {
            size = bytes.count
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            self.hash = hash
        }
    }

    /// Opens the data folder at `root`. For `.charting` it is created if needed (mode 0700), umask 077
    /// is set for the process and stale temp files of interrupted saves are removed; `.viewing`
    /// changes nothing and fails when the folder does not exist.
    public convenience init(root: String, access: Access = .charting) throws(StoreError) {
        try self.init(root: root, access: access, system: SystemFileCalls())
    }

    init(root: String, access: Access = .charting, system: any FileSystemCalls) throws(StoreError) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.access = access
        files = FileAccess(system: system)
        umask(0o077)
        switch access {
        case .charting:
            try makeFolders(upTo: self.root)
            try makeFolder(relative: "patients")
            try requireFolder(relative: "patients")
            removeStalePatternTemporaries()
        case .viewing:
            let status: FileStatus
            do {
                status = try files.system.lstat(self.root)
            } catch {
                if error.code == ENOENT || error.code == ENOTDIR { throw .dataFolderMissing(path: self.root) }
                throw .systemCall(operation: "checking", file: self.root, errno: error.code)
            }
            guard status.kind == .directory || (status.kind == .symlink && isFolderThroughLink(self.root)) else {
                throw .notAFolder(file: self.root)
            }
            if (try? files.system.lstat(path("patients"))) != nil { try requireFolder(relative: "patients") }
        }
    }

    /// Whether this process may write in the data folder (false on a read-only disk or without
    /// permission): viewing works either way, charting needs it.
    public var canWrite: Bool {
        (try? files.system.access(path("patients"), W_OK)) != nil
    }

    /// Another store over the same folder, for reading on another thread; it creates and sweeps nothing.
    init(readerOf other: PatientStore) {
        root = other.root
        access = other.access
        files = FileAccess(system: other.files.system)
    }

    // MARK: Patients

    /// Creates the patient's folder, complete with its lock, `sessions/` and record, in one step: the
    /// folder is built under a temporary name and renamed into place, so no other process ever sees
    /// it half made. Returns the lock on the new patient; fails if the folder already exists.
    @discardableResult
    public func createPatient(_ patient: Patient) throws(StoreError) -> PatientLock {
        let folder = patientFolder(patient.id)
        let bytes = try codec.encode(patient)
        if (try? files.system.lstat(path(folder))) != nil { throw .alreadyExists(file: folder) }
        removeAbandonedCreations()
        let staging = "patients/" + Self.creationPrefix + patient.id.rawValue + "-" + FileAccess.randomSuffix()
        do {
            try files.system.mkdir(path(staging), 0o700)
        } catch {
            throw .systemCall(operation: "creating the folder", file: folder, errno: error.code)
        }
        let foldersKnown = indexKnowsEveryFolder()
        let lock: PatientLock
        do throws(StoreError) {
            lock = try PatientLock.acquire(path: path(staging + "/.lock"), relative: folder + "/.lock", system: files.system)
            do {
                try files.system.mkdir(path(staging + "/sessions"), 0o700)
            } catch {
                throw StoreError.systemCall(operation: "creating the folder", file: folder + "/sessions", errno: error.code)
            }
            do {
                try files.replace(folder: path(staging), name: "patient.json", relative: folder + "/patient.json", with: bytes) { _ in }
            } catch {
                // Nothing is visible yet: a folder sync that failed here is simply a failed creation.
                if case .notConfirmedOnDisk(let file, let code) = error {
                    throw StoreError.systemCall(operation: "syncing to disk", file: file, errno: code)
                }
                throw error
            }
            do {
                try files.system.rename(path(staging), path(folder))
            } catch {
                if error.code == EEXIST || error.code == ENOTEMPTY { throw StoreError.alreadyExists(file: folder) }
                throw StoreError.systemCall(operation: "creating the folder", file: folder, errno: error.code)
            }
        } catch {
            removeAbandonedCreation(path(staging))
            throw error
        }
        fingerprints[folder + "/patient.json"] = Fingerprint(bytes)
        records[folder + "/patient.json"] = patient
        do {
            try files.syncFolder(path("patients"))
        } catch {
            throw .notConfirmedOnDisk(file: folder, errno: error.code)
        }
        updateIndex { index throws(SQLiteError) in try index.recordCreated(patient.id, foldersKnown: foldersKnown) }
        return lock
    }

    /// The patient record in folder `id`.
    public func loadPatient(_ id: RecordID) throws(StoreError) -> Patient {
        let folder = patientFolder(id)
        try requireFolder(relative: folder)
        return try loadRecord(Patient.self, at: folder + "/patient.json") { $0.id == id }
    }

    /// Saves an existing patient's record over the version last read or written by this store.
    public func savePatient(_ patient: Patient) throws(StoreError) {
        let folder = patientFolder(patient.id)
        try requireFolder(relative: folder)
        try saveRecord(patient, folder: folder, name: "patient.json")
        updateIndex { index throws(SQLiteError) in try index.recordSaved(patient) }
    }

    /// Takes the patient's lock, or fails with `patientLocked(pid:)` at once if someone holds it, and
    /// removes the temp files interrupted saves left in the patient's folder.
    public func lockPatient(_ id: RecordID) throws(StoreError) -> PatientLock {
        let lock = try lockPatientFolder(id)
        removeTemporaries(inPatientFolder: path(patientFolder(id)))
        return lock
    }

    func lockPatientFolder(_ id: RecordID) throws(StoreError) -> PatientLock {
        let folder = patientFolder(id)
        try requireFolder(relative: folder)
        return try PatientLock.acquire(path: path(folder + "/.lock"), relative: folder + "/.lock", system: files.system)
    }

    // MARK: Paths and folders

    func path(_ relative: String) -> String { root + "/" + relative }

    func patientFolder(_ id: RecordID) -> String { "patients/\(id.rawValue)" }

    func sessionsFolder(_ id: RecordID) -> String { "patients/\(id.rawValue)/sessions" }

    func reviewsFolder(_ id: RecordID) -> String { "patients/\(id.rawValue)/reviews" }

    /// Whether `relative` names something inside a patient's folder (not the folder itself).
    static func isInsidePatientFolder(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts[0] == "patients" && RecordID.isValid(String(parts[1]))
            && parts.dropFirst(2).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The names in the folder `relative`, never through a link; a missing folder has none.
    func listFolder(_ relative: String) throws(StoreError) -> [DirectoryEntry] {
        do {
            return try files.system.listDirectory(path(relative))
        } catch {
            switch error.code {
            case ENOENT: return []
            case ELOOP, ENOTDIR: throw .notAFolder(file: relative)
            default: throw .systemCall(operation: "listing", file: relative, errno: error.code)
            }
        }
    }

    /// Fails unless `relative` is a real folder: a symbolic link could lead out of the data folder.
    func requireFolder(relative: String) throws(StoreError) {
        let status: FileStatus
        do {
            status = try files.system.lstat(path(relative))
        } catch {
            if error.code == ENOENT { throw .notFound(file: relative) }
            throw .systemCall(operation: "checking", file: relative, errno: error.code)
        }
        guard status.kind == .directory else { throw .notAFolder(file: relative) }
    }

    /// Creates the folder `relative` when missing and makes its name durable in the folder above.
    func makeFolder(relative: String) throws(StoreError) {
        do {
            try files.system.mkdir(path(relative), 0o700)
        } catch {
            if error.code == EEXIST { return }
            throw .systemCall(operation: "creating the folder", file: relative, errno: error.code)
        }
        let parent = relative.split(separator: "/").dropLast().joined(separator: "/")
        do {
            try files.syncFolder(parent.isEmpty ? root : path(parent))
        } catch {
            throw .notConfirmedOnDisk(file: relative, errno: error.code)
        }
    }

    /// `mkdir -p` with mode 0700 for the data folder itself.
    private func makeFolders(upTo folder: String) throws(StoreError) {
        var partial = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            partial += "/" + component
            do {
                try files.system.mkdir(partial, 0o700)
            } catch {
                if error.code != EEXIST {
                    throw .systemCall(operation: "creating the data folder", file: partial, errno: error.code)
                }
            }
        }
    }

    /// Whether `fullPath` is a link to a folder: the data folder itself may be one (the user chose it).
    private func isFolderThroughLink(_ fullPath: String) -> Bool {
        (try? files.system.listDirectory(fullPath + "/.")) != nil
    }

    func isFolder(_ fullPath: String, kind: FileStatus.Kind?) -> Bool {
        if let kind { return kind == .directory }
        return (try? files.system.lstat(fullPath))?.kind == .directory
    }
}

extension FileProblem.EntryKind {
    init(_ kind: FileStatus.Kind) {
        switch kind {
        case .directory: self = .folder
        case .symlink: self = .symbolicLink
        case .fifo: self = .namedPipe
        case .socket: self = .socket
        case .device: self = .device
        case .file, .other: self = .other
        }
    }
}
