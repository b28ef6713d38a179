import FaceChartCore
import Foundation
import Glibc

extension PatientStore {
    /// Every session's units per vial across all patients, and every file that could not be read.
    ///
    /// Each file gets the checks of a full load (strict JSON, version, checksum, kind, ids against the
    /// file and folder names, the model's rules). Voided sessions gave nothing and have no rows, nor do
    /// sessions without points. Nothing is written and no file's state in this store changes.
    public func lotUses() throws(StoreError) -> LotUseReport {
        let entries: [DirectoryEntry]
        do {
            entries = try files.system.listDirectory(path("patients"))
        } catch {
            throw .systemCall(operation: "listing", file: "patients", errno: error.code)
        }
        var uses: [LotUse] = []
        var problems: [StoreError] = []
        for id in entries.compactMap({ RecordID($0.name) }).sorted() {
            let folder = patientFolder(id)
            var name: String?
            do {
                try requireFolder(relative: folder)
                name = try readRecord(Patient.self, at: folder + "/patient.json") { $0.id == id }.name
            } catch {
                problems.append(error)
                if case .notAFolder = error { continue }
            }
            let sessionNames: [(name: String, id: RecordID)]
            do {
                sessionNames = try sessionFiles(of: id)
            } catch {
                problems.append(error)
                continue
            }
            for (fileName, sessionID) in sessionNames {
                let relative = sessionsFolder(id) + "/" + fileName
                do {
                    let session = try readRecord(Session.self, at: relative) { $0.id == sessionID && $0.patient == id }
                    guard !session.isVoided else { continue }
                    for (vial, units) in Self.unitsByVial(session) {
                        uses.append(LotUse(
                            patient: id, patientName: name, session: sessionID, startedAt: session.startedAt.date,
                            product: vial.product, lot: vial.lot.trimmingCharacters(in: .whitespacesAndNewlines),
                            expiry: vial.expiry, units: units, file: relative))
                    }
                } catch {
                    problems.append(error)
                }
            }
        }
        uses.sort { ($0.startedAt, $0.patient, $0.session) < ($1.startedAt, $1.patient, $1.session) }
        return LotUseReport(uses: uses, problems: problems)
    }

    /// Units per batch (product, lot as compared, expiry), in the session's vial order; two vials of one
    /// batch give one row, and vials no point drew from give none.
    static func unitsByVial(_ session: Session) -> [(vial: Vial, units: Units)] {
        struct Batch: Hashable {
            var product: String
            var lot: String
            var expiry: CalendarDate?
        }
        var order: [Batch] = []
        var totals: [Batch: (vial: Vial, units: Units)] = [:]
        for vial in session.vials {
            let drawn = session.points.filter { $0.vial == vial.id }.map(\.units).total()
            guard drawn > .zero else { continue }
            let batch = Batch(product: vial.product, lot: LotUse.normalized(vial.lot), expiry: vial.expiry)
            if let existing = totals[batch] {
                totals[batch] = (existing.vial, existing.units + drawn)
            } else {
                order.append(batch)
                totals[batch] = (vial, drawn)
            }
        }
        return order.map { totals[$0]! }
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
}
