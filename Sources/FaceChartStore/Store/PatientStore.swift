import FaceChartCore
import Foundation
import Glibc

/// The patients' records under one data folder: `patients/<id>/patient.json` and
/// `patients/<id>/sessions/<yyyyMMddTHHmmssZ>-<session-id>.json`, saved durably and atomically.
///
/// A store remembers a fingerprint of every file it reads or writes and refuses to save over a file
/// that has since changed on disk, or that it could not read. It is not thread-safe; use one store per
/// window and hold a `PatientLock` while editing a patient.
public final class PatientStore {
    /// The data folder, as given.
    public let root: String

    let files: FileAccess
    let codec = RecordCodec()
    /// What each file (relative path) held when this store last read or wrote it.
    var fingerprints: [String: Fingerprint] = [:]
    /// Files that failed to load; never overwritten.
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

    /// Opens (creating if needed, mode 0700) the data folder at `root`, sets umask 077 for the
    /// process, and removes temp files left by interrupted saves.
    public convenience init(root: String) throws(StoreError) {
        try self.init(root: root, system: SystemFileCalls())
    }

    init(root: String, system: any FileSystemCalls) throws(StoreError) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        files = FileAccess(system: system)
        umask(0o077)
        try makeFolders(upTo: self.root)
        try makeFolder(relative: "patients")
        try requireFolder(relative: "patients")
        removeStalePatternTemporaries()
    }

    /// Another store over the same folder, for reading on another thread; it creates and sweeps nothing.
    init(readerOf other: PatientStore) {
        root = other.root
        files = FileAccess(system: other.files.system)
    }

    // MARK: Patients

    /// Every patient folder, readable or not, by name then id; reads only `patient.json` and folder
    /// listings.
    public func listPatients() throws(StoreError) -> [PatientSummary] {
        let entries: [DirectoryEntry]
        do {
            entries = try files.system.listDirectory(path("patients"))
        } catch {
            throw .systemCall(operation: "listing", file: "patients", errno: error.code)
        }
        var summaries: [PatientSummary] = []
        for entry in entries {
            guard let id = RecordID(entry.name) else { continue }
            summaries.append(summary(of: id, kind: entry.kind))
        }
        return summaries.sorted { lhs, rhs in
            switch (lhs.patient, rhs.patient) {
            case let (left?, right?):
                let (a, b) = (left.name.lowercased(), right.name.lowercased())
                return a != b ? a < b : lhs.id < rhs.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.id < rhs.id
            }
        }
    }

    /// Creates the patient's folders and record; fails if the folder already exists.
    public func createPatient(_ patient: Patient) throws(StoreError) {
        let folder = patientFolder(patient.id)
        _ = try codec.encode(patient)  // refuse an invalid record before making folders
        do {
            try files.system.mkdir(path(folder), 0o700)
        } catch {
            if error.code == EEXIST { throw .alreadyExists(file: folder) }
            throw .systemCall(operation: "creating the folder", file: folder, errno: error.code)
        }
        let foldersKnown = indexKnowsEveryFolder()
        do {
            try makeFolder(relative: folder + "/sessions")
            try saveRecord(patient, folder: folder, name: "patient.json")
            try? files.syncFolder(path("patients"))
            updateIndex { index throws(SQLiteError) in try index.recordCreated(patient.id, foldersKnown: foldersKnown) }
        } catch {
            try? files.system.rmdir(path(folder + "/sessions"))
            try? files.system.rmdir(path(folder))
            throw error
        }
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

    // MARK: Sessions

    /// All of the patient's sessions, oldest first; throws on the first file that cannot be read.
    public func sessions(of patient: RecordID) throws(StoreError) -> [Session] {
        let result = try readSessions(of: patient)
        if let problem = result.problems.first { throw problem }
        return result.sessions
    }

    /// The patient's readable sessions, oldest first, and a problem for each file that is not.
    public func readSessions(of patient: RecordID) throws(StoreError) -> (sessions: [Session], problems: [StoreError]) {
        var sessions: [Session] = []
        var problems: [StoreError] = []
        for (name, id) in try sessionFiles(of: patient) {
            do {
                sessions.append(try loadSession(file: sessionsFolder(patient) + "/" + name, patient: patient, id: id))
            } catch {
                problems.append(error)
            }
        }
        sessions.sort { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        return (sessions, problems)
    }

    /// One session of the patient.
    public func loadSession(patient: RecordID, session: RecordID) throws(StoreError) -> Session {
        guard let name = try sessionFiles(of: patient).first(where: { $0.id == session })?.name else {
            throw .notFound(file: sessionsFolder(patient) + "/*-\(session).json")
        }
        return try loadSession(file: sessionsFolder(patient) + "/" + name, patient: patient, id: session)
    }

    /// Saves a session, creating its file on first save. A session that is signed on disk only accepts
    /// the same content with addenda appended.
    public func saveSession(_ session: Session) throws(StoreError) {
        try requireFolder(relative: patientFolder(session.patient))
        let folder = sessionsFolder(session.patient)
        if (try? files.system.lstat(path(folder))) == nil { try makeFolder(relative: folder) }
        let existing = try sessionFiles(of: session.patient).first { $0.id == session.id }?.name
        guard let name = existing ?? FileStamp.text(for: session.startedAt).map({ "\($0)-\(session.id).json" })
        else { throw .dateOutOfRange }
        let relative = folder + "/" + name
        try saveRecord(session, folder: folder, name: name) { (old: Session) throws(StoreError) in
            if old.isVoided, session != old { throw .voidedSessionIsReadOnly(file: relative) }
            guard old.isSigned else { return }
            var unchanged = session
            unchanged.addenda = old.addenda
            guard unchanged == old, session.addenda.starts(with: old.addenda) else {
                throw .signedSessionIsReadOnly(file: relative)
            }
        }
        updateIndex { index throws(SQLiteError) in try index.recordSaved(session, file: name) }
    }

    // MARK: Reviews

    /// Every review of the patient's treatments (`patients/<id>/reviews/<session-id>.json`).
    public func reviews(of patient: RecordID) throws(StoreError) -> [Review] {
        try requireFolder(relative: patientFolder(patient))
        let folder = reviewsFolder(patient)
        let entries: [DirectoryEntry]
        do {
            entries = try files.system.listDirectory(path(folder))
        } catch {
            if error.code == ENOENT { return [] }
            throw .systemCall(operation: "listing", file: folder, errno: error.code)
        }
        try requireFolder(relative: folder)
        var reviews: [Review] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            guard entry.name.hasSuffix(".json"), let session = RecordID(String(entry.name.dropLast(5))) else { continue }
            reviews.append(try loadRecord(Review.self, at: folder + "/" + entry.name) {
                $0.patient == patient && $0.session == session
            })
        }
        return reviews
    }

    /// Saves the review of one treatment, creating the reviews folder on first use.
    public func saveReview(_ review: Review) throws(StoreError) {
        try requireFolder(relative: patientFolder(review.patient))
        let folder = reviewsFolder(review.patient)
        if (try? files.system.lstat(path(folder))) == nil { try makeFolder(relative: folder) }
        try requireFolder(relative: folder)
        try saveRecord(review, folder: folder, name: "\(review.session.rawValue).json")
        updateIndex { index throws(SQLiteError) in try index.recordSaved(review) }
    }

    private func reviewsFolder(_ id: RecordID) -> String { "patients/\(id.rawValue)/reviews" }

    // MARK: Paths and folders

    func path(_ relative: String) -> String { root + "/" + relative }

    func patientFolder(_ id: RecordID) -> String { "patients/\(id.rawValue)" }

    func sessionsFolder(_ id: RecordID) -> String { "patients/\(id.rawValue)/sessions" }

    private func loadSession(file relative: String, patient: RecordID, id: RecordID) throws(StoreError) -> Session {
        try loadRecord(Session.self, at: relative) { $0.id == id && $0.patient == patient }
    }

    /// Session files by name (so by start time), with the id each name carries.
    func sessionFiles(of patient: RecordID) throws(StoreError) -> [(name: String, id: RecordID)] {
        try requireFolder(relative: patientFolder(patient))
        let folder = sessionsFolder(patient)
        let entries: [DirectoryEntry]
        do {
            entries = try files.system.listDirectory(path(folder))
        } catch {
            if error.code == ENOENT { return [] }
            if error.code == ENOTDIR { throw .notAFolder(file: folder) }
            throw .systemCall(operation: "listing", file: folder, errno: error.code)
        }
        if let status = try? files.system.lstat(path(folder)), status.kind != .directory {
            throw .notAFolder(file: folder)
        }
        return entries.compactMap { entry in Self.sessionID(fromFileName: entry.name).map { (entry.name, $0) } }
            .sorted { $0.name < $1.name }
    }

    /// The id in `20240501T093000Z-<id>.json`, or `nil` for any other name.
    static func sessionID(fromFileName name: String) -> RecordID? {
        guard name.hasSuffix(".json"), name.utf8.count > 22 else { return nil }
        let stamp = name.prefix(16)
        guard name.dropFirst(16).first == "-", FileStamp.time(from: stamp) != nil else { return nil }
        return RecordID(String(name.dropFirst(17).dropLast(5)))
    }

    private func summary(of id: RecordID, kind: FileStatus.Kind?) -> PatientSummary {
        let folder = patientFolder(id)
        do {
            if kind != .directory { try requireFolder(relative: folder) }
            let patient = try loadRecord(Patient.self, at: folder + "/patient.json") { $0.id == id }
            let sessionNames = (try? sessionFiles(of: id)) ?? []
            let last = sessionNames.last
            return PatientSummary(
                id: id, patient: patient, problem: nil, sessionCount: sessionNames.count,
                lastSessionStart: last.flatMap { FileStamp.time(from: $0.name.prefix(16))?.date },
                lastSessionFile: last.map { sessionsFolder(id) + "/" + $0.name })
        } catch {
            return PatientSummary(
                id: id, patient: nil, problem: error, sessionCount: 0, lastSessionStart: nil, lastSessionFile: nil)
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

    func makeFolder(relative: String) throws(StoreError) {
        do {
            try files.system.mkdir(path(relative), 0o700)
        } catch {
            if error.code != EEXIST {
                throw .systemCall(operation: "creating the folder", file: relative, errno: error.code)
            }
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
}
