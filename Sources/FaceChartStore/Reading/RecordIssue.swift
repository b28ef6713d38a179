import FaceChartCore

/// One thing wrong with one of a patient's files or folders, found while reading them. Each issue
/// names its file once; `isLeftOut` says whether the file's content was left out of what is shown.
public struct RecordIssue: Equatable, Sendable {
    /// What is wrong.
    public enum Problem: Equatable, Sendable {
        /// The file or folder cannot be used: damaged, not a regular file, a link, unreadable, newer.
        case unusable(StoreError)
        /// A name FaceChart does not write, in a folder of records.
        case unexpectedName
        /// A session file whose name does not match the record in it; `expected` is the name that would.
        case misnamed(expected: String?)
        /// A second file holding a session already read from `keptFile`.
        case duplicateSession(RecordID, keptFile: String)
        /// A review of a session the patient does not have.
        case reviewOfMissingSession(RecordID)
        /// Points that share an identifier; the session is shown and edits touch one point at a time.
        case duplicatePointIDs([RecordID])
        /// A signed session whose content no longer matches its signature; shown, and flagged.
        case signatureMismatch(RecordID)
    }

    /// The file or folder, relative to the data folder.
    public let file: String
    public let problem: Problem

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    /// An issue for a file or folder that cannot be used, named by the error itself.
    public init(_ error: StoreError) {
        self.init(file: error.file ?? "", problem: .unusable(error))
    }

    /// Whether the file's content is missing from what is shown and counted.
    public var isLeftOut: Bool {
        switch problem {
        case .duplicatePointIDs, .signatureMismatch: false
        default: true
        }
    }

    /// Whether the file may be moved to a `damaged/` folder beside it: it is left out, it lies inside a
    /// patient's folder, and it is not merely unreachable (a permission or a full disk is not damage)
    /// or written by a newer FaceChart (which would read it).
    public var canBeMovedAside: Bool {
        guard isLeftOut, PatientStore.isInsidePatientFolder(file) else { return false }
        if case .unusable(let error) = problem {
            switch error {
            case .unreadable(_, .readFailed), .newerSchema, .systemCall, .notFound: return false
            default: return true
            }
        }
        return true
    }

    /// One or two sentences for the user, naming the file and never quoting patient details.
    public var message: String {
        switch problem {
        case .unusable(let error):
            error.message
        case .unexpectedName:
            "\(file) is not a file FaceChart writes; it was not read."
        case .misnamed(let expected?):
            "\(file) holds a record that does not match its name (it would be named \(expected)); it was not used."
        case .misnamed(nil):
            "\(file) is named for a date outside the years \(Timestamp.years.lowerBound) to "
                + "\(Timestamp.years.upperBound); it was not used."
        case .duplicateSession(let id, let kept):
            "\(file) holds session \(id) again (already read from \(kept)); it was not counted twice."
        case .reviewOfMissingSession(let id):
            "\(file) reviews session \(id), which this patient does not have; it was not used."
        case .duplicatePointIDs(let ids):
            "\(file) has points sharing an identifier (\(ids.prefix(3).map(\.rawValue).joined(separator: ", "))"
                + "\(ids.count > 3 ? ", ..." : "")); each is shown, and an edit changes one point only."
        case .signatureMismatch(let id):
            "\(file): session \(id) was changed after it was signed; the signature no longer matches."
        }
    }

    /// A short phrase for a list or banner: what is wrong, without the file.
    public var summary: String {
        switch problem {
        case .unusable(let error): error.summary
        case .unexpectedName: "not a FaceChart file"
        case .misnamed: "name does not match its record"
        case .duplicateSession: "a second copy of a session"
        case .reviewOfMissingSession: "a review of a missing session"
        case .duplicatePointIDs: "points share an identifier"
        case .signatureMismatch: "changed after signing"
        }
    }
}
