import FaceChartCore
import Foundation
import Glibc

extension PatientStore {
    /// A file in `sessions/` named like a session: `<yyyyMMddTHHmmssZ>-<id>.json`.
    struct SessionFile: Equatable {
        var name: String
        var id: RecordID
        /// The entry's type as the folder listing gave it, when it did.
        var kind: FileStatus.Kind?
    }

    /// The name a session's file has: its start (UTC, to the second) and its id; `nil` for a start
    /// outside the years the store accepts.
    static func sessionFileName(startedAt: Timestamp, id: RecordID) -> String? {
        FileStamp.text(for: startedAt).map { "\($0)-\(id.rawValue).json" }
    }

    /// The id in `20240501T093000Z-<id>.json`, or `nil` for any other name.
    static func sessionID(fromFileName name: String) -> RecordID? {
        if case .session(let id) = classifySessionName(name) { return id }
        return nil
    }

    enum SessionName: Equatable {
        case session(RecordID)
        /// Shaped like a session file name, but its date is impossible or outside the accepted years.
        case impossibleDate
        case other
    }

    static func classifySessionName(_ name: String) -> SessionName {
        guard name.hasSuffix(".json"), name.utf8.count > 22, name.dropFirst(16).first == "-",
              let id = RecordID(String(name.dropFirst(17).dropLast(5)))
        else { return .other }
        let stamp = name.prefix(16)
        let digits = stamp.enumerated().allSatisfy { index, character in
            switch index {
            case 8: character == "T"
            case 15: character == "Z"
            default: character.isASCII && character.isNumber
            }
        }
        guard digits else { return .other }
        return FileStamp.time(from: stamp) == nil ? .impossibleDate : .session(id)
    }

    /// The session files of a patient by name (so by start), and an issue for every other name in
    /// `sessions/` and for a `sessions/` that cannot be listed. Hidden names (temp files of saves in
    /// flight) and the `damaged/` folder of files moved aside are skipped. Throws only when the
    /// patient's own folder is unusable.
    func sessionFolder(of patient: RecordID) throws(StoreError) -> (files: [SessionFile], issues: [RecordIssue]) {
        let folder = sessionsFolder(patient)
        let entries: [DirectoryEntry]
        switch try recordsFolder(folder, of: patient) {
        case .success(let listed): entries = listed
        case .failure(let error): return ([], [RecordIssue(error)])
        }
        var files: [SessionFile] = []
        var issues: [RecordIssue] = []
        for entry in entries {
            let relative = folder + "/" + entry.name
            switch Self.classifySessionName(entry.name) {
            case .session(let id): files.append(SessionFile(name: entry.name, id: id, kind: entry.kind))
            case .impossibleDate: issues.append(RecordIssue(file: relative, problem: .misnamed(expected: nil)))
            case .other: issues.append(RecordIssue(file: relative, problem: .unexpectedName))
            }
        }
        return (files, issues)
    }

    /// The entries of a patient's folder of records (`sessions/`, `reviews/`) by name, without hidden
    /// names (temp files of saves in flight) or the `damaged/` folder of files moved aside; a folder
    /// that cannot be listed is the failure. Throws only when the patient's own folder is unusable.
    func recordsFolder(_ folder: String, of patient: RecordID) throws(StoreError) -> Result<[DirectoryEntry], StoreError> {
        try requireFolder(relative: patientFolder(patient))
        do {
            return .success(try listFolder(folder).filter { !isSkipped($0, in: folder) }.sorted { $0.name < $1.name })
        } catch {
            return .failure(error)
        }
    }

    /// Hidden names and the folder of files moved aside, which no listing reports.
    func isSkipped(_ entry: DirectoryEntry, in folder: String) -> Bool {
        entry.name.hasPrefix(".")
            || (entry.name == Self.damagedFolderName && isFolder(path(folder + "/" + entry.name), kind: entry.kind))
    }

    /// Fails, without opening it, for an entry the listing already shows is not a regular file.
    func requireRegularFile(_ kind: FileStatus.Kind?, at relative: String) throws(StoreError) {
        guard let kind, kind != .file else { return }
        unreadable.insert(relative)
        throw .unreadable(file: relative, problem: .notAFile(FileProblem.EntryKind(kind)))
    }

    /// The patient's readable sessions, oldest first and each once, and an issue for every file that
    /// is damaged, unexpected, misnamed, a second copy, or needs a look (shared point ids, a signature
    /// that no longer matches). Throws only when the patient's folder is unusable.
    public func readSessions(of patient: RecordID) throws(StoreError) -> (sessions: [Session], issues: [RecordIssue]) {
        readSessions(of: patient, in: try sessionFolder(of: patient))
    }

    func readSessions(
        of patient: RecordID, in folder: (files: [SessionFile], issues: [RecordIssue])
    ) -> (sessions: [Session], issues: [RecordIssue]) {
        let (files, listingIssues) = folder
        var issues = listingIssues
        var sessions: [Session] = []
        var kept: [RecordID: String] = [:]
        for file in files {
            let relative = sessionsFolder(patient) + "/" + file.name
            do throws(StoreError) {
                try requireRegularFile(file.kind, at: relative)
                let session = try loadRecord(Session.self, at: relative) { $0.id == file.id && $0.patient == patient }
                if let issue = identityIssue(of: file, at: relative, startedAt: session.startedAt, kept: &kept) {
                    unreadable.insert(relative)
                    issues.append(issue)
                    continue
                }
                issues += Self.flags(of: session, at: relative)
                sessions.append(session)
            } catch {
                issues.append(RecordIssue(error))
            }
        }
        sessions.sort { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        return (sessions, issues)
    }

    /// The patient's readable sessions, oldest first; `readSessions` also says what was left out.
    public func sessions(of patient: RecordID) throws(StoreError) -> [Session] {
        try readSessions(of: patient).sessions
    }

    /// Why a decoded session file cannot be counted: its name does not match its start, or its id was
    /// already read from another file (`kept` maps ids to the files they were read from).
    func identityIssue(
        of file: SessionFile, at relative: String, startedAt: Timestamp, kept: inout [RecordID: String]
    ) -> RecordIssue? {
        let expected = Self.sessionFileName(startedAt: startedAt, id: file.id)
        if expected != file.name { return RecordIssue(file: relative, problem: .misnamed(expected: expected)) }
        if let first = kept[file.id] { return RecordIssue(file: relative, problem: .duplicateSession(file.id, keptFile: first)) }
        kept[file.id] = relative
        return nil
    }

    /// What needs a look in a session that is still shown: points sharing an id, a broken signature.
    static func flags(of session: Session, at relative: String) -> [RecordIssue] {
        var issues: [RecordIssue] = []
        let repeated = repeatedPointIDs(session.points.map(\.id))
        if !repeated.isEmpty { issues.append(RecordIssue(file: relative, problem: .duplicatePointIDs(repeated))) }
        if session.isSigned, !session.signatureIsIntact {
            issues.append(RecordIssue(file: relative, problem: .signatureMismatch(session.id)))
        }
        return issues
    }

    /// Identifiers that occur more than once, in order of their second occurrence.
    static func repeatedPointIDs(_ ids: [RecordID]) -> [RecordID] {
        var seen = Set<RecordID>(), repeated: [RecordID] = []
        for id in ids where !seen.insert(id).inserted && !repeated.contains(id) { repeated.append(id) }
        return repeated
    }

    /// One session of the patient.
    public func loadSession(patient: RecordID, session: RecordID) throws(StoreError) -> Session {
        guard let file = try sessionFolder(of: patient).files.first(where: { $0.id == session }) else {
            throw .notFound(file: sessionsFolder(patient) + "/*-\(session).json")
        }
        return try loadRecord(Session.self, at: sessionsFolder(patient) + "/" + file.name) {
            $0.id == session && $0.patient == patient
        }
    }

    /// Saves a session, creating its file on first save. A session that is signed on disk only accepts
    /// the same content with addenda appended.
    public func saveSession(_ session: Session) throws(StoreError) {
        try requireFolder(relative: patientFolder(session.patient))
        let folder = sessionsFolder(session.patient)
        try makeFolder(relative: folder)
        try requireFolder(relative: folder)
        let existing = try sessionFolder(of: session.patient).files.first { $0.id == session.id }?.name
        guard let name = existing ?? Self.sessionFileName(startedAt: session.startedAt, id: session.id)
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
}
