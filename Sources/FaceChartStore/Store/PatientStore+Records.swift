import FaceChartCore
import Foundation
import Glibc

/// Reading and saving any record the store keeps: checked on the way in, written durably on the way out,
/// never over a file that changed since it was read or that could not be read.
extension PatientStore {
    /// Reads and checks the record at `relative`; `belongs` verifies it against its folder or file name.
    func loadRecord<Record: StoredRecord>(
        _ type: Record.Type, at relative: String, belongs: (Record) -> Bool = { _ in true }
    ) throws(StoreError) -> Record {
        let bytes: [UInt8]
        do {
            bytes = try readBytes(relative)
        } catch {
            if case .unreadable = error { unreadable.insert(relative) }
            throw error
        }
        do {
            let record = try codec.decode(type, from: bytes)
            guard belongs(record) else { throw RecordCodec.Failure.problem(.identifierMismatch) }
            fingerprints[relative] = Fingerprint(bytes)
            records[relative] = record
            unreadable.remove(relative)
            return record
        } catch {
            unreadable.insert(relative)
            fingerprints[relative] = nil
            records[relative] = nil
            throw Self.decodingError(error, file: relative)
        }
    }

    /// Reads `relative` with the checks of `loadRecord` but without remembering the file: what is read
    /// here is never saved back.
    func readRecord<Record: StoredRecord>(
        _ type: Record.Type, at relative: String, belongs: (Record) -> Bool
    ) throws(StoreError) -> Record {
        let bytes = try readBytes(relative)
        do {
            let record = try codec.decode(type, from: bytes)
            guard belongs(record) else { throw StoreError.unreadable(file: relative, problem: .identifierMismatch) }
            return record
        } catch {
            throw Self.decodingError(error, file: relative)
        }
    }

    /// The bytes of `relative`; a missing file, something other than a regular file and a failed read
    /// each get their own error.
    func readBytes(_ relative: String) throws(StoreError) -> [UInt8] {
        do throws(FileAccess.ReadFailure) {
            guard let read = try files.read(path(relative)) else { throw .system(Errno(code: ENOENT)) }
            return read
        } catch {
            switch error {
            case .system(let cause) where cause.code == ENOENT: throw .notFound(file: relative)
            case .system(let cause): throw .unreadable(file: relative, problem: .readFailed(errno: cause.code))
            case .notAFile(let kind): throw .unreadable(file: relative, problem: .notAFile(FileProblem.EntryKind(kind)))
            case .tooLarge(let size): throw .unreadable(file: relative, problem: .tooLarge(bytes: size))
            }
        }
    }

    /// A decoding failure of `file` as the store reports it.
    static func decodingError(_ error: any Error, file: String) -> StoreError {
        if let error = error as? StoreError { return error }
        switch error as? RecordCodec.Failure {
        case .newerSchema(let version)?:
            return .newerSchema(file: file, version: version, supported: RecordCodec.schemaVersion)
        case .problem(let problem)?:
            return .unreadable(file: file, problem: problem)
        case nil:
            return .unreadable(file: file, problem: .badField("it could not be decoded"))
        }
    }

    /// Durably replaces `folder/name` with `record`, provided the file on disk is still the version
    /// this store last read or wrote (or is absent and never was). `admit` vets the version on disk.
    func saveRecord<Record: StoredRecord>(
        _ record: Record, folder: String, name: String,
        admit: ((Record) throws(StoreError) -> Void)? = nil
    ) throws(StoreError) {
        let relative = folder + "/" + name
        if unreadable.contains(relative) { throw .refusingToOverwriteUnreadable(file: relative) }
        let bytes = try codec.encode(record)
        let expected = fingerprints[relative]
        do {
            try files.replace(folder: path(folder), name: name, relative: relative, with: bytes) { current throws(StoreError) in
                guard current.map(Fingerprint.init) == expected else { throw .changedByAnotherProgram(file: relative) }
                if let current, let admit {
                    // The fingerprint matched: the file holds the record this store last read or wrote.
                    guard let old = records[relative] as? Record ?? (try? codec.decode(Record.self, from: current)) else {
                        throw .refusingToOverwriteUnreadable(file: relative)
                    }
                    try admit(old)
                }
            }
        } catch {
            if case .notConfirmedOnDisk = error {
                fingerprints[relative] = Fingerprint(bytes)
                records[relative] = record
            }
            throw error
        }
        fingerprints[relative] = Fingerprint(bytes)
        records[relative] = record
    }
}
