import Dispatch
import FaceChartCore
import Foundation
import Glibc

/// What a check of the index against the folders found and did.
public struct IndexRefresh: Equatable, Sendable {
    /// Patient folders whose status was compared with the index.
    public var checked = 0
    /// Folders read again because they were new, changed, or changed too recently to trust.
    public var read = 0
    /// Patients removed from the index because their folder is gone.
    public var removed = 0
}

extension PracticeIndex {
    static let patientsFolderStampKey = "patients-folder-stamp"
    /// Folders handed to the readers at a time: the facts of one batch are all that is held in memory.
    static let batchSize = 2048

    /// Brings the index up to date with every patient folder: compares each folder's status with its
    /// stamp (in parallel), reads again only the folders that are new, changed or racy (in parallel),
    /// and removes patients whose folder is gone. From nothing, this is a full rebuild.
    @discardableResult
    public func refresh() throws(SQLiteError) -> IndexRefresh {
        try recovering { () throws(SQLiteError) in try refreshAll() }
    }

    private func refreshAll() throws(SQLiteError) -> IndexRefresh {
        let folderStamp = FolderScan.folderStamp(store.path("patients")).map { Int64(bitPattern: $0) }
        var known: [String: (stamp: UInt64, racy: Bool)] = [:]
        try database.statement("SELECT id, stamp, racy FROM patients").forEachRow { row in
            known[row.text(0)] = (UInt64(bitPattern: row.int64(1)), row.int64(2) != 0)
        }
        let entries = (try? store.files.system.listDirectory(store.path("patients"))) ?? []
        store.removeAbandonedCreations(in: entries)
        let ids = entries.compactMap { RecordID($0.name) }
        var summary = IndexRefresh()
        summary.checked = ids.count
        // One transaction per batch that changed anything: a save in another window never waits long.
        try writingDerivedRows { () throws(SQLiteError) in
            var start = 0
            while start < ids.count {
                let batch = Array(ids[start..<min(ids.count, start + Self.batchSize)])
                start += batch.count
                let results = readChanged(batch, known: known)
                for id in batch { known.removeValue(forKey: id.rawValue) }
                let read = results.compactMap { result -> PatientFacts? in
                    if case .read(let facts) = result { facts } else { nil }
                }
                guard !read.isEmpty else { continue }
                try database.transaction { () throws(SQLiteError) in
                    for facts in read { try write(facts) }
                }
                summary.read += read.count
            }
            let gone = known.keys.compactMap(RecordID.init)
            let stampChanged = try meta(Self.patientsFolderStampKey) != folderStamp
            guard !gone.isEmpty || stampChanged else { return }
            try database.transaction { () throws(SQLiteError) in
                for id in gone { try delete(id) }
                try setMeta(Self.patientsFolderStampKey, folderStamp)
            }
            summary.removed = gone.count
        }
        return summary
    }

    /// Runs `body` with commits that are not synced: rows a check derives can always be derived again,
    /// so a check writes nothing to the disk's cache flush (saves still commit with a full sync).
    func writingDerivedRows<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try database.execute("PRAGMA synchronous=NORMAL")
        defer { try? database.execute("PRAGMA synchronous=FULL") }
        return try body()
    }

    /// Brings the rows of `ids` up to date (new, changed or gone), reading only their folders.
    func refresh(_ ids: [RecordID]) throws(SQLiteError) {
        try recovering { () throws(SQLiteError) in
            var known: [String: (stamp: UInt64, racy: Bool)] = [:]
            for id in ids {
                let query = try database.statement("SELECT stamp, racy FROM patients WHERE id = ?1").bind(.text(id.rawValue))
                try query.forEachRow { row in known[id.rawValue] = (UInt64(bitPattern: row.int64(0)), row.int64(1) != 0) }
            }
            let results = readChanged(ids, known: known)
            guard results.contains(where: { if case .unchanged = $0 { false } else { true } }) else { return }
            try writingDerivedRows { () throws(SQLiteError) in try database.transaction { () throws(SQLiteError) in
                for (id, result) in zip(ids, results) {
                    switch result {
                    case .unchanged: break
                    case .gone: try delete(id)
                    case .read(let facts): try write(facts)
                    }
                }
            } }
        }
    }

    /// Whether patient folders were added or removed since the last full refresh.
    func patientFoldersChanged() throws(SQLiteError) -> Bool {
        let current = FolderScan.folderStamp(store.path("patients")).map { Int64(bitPattern: $0) }
        return try meta(Self.patientsFolderStampKey) != current || current == nil
    }

    enum ReadResult: Sendable {
        case unchanged
        case gone
        case read(PatientFacts)
    }

    /// Scans each folder and reads those whose stamp differs from `known` (or is racy), on every core.
    private func readChanged(_ ids: [RecordID], known: [String: (stamp: UInt64, racy: Bool)]) -> [ReadResult] {
        let parallel = store.files.system is SystemFileCalls
        let workers = parallel ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
        let slices = parallel ? min(ids.count, workers * 4) : 1
        let readers = Sendable1(Array((0..<max(1, slices)).map { _ in PatientStore(readerOf: store) }))
        let output = ResultSlots(count: ids.count)
        let settle = settleNanoseconds
        let perSlice = (ids.count + max(1, slices) - 1) / max(1, slices)
        DispatchQueue.concurrentPerform(iterations: max(1, slices)) { slice in
            let reader = readers.value[slice]
            // The last slices may have nothing left: ten folders in slices of two leave three slices empty.
            let range = min(ids.count, slice * perSlice)..<min(ids.count, (slice + 1) * perSlice)
            guard !range.isEmpty else { return }
            for index in range {
                output.set(index, Self.readIfChanged(ids[index], known: known[ids[index].rawValue], reader: reader, settle: settle))
            }
        }
        return output.values
    }

    private static func readIfChanged(
        _ id: RecordID, known: (stamp: UInt64, racy: Bool)?, reader: PatientStore, settle: Int64
    ) -> ReadResult {
        guard var scan = FolderScan.scan(root: reader.root, id: id, system: reader.files.system, settle: settle) else {
            return .gone
        }
        if let known, !known.racy, known.stamp == scan.stamp { return .unchanged }
        if scan.isFolder, scan.hasTemporaries || !scan.hasPatientFile || hasTemporaries(reader, id) {
            reader.tidyPatientFolder(id)
            guard let again = FolderScan.scan(root: reader.root, id: id, system: reader.files.system, settle: settle) else {
                return .gone
            }
            scan = again
        }
        guard let facts = reader.readFacts(of: id, scan: scan) else { return .gone }
        return .read(facts)
    }

    private static func hasTemporaries(_ reader: PatientStore, _ id: RecordID) -> Bool {
        let entries = (try? reader.files.system.listDirectory(reader.path(reader.patientFolder(id)))) ?? []
        return entries.contains { $0.name.hasPrefix(FileAccess.temporaryPrefix) }
    }
}

/// A value handed to the worker threads of one `concurrentPerform`, each using its own element.
private struct Sendable1<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One result slot per folder; each slot is written by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    private var storage: [PracticeIndex.ReadResult]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: .unchanged, count: count) }

    func set(_ index: Int, _ value: PracticeIndex.ReadResult) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [PracticeIndex.ReadResult] { storage }
}
