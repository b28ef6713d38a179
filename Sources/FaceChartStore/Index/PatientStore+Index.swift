import FaceChartCore

/// Whether a store has opened its data folder's index.
enum IndexConnection {
    case unopened
    case open(PracticeIndex)
    case failed(SQLiteError)
}

extension PatientStore {
    /// The data folder's derived index (`.index/practice.sqlite`), opened and created on first use (in
    /// memory when the data folder cannot hold it).
    ///
    /// The index answers only after a check against the folders: call `refresh()` (every folder) or
    /// use the lookups below, which check what they return.
    public func practiceIndex() throws(SQLiteError) -> PracticeIndex {
        switch indexConnection {
        case .open(let index): return index
        case .failed(let error): throw error
        case .unopened:
            do {
                let index = try PracticeIndex(store: self)
                indexConnection = .open(index)
                return index
            } catch {
                indexConnection = .failed(error)
                throw error
            }
        }
    }

    /// Applies a save to the index. The index is derived, so a failure here never fails the save: the
    /// patient's stamp then no longer matches its folder and the next check reads it again.
    func updateIndex(_ update: (PracticeIndex) throws(SQLiteError) -> Void) {
        guard let index = try? practiceIndex() else { return }
        try? update(index)
    }

    /// Whether the index holds every patient folder there is (none added or removed since its last
    /// full check).
    func indexKnowsEveryFolder() -> Bool {
        guard let index = try? practiceIndex() else { return false }
        return (try? index.patientFoldersChanged()) == false
    }

    /// Patients whose name is `text` (else starts with it), as the index has them once their folders
    /// have been checked. Only those folders are read, unless patient folders were added or removed
    /// since the last full check (then every folder's status is compared first).
    public func indexedPatients(named text: String) throws(SQLiteError) -> [IndexedPatient] {
        let index = try practiceIndex()
        if try index.patientFoldersChanged() { try index.refresh() }
        let candidates = try index.patients(named: text)
        guard !candidates.isEmpty else { return [] }
        try index.refresh(candidates.map(\.id))
        return try index.patients(named: text)
    }
}
