import FaceChartCore
import Glibc

/// Why the store could not read, save or lock something. Messages quote files relative to the data
/// folder and never contain patient details.
public enum StoreError: Error, Equatable, Sendable {
    /// No `--data-dir`, FACECHART_HOME, XDG_DATA_HOME or HOME to put the data folder in.
    case noDataFolder
    /// The data folder does not exist, and a command that only reads does not create it.
    case dataFolderMissing(path: String)
    /// An identifier that is not 1 to 64 of `A-Z a-z 0-9 _ -`.
    case invalidIdentifier
    /// The record breaks a rule of the model and was not saved.
    case invalidRecord(ValidationError)
    /// A date is not finite or lies outside 1900 to 2200.
    case dateOutOfRange
    /// The file or folder does not exist.
    case notFound(file: String)
    /// Creating something that already exists.
    case alreadyExists(file: String)
    /// A symbolic link or other non-folder where a folder must be; never followed.
    case notAFolder(file: String)
    /// The file could not be understood; it is left as it is.
    case unreadable(file: String, problem: FileProblem)
    /// The file was written by a newer FaceChart.
    case newerSchema(file: String, version: Int, supported: Int)
    /// Saving over a file that failed to load would destroy whatever it still holds.
    case refusingToOverwriteUnreadable(file: String)
    /// The file on disk is not the version this store last read or wrote.
    case changedByAnotherProgram(file: String)
    /// Only files that cannot be used are moved aside.
    case nothingToMoveAside(file: String)
    /// A signed session may only gain addenda.
    case signedSessionIsReadOnly(file: String)
    /// A voided session stays as it was voided.
    case voidedSessionIsReadOnly(file: String)
    /// Another process (or another lock in this one) holds the patient.
    case patientLocked(pid: Int32?)
    /// A system call failed before anything on disk changed (a save left the previous file intact).
    case systemCall(operation: String, file: String, errno: Int32)
    /// The new file replaced the old one but syncing its folder failed, so it may not survive a crash.
    case notConfirmedOnDisk(file: String, errno: Int32)

    /// One or two sentences for the user.
    public var message: String {
        switch self {
        case .noDataFolder:
            "No data folder: pass --data-dir, or set FACECHART_HOME or HOME."
        case .dataFolderMissing(let path):
            "There is no data folder at \(path): check the path (it is created when the first patient is added)."
        case .invalidIdentifier:
            "The identifier is not valid (1 to 64 letters, digits, '_' or '-')."
        case .invalidRecord(let problem):
            "Not saved: \(problem.message)"
        case .dateOutOfRange:
            "Not saved: a date lies outside the years \(Timestamp.years.lowerBound) to \(Timestamp.years.upperBound)."
        case .notFound(let file):
            "\(file) does not exist."
        case .alreadyExists(let file):
            "\(file) already exists."
        case .notAFolder(let file):
            "\(file) is a symbolic link or not a folder; FaceChart does not follow links out of its data folder."
        case .unreadable(let file, let problem):
            "\(file) cannot be read: \(problem.message). The file was left untouched."
        case .newerSchema(let file, let version, let supported):
            "\(file) was written by a newer FaceChart (format \(version); this one reads up to \(supported)). "
                + "The file was left untouched."
        case .refusingToOverwriteUnreadable(let file):
            "\(file) could not be read earlier, so it will not be overwritten. 'facechart move-aside' moves it aside."
        case .changedByAnotherProgram(let file):
            "\(file) was changed by another program since it was opened. Your changes were kept but not saved; "
                + "reopen the patient to see the other version."
        case .nothingToMoveAside(let file):
            "\(file) is not a file FaceChart reports as damaged, unexpected or a second copy; it was not moved."
        case .signedSessionIsReadOnly(let file):
            "\(file) is signed: add a dated addendum instead of editing it."
        case .voidedSessionIsReadOnly(let file):
            "\(file) was voided: it stays on record as it was, and counts for nothing."
        case .patientLocked(let pid):
            if let pid { "This patient is open in another window (pid \(pid))." }
            else { "This patient is open in another window." }
        case .systemCall(let operation, let file, let code):
            "\(file): \(operation) failed (\(String(cString: strerror(code)))). Nothing on disk was changed."
        case .notConfirmedOnDisk(let file, let code):
            "\(file) was saved but the disk did not confirm it (\(String(cString: strerror(code)))); "
                + "it may be lost in a power cut. Save again."
        }
    }
}

extension StoreError {
    /// The file or folder the error names, relative to the data folder.
    public var file: String? {
        switch self {
        case .notFound(let file), .alreadyExists(let file), .notAFolder(let file), .unreadable(let file, _),
             .newerSchema(let file, _, _), .refusingToOverwriteUnreadable(let file), .changedByAnotherProgram(let file),
             .signedSessionIsReadOnly(let file), .voidedSessionIsReadOnly(let file), .nothingToMoveAside(let file), .systemCall(_, let file, _), .notConfirmedOnDisk(let file, _):
            file
        case .dataFolderMissing(let path): path
        case .noDataFolder, .invalidIdentifier, .invalidRecord, .dateOutOfRange, .patientLocked: nil
        }
    }

    /// A short phrase for a list or banner: what is wrong, without the file.
    public var summary: String {
        switch self {
        case .unreadable(_, let problem): problem.message
        case .newerSchema(_, let version, _): "written by a newer FaceChart (format \(version))"
        case .notAFolder: "a link or file where a folder belongs"
        case .notFound: "missing"
        case .systemCall(let operation, _, let code): "\(operation) failed (\(String(cString: strerror(code))))"
        default: message
        }
    }
}

/// What is wrong inside a file that could not be read.
public enum FileProblem: Equatable, Sendable {
    /// Zero bytes, or only spaces.
    case empty
    /// The JSON stops part-way through.
    case truncated
    /// Not JSON at the given byte offset.
    case syntax(offset: Int)
    /// A key appears twice in one object, so the value meant is ambiguous.
    case duplicateKey(key: String, at: String)
    /// Nested too deeply to be one of ours.
    case tooDeep
    /// The file holds another kind of record (e.g. a session where a patient belongs).
    case wrongKind(found: String, expected: String)
    /// A field is missing or has the wrong type.
    case badField(String)
    /// The record decodes but breaks a rule of the model.
    case invalid(ValidationError)
    /// The record's identifier does not match its folder or file name.
    case identifierMismatch
    /// The content no longer matches the checksum FaceChart wrote with it: something else changed it.
    case changedOutsideFaceChart
    /// The operating system could not read it.
    case readFailed(errno: Int32)
    /// Something other than a regular file stands in its place; it is never opened for reading.
    case notAFile(EntryKind)
    /// Larger than any record FaceChart writes (bytes).
    case tooLarge(bytes: Int)

    /// What stands where a regular file belongs.
    public enum EntryKind: String, Sendable {
        case folder = "a folder"
        case symbolicLink = "a symbolic link (not followed)"
        case namedPipe = "a named pipe (FIFO)"
        case socket = "a socket"
        case device = "a device"
        case other = "not a regular file"
    }

    /// A phrase for the user.
    public var message: String {
        switch self {
        case .empty: "the file is empty"
        case .truncated: "the file is cut short"
        case .syntax(let offset): "it is not valid JSON (byte \(offset))"
        case .duplicateKey(let key, let at): "the key \"\(key)\" appears twice in \(at)"
        case .tooDeep: "it is nested too deeply"
        case .wrongKind(let found, let expected): "it holds a \(found) record, not a \(expected)"
        case .badField(let detail): detail
        case .invalid(let problem): "its content is not valid (\(problem.message))"
        case .identifierMismatch: "the record's identifier does not match its file or folder name"
        case .changedOutsideFaceChart: "it was changed outside FaceChart (its checksum no longer matches its content)"
        case .readFailed(let code): String(cString: strerror(code))
        case .notAFile(let kind): kind == .other ? "it is not a regular file" : "it is \(kind.rawValue), not a file"
        case .tooLarge(let bytes): "it is too large to be a record (\(bytes / 1_048_576) MB)"
        }
    }
}
