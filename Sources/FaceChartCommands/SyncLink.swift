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
    /// save runs meanwhile); returns what the app must hear of it (records to read again, conflicts, notices).
    func handle(_ notices: [SyncWorker.Notice]) -> [AppEvent] {
        var events: [AppEvent] = []
        for notice in notices {
            switch notice {
            case .applyReady(let plan):
                var applied = false
                do {
                    applied = try worker.sync.apply(plan) { (id: RecordID) throws(StoreError) -> PatientLock? in
                        try repository.lockForSync(id)
                    }
                } catch {
                    events.append(.noticeArrived(.warning("Not synced yet: \(error.message)")))
                }
                worker.answer(applied: applied)
                if applied, !plan.patients.isEmpty { events.append(.recordsChangedElsewhere(plan.patients)) }
            case .conflicts:
                events.append(.conflictsWaiting(pendingItems()))
                events.append(.noticeArrived(.warning("A record was changed here and on another chair: press C on the patient list to choose.")))
            case .keptAside(let paths, let branch):
                events.append(.noticeArrived(.warning(
                    "Changed on another chair too, kept whole (a signed version is never mixed): \(paths.joined(separator: ", ")); "
                        + "this chair's version is on branch \(branch).")))
            case .problem(let message):
                events.append(.noticeArrived(.warning("Not synced (charting goes on; it syncs later): \(message)")))
            case .unavailable(let message):
                events.append(.noticeArrived(.warning("No history: \(message)")))
            case .changedElsewhere(let patients):
                events.append(.recordsChangedElsewhere(patients))
            case .recovered:
                events.append(.noticeArrived(StatusMessage("Synced with the practice again.")))
            }
        }
        return events
    }

    /// Commits what is left and stops the worker.
    func stop() { worker.stop() }
}
