import FaceChartCore

/// A store's connection to its data folder's index, and the index updates of saves not yet applied.
final class IndexLink {
    enum Connection {
        case unopened
        case open(PracticeIndex)
        case failed(SQLiteError)
    }

    var connection = Connection.unopened
    /// `nil` while updates are applied at once; else the updates waiting for `applyIndexUpdates()`.
    var pending: [(PracticeIndex) throws(SQLiteError) -> Void]?
}

extension PatientStore {
    /// The data folder's derived index (`.index/practice.sqlite`), opened and created on first use (in
    /// memory when the data folder cannot hold it).
    ///
    /// The index answers only after a check against the folders: call `refresh()` (every folder) or
    /// use the lookups below, which check what they return.
    public func practiceIndex() throws(SQLiteError) -> PracticeIndex {
        switch indexLink.connection {
        case .open(let index): return index
        case .failed(let error): throw error
        case .unopened:
            do {
                let index = try PracticeIndex(store: self)
                indexLink.connection = .open(index)
                return index
            } catch {
                indexLink.connection = .failed(error)
                throw error
            }
        }
    }

    /// Applies a save to the index, or queues it while updates are deferred. The index is derived, so
    /// a failure here never fails the save: the patient's stamp then no longer matches its folder and
    /// the next check reads it again.
    func updateIndex(_ update: @escaping (PracticeIndex) throws(SQLiteError) -> Void) {
        if indexLink.pending != nil {
            indexLink.pending?.append(update)
            return
        }
        guard let index = try? practiceIndex() else { return }
        try? update(index)
    }

    /// Whether saves queue their index updates until `applyIndexUpdates()`, so that the charting
    /// screens can draw a saved change before the index (a derived copy) catches up with it.
    public var defersIndexUpdates: Bool {
        get { indexLink.pending != nil }
        set {
            if newValue, indexLink.pending == nil { indexLink.pending = [] }
            if !newValue { applyIndexUpdates() }
            if !newValue { indexLink.pending = nil }
        }
    }

    /// Applies the index updates saves have queued, in order (each in its own fully synced commit).
    public func applyIndexUpdates() {
        guard let updates = indexLink.pending, !updates.isEmpty else { return }
        indexLink.pending = []
        guard let index = try? practiceIndex() else { return }
        for update in updates { try? update(index) }
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
