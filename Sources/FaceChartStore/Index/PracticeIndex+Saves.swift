import FaceChartCore
import Foundation

extension PracticeIndex {
    /// Updates the index after `session` was saved as `file`, from the record in memory: nothing is
    /// read back. The patient is marked racy, so the next check reads the folder once more.
    func recordSaved(_ session: Session, file: String) throws(SQLiteError) {
        try updating(session.patient) { () throws(SQLiteError) in
            let patient = SQLiteValue.text(session.patient.rawValue)
            try database.statement("DELETE FROM lots WHERE patient = ?1 AND session = ?2")
                .bind(patient, .text(session.id.rawValue)).run()
            try insert(SessionFacts(session, file: file), patient: session.patient)
        }
    }

    /// Updates the patient's name and date of birth after `patient.json` was saved.
    func recordSaved(_ patient: Patient) throws(SQLiteError) {
        try updating(patient.id, words: true) { () throws(SQLiteError) in
            try database.statement("UPDATE patients SET name = ?2, birth = ?3 WHERE id = ?1").bind(
                .text(patient.id.rawValue), .text(patient.name), patient.dateOfBirth.map { .int($0.daysSinceEpoch) }
            ).run()
        }
    }

    /// Updates whether the reviewed session's outcome is scored after a review was saved.
    func recordSaved(_ review: Review) throws(SQLiteError) {
        try updating(review.patient) { () throws(SQLiteError) in
            try database.statement("INSERT OR REPLACE INTO reviews(patient, session, done) VALUES (?1, ?2, ?3)")
                .bind(.text(review.patient.rawValue), .text(review.session.rawValue), .bool(review.isDone)).run()
        }
    }

    /// Adds a patient created in this data folder, keeping the stamp of `patients/` when the index knew
    /// every folder before (`foldersKnown`).
    func recordCreated(_ id: RecordID, foldersKnown: Bool) throws(SQLiteError) {
        try refresh([id])
        guard foldersKnown else { return }
        try recovering { () throws(SQLiteError) in
            try setMeta(Self.patientsFolderStampKey, FolderScan.folderStamp(store.path("patients")).map { Int64(bitPattern: $0) })
        }
    }

    /// Applies `change` to the patient's rows and recomputes the patient row in one transaction; a
    /// patient the index does not hold yet is read from its folder instead.
    private func updating(_ id: RecordID, words: Bool = false, _ change: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        try recovering { () throws(SQLiteError) in
            guard var facts = try storedFacts(id) else {
                try refresh([id])
                return
            }
            guard let scan = FolderScan.scan(root: store.root, id: id, system: store.files.system, settle: settleNanoseconds)
            else { return }
            try database.transaction { () throws(SQLiteError) in
                try change()
                facts = try storedFacts(id) ?? facts
                facts.scan = scan
                facts.scan.isRacy = true
                try writePatientRow(facts, words: words)
            }
        }
    }

    /// The facts the index holds for `id` (sessions without their lots), or `nil` when it holds none.
    func storedFacts(_ id: RecordID) throws(SQLiteError) -> PatientFacts? {
        let key = SQLiteValue.text(id.rawValue)
        var facts: PatientFacts?
        try database.statement("SELECT name, birth, stamp, racy FROM patients WHERE id = ?1").bind(key).forEachRow { row in
            facts = PatientFacts(
                id: id, name: row.optionalText(0), dateOfBirth: row.optionalInt64(1).map { CalendarDate(daysSinceEpoch: Int($0)) },
                sessions: [], reviewed: [], reviews: [], problems: [],
                scan: FolderScan(
                    sessionFiles: [], reviewFiles: [], hasTemporaries: false, hasPatientFile: true, isFolder: true,
                    notFolders: [], stamp: UInt64(bitPattern: row.int64(2)), isRacy: row.int64(3) != 0))
        }
        guard var found = facts else { return nil }
        try database.statement("""
            SELECT id, file, started_ms, started_offset, voided, treatment, total, kind, key, concern, product, ingredient
            FROM sessions WHERE patient = ?1
            """).bind(key).forEachRow { row in
                guard let session = RecordID(row.text(0)) else { return }
                found.sessions.append(SessionFacts(
                    id: session, file: row.text(1),
                    startedAt: Timestamp(milliseconds: row.int64(2), utcOffsetSeconds: row.optionalInt64(3).map(Int.init)),
                    isVoided: row.int64(4) != 0, isTreatment: row.int64(5) != 0, total: Units(hundredths: row.int(6)),
                    indication: Self.indication(kind: row.text(7), key: row.text(8), concern: row.text(9)),
                    product: row.text(10), ingredient: row.text(11), lots: []))
            }
        try database.statement("SELECT session, done FROM reviews WHERE patient = ?1").bind(key).forEachRow { row in
            guard let session = RecordID(row.text(0)) else { return }
            found.reviews.insert(session)
            if row.int64(1) != 0 { found.reviewed.insert(session) }
        }
        try database.statement("SELECT file, message FROM problems WHERE patient = ?1 ORDER BY rowid").bind(key).forEachRow { row in
            found.problems.append(IndexedProblem(file: row.text(0), message: row.text(1)))
        }
        return found
    }

    /// An indication as the index keeps it.
    static func indication(kind: String, key: String, concern: String) -> Indication {
        Indication(kind: Indication.Kind(rawValue: kind) ?? .aesthetic, concern: concern, key: key)
    }
}
