import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartSync
import Foundation

/// Joins the charting loop to the history's worker: checkpoints go out, news comes back between keys.
final class SyncLink {
    let worker: SyncWorker
    private let store: PatientStore
    private let repository: StoreRepository
    private var book: ConflictBook { ConflictBook(history: worker.history) }

    /// Starts the worker when there is a history; `nil` (and the screens work as before) when not.
    init?(store: PatientStore, repository: StoreRepository, user: Clinician) {
        guard HistoryWiring.isOn else { return nil }
        self.store = store
        self.repository = repository
        worker = SyncWorker(history: History(root: store.root), driver: HistoryWiring.programPath)
        let worker = worker
        repository.onCheckpoint = { worker.checkpoint($0) }
        repository.resolver = { [unowned self] answer throws(RepositoryError) in
            try ConflictSettling.settle(answer, book: book, store: store, user: user)
        }
        worker.start(seenHead: worker.history.head)
    }

    /// The conflicts waiting at start.
    func pendingItems() -> [ConflictItem] { ConflictSettling.items(book.pending(), book: book) }

    /// Acts on the worker's news: moves the data folder when a sync is ready (between two keys, so no
    /// save runs meanwhile) and reloads what the screens show.
    func handle(_ notices: [SyncWorker.Notice], app: inout App) {
        for notice in notices {
            switch notice {
            case .applyReady(let plan):
                var applied = false
                do {
                    applied = try worker.sync.apply(plan) { (id: RecordID) throws(StoreError) -> PatientLock? in
                        try repository.lockForSync(id)
                    }
                } catch {
                    app.show(.warning("Not synced yet: \(error.message)"))
                }
                worker.answer(applied: applied)
                if applied, !plan.patients.isEmpty { app.recordsChanged(patients: plan.patients) }
            case .conflicts:
                app.setPendingConflicts(pendingItems())
                app.show(.warning("A record was changed here and on another chair: press C on the patient list to choose."))
            case .keptAside(let paths, let branch):
                app.show(.warning("Changed on another chair too, kept whole (a signed version is never mixed): \(paths.joined(separator: ", ")); "
                    + "this chair's version is on branch \(branch)."))
            case .problem(let message):
                app.show(.warning("Not synced (charting goes on; it syncs later): \(message)"))
            case .unavailable(let message):
                app.show(.warning("No history: \(message)"))
            case .changedElsewhere(let patients):
                app.recordsChanged(patients: patients)
            case .recovered:
                app.show(StatusMessage("Synced with the practice again."))
            }
        }
    }

    /// Commits what is left and stops the worker.
    func stop() { worker.stop() }
}
