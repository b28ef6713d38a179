import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartSync
import Foundation

/// Turns pending conflicts into what the conflict screen shows, and a person's answer into a new
/// version of the record, saved through the store, with a change-list entry per field.
enum ConflictSettling {
    static func items(_ conflicts: [PendingConflict], book: ConflictBook) -> [ConflictItem] {
        conflicts.compactMap { conflict in
            guard let detail = try? book.detail(of: conflict), !detail.conflicts.isEmpty else { return nil }
            let id = conflict.path.split(separator: "/").last.map { String($0.dropLast(5)) } ?? conflict.path
            let label = conflict.kind == "patient" ? "patient record" : "\(conflict.kind) \(id)"
            return ConflictItem(
                id: conflict.id, patient: conflict.patient, record: label,
                fields: detail.conflicts.map { field in
                    ConflictItem.Field(
                        name: field.field, mine: field.mine?.displayText ?? "(none)", theirs: field.theirs?.displayText ?? "(none)")
                })
        }
    }

    static func settle(_ answer: ConflictAnswer, book: ConflictBook, store: PatientStore, user: Clinician) throws(RepositoryError) {
        guard let conflict = book.pending().first(where: { $0.id == answer.id }) else {
            throw RepositoryError("This conflict was already settled.")
        }
        do {
            let detail = try book.detail(of: conflict)
            var choices: [String: JSONValue] = [:]
            for field in detail.conflicts {
                switch answer.choices[field.field] {
                case .mine?: choices[field.field] = field.mine ?? .null
                case .theirs?, nil: choices[field.field] = field.theirs ?? .null
                case .edited(let text)?:
                    if field.mine?.stringValue != nil || field.theirs?.stringValue != nil {
                        choices[field.field] = .string(text)
                    } else {
                        guard let value = try? JSONParser.parse(Array(text.utf8)) else {
                            throw RepositoryError("\(field.field): '\(text)' is not a value of this field; nothing was changed.")
                        }
                        choices[field.field] = value
                    }
                }
            }
            let current = try currentRecord(conflict, store: store)
            let resolved = book.resolved(detail, choices: choices, current: current)
            let record = try RecordFiles.decode(try RecordFiles.encode(kind: conflict.kind, record: resolved), kind: conflict.kind)
            switch record {
            case .patient(let patient): try store.savePatient(patient)
            case .session(let session): try store.saveSession(session)
            case .review(let review): try store.saveReview(review)
            default: throw RepositoryError("\(conflict.path) is not a record a person settles.")
            }
            if let patient = conflict.patient {
                let subject = Change.Subject(kind: conflict.kind, id: RecordID(conflictRecordID(conflict)) ?? patient)
                let recorder = ChangeRecorder(by: user, at: Timestamp(Date(), timeZone: .current))
                let changes = detail.conflicts.compactMap { field in
                    recorder.change(subject, field.field, from: field.theirs?.displayText, to: choices[field.field]?.displayText,
                                    reason: "changed on another chair too; chosen here")
                }
                try store.appendChanges(changes, patient: patient)
            }
            book.remove(conflict)
        } catch let error as RepositoryError {
            throw error
        } catch let error as StoreError {
            throw RepositoryError(error.message)
        } catch let error as FileProblem {
            throw RepositoryError("The settled record is not valid: \(error.message). Nothing was changed.")
        } catch let error as SyncError {
            throw RepositoryError(error.message)
        } catch {
            throw RepositoryError("The record could not be settled.")
        }
    }

    /// The record as the store reads it now (which also lets the store save over it).
    private static func currentRecord(_ conflict: PendingConflict, store: PatientStore) throws -> JSONValue {
        guard let patient = conflict.patient else { throw RepositoryError("\(conflict.path) belongs to no patient.") }
        let record: RecordFiles.Record
        switch conflict.kind {
        case "patient": record = .patient(try store.loadPatient(patient))
        case "session":
            guard let id = RecordID(conflictRecordID(conflict)) else { throw RepositoryError("\(conflict.path) names no session.") }
            record = .session(try store.loadSession(patient: patient, session: id))
        case "review":
            guard let review = try store.reviews(of: patient).first(where: { $0.session.rawValue == conflictRecordID(conflict) }) else {
                throw RepositoryError("\(conflict.path) cannot be found.")
            }
            record = .review(review)
        default: throw RepositoryError("\(conflict.path) is not a record a person settles.")
        }
        return try RecordFiles.recordValue(try RecordFiles.encode(record), kind: conflict.kind)
    }

    /// The record's id from its file name: `patient.json` -> patient folder, `<stamp>-<id>.json` -> id,
    /// `<session>.json` -> session.
    private static func conflictRecordID(_ conflict: PendingConflict) -> String {
        let name = String(conflict.path.split(separator: "/").last?.dropLast(5) ?? "")
        switch conflict.kind {
        case "patient": return conflict.patient?.rawValue ?? name
        case "session": return String(name.dropFirst(17))
        default: return name
        }
    }
}
