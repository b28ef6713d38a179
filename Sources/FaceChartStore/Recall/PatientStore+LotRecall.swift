import FaceChartCore
import Foundation
import Glibc

extension PatientStore {
    /// Every session's units per lot across all patients, and every file that could not be read.
    ///
    /// Reads only the fields recall needs, with the same checks as a full load: strict JSON (no
    /// duplicate keys), schema version (newer files are refused and listed), kind, the ids against the
    /// file and folder names, and dose limits. Sessions without points gave nothing and have no rows.
    /// Nothing is written and no file's state in this store changes.
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
                name = try readProjection(PatientNameProjection.self, kind: Patient.kind, at: folder + "/patient.json") {
                    $0.id == id
                }.name
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
                do throws(StoreError) {
                    let session = try readProjection(SessionLotProjection.self, kind: Session.kind, at: relative) {
                        $0.id == sessionID && $0.patient == id
                    }
                    if let problem = session.problem { throw .unreadable(file: relative, problem: .invalid(problem)) }
                    for (vial, units) in session.unitsByVial {
                        uses.append(LotUse(
                            patient: id, patientName: name, session: sessionID, startedAt: session.startedAt,
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

    /// Reads `relative` as a projection of a record of `kind`, with the checks of `loadRecord` but
    /// without remembering the file: projections are never saved back.
    func readProjection<Projection: Decodable>(
        _ type: Projection.Type, kind: String, at relative: String, belongs: (Projection) -> Bool
    ) throws(StoreError) -> Projection {
        let bytes = try readBytes(relative)
        do {
            let record = try codec.decodeEnvelope(Projection.self, kind: kind, from: bytes)
            guard belongs(record) else { throw StoreError.unreadable(file: relative, problem: .identifierMismatch) }
            return record
        } catch {
            throw Self.decodingError(error, file: relative)
        }
    }
}
