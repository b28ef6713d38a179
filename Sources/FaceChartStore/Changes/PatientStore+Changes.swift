import FaceChartCore
import Foundation
import Glibc

extension Change: StoredRecord {
    static var kind: String { "change" }

    static func migrating(from format1: Data, decoder: JSONDecoder) throws -> Change {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "format 1 had no change list"))
    }
}

extension PatientStore {
    /// Adds changes to the patient's change list (`patients/<id>/changes/<time>-<change-id>.json`),
    /// one new file each: nothing already written is ever rewritten.
    public func appendChanges(_ changes: [Change], patient: RecordID) throws(StoreError) {
        guard !changes.isEmpty else { return }
        try requireFolder(relative: patientFolder(patient))
        let folder = changesFolder(patient)
        if (try? files.system.lstat(path(folder))) == nil { try makeFolder(relative: folder) }
        try requireFolder(relative: folder)
        for change in changes {
            guard let stamp = FileStamp.text(for: change.at) else { throw .dateOutOfRange }
            try saveRecord(change, folder: folder, name: "\(stamp)-\(change.id.rawValue).json")
        }
    }

    /// The patient's change list, oldest first, and a problem for each file that cannot be read.
    public func changes(of patient: RecordID) throws(StoreError) -> (changes: [Change], problems: [StoreError]) {
        try requireFolder(relative: patientFolder(patient))
        let folder = changesFolder(patient)
        let entries: [DirectoryEntry]
        do {
            entries = try files.system.listDirectory(path(folder))
        } catch {
            if error.code == ENOENT { return ([], []) }
            throw .systemCall(operation: "listing", file: folder, errno: error.code)
        }
        try requireFolder(relative: folder)
        var changes: [Change] = []
        var problems: [StoreError] = []
        for entry in entries where entry.name.hasSuffix(".json") && !entry.name.hasPrefix(FileAccess.temporaryPrefix) {
            let id = RecordID(String(entry.name.dropFirst(17).dropLast(5)))
            do {
                changes.append(try readRecord(Change.self, at: folder + "/" + entry.name) { $0.id == id })
            } catch {
                problems.append(error)
            }
        }
        changes.sort { ($0.at, $0.id) < ($1.at, $1.id) }
        return (changes, problems)
    }

    func changesFolder(_ id: RecordID) -> String { "patients/\(id.rawValue)/changes" }
}
