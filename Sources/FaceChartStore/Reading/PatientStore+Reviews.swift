import FaceChartCore
import Glibc

extension PatientStore {
    /// The reviews of the patient's treatments (`patients/<id>/reviews/<session-id>.json`) that review a
    /// session with a file, and an issue for every other file in `reviews/`. Throws only when the
    /// patient's folder is unusable.
    public func readReviews(of patient: RecordID) throws(StoreError) -> (reviews: [Review], issues: [RecordIssue]) {
        let sessionIDs = Set(try sessionFolder(of: patient).files.map(\.id))
        return try readReviews(of: patient, sessionsWithFiles: sessionIDs)
    }

    /// Every readable review of the patient's treatments; `readReviews` also says what was left out.
    public func reviews(of patient: RecordID) throws(StoreError) -> [Review] {
        try readReviews(of: patient).reviews
    }

    func readReviews(
        of patient: RecordID, sessionsWithFiles: Set<RecordID>
    ) throws(StoreError) -> (reviews: [Review], issues: [RecordIssue]) {
        let folder = reviewsFolder(patient)
        let entries: [DirectoryEntry]
        switch try recordsFolder(folder, of: patient) {
        case .success(let listed): entries = listed
        case .failure(let error): return ([], [RecordIssue(error)])
        }
        var reviews: [Review] = []
        var issues: [RecordIssue] = []
        for entry in entries {
            let relative = folder + "/" + entry.name
            guard entry.name.hasSuffix(".json"), let session = RecordID(String(entry.name.dropLast(5))) else {
                issues.append(RecordIssue(file: relative, problem: .unexpectedName))
                continue
            }
            do throws(StoreError) {
                try requireRegularFile(entry.kind, at: relative)
                let review = try loadRecord(Review.self, at: relative) { $0.patient == patient && $0.session == session }
                guard sessionsWithFiles.contains(session) else {
                    unreadable.insert(relative)
                    issues.append(RecordIssue(file: relative, problem: .reviewOfMissingSession(session)))
                    continue
                }
                reviews.append(review)
            } catch {
                issues.append(RecordIssue(error))
            }
        }
        return (reviews, issues)
    }

    /// Saves the review of one treatment, creating the reviews folder on first use.
    public func saveReview(_ review: Review) throws(StoreError) {
        try requireFolder(relative: patientFolder(review.patient))
        let folder = reviewsFolder(review.patient)
        try makeFolder(relative: folder)
        try requireFolder(relative: folder)
        try saveRecord(review, folder: folder, name: "\(review.session.rawValue).json")
        updateIndex { index throws(SQLiteError) in try index.recordSaved(review) }
    }

    /// The patient and everything of theirs that can be read, with an issue for each file left out
    /// or flagged. Throws only when the patient's own record or folder cannot be used.
    public func readRecords(of patient: RecordID) throws(StoreError) -> PatientRecords {
        let record = try loadPatient(patient)
        let folder = try sessionFolder(of: patient)
        let (sessions, sessionIssues) = readSessions(of: patient, in: folder)
        let withFiles = Set(folder.files.map(\.id))
        var (reviews, reviewIssues) = try readReviews(of: patient, sessionsWithFiles: withFiles)
        // A review of a session whose file was left out goes with it; that file is named already.
        let shown = Set(sessions.map(\.id))
        reviews.removeAll { !shown.contains($0.session) }
        return PatientRecords(patient: record, sessions: sessions, reviews: reviews, issues: sessionIssues + reviewIssues)
    }
}
