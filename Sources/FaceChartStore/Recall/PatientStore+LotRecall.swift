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
        var uses: [LotUse] = []
        var problems: [RecordIssue] = []
        for id in try listFolder("patients").compactMap({ RecordID($0.name) }).sorted() {
            let folder = patientFolder(id)
            var name: String?
            do {
                try requireFolder(relative: folder)
                name = try readProjection(PatientNameProjection.self, kind: Patient.kind, at: folder + "/patient.json") {
                    $0.id == id
                }.name
            } catch {
                problems.append(RecordIssue(error))
                if case .notAFolder = error { continue }
            }
            let sessionFiles: [SessionFile]
            do {
                let listing = try sessionFolder(of: id)
                sessionFiles = listing.files
                problems += listing.issues
            } catch {
                problems.append(RecordIssue(error))
                continue
            }
            var kept: [RecordID: String] = [:]
            for file in sessionFiles {
                let relative = sessionsFolder(id) + "/" + file.name
                do throws(StoreError) {
                    if let kind = file.kind, kind != .file {
                        throw .unreadable(file: relative, problem: .notAFile(FileProblem.EntryKind(kind)))
                    }
                    let session = try readProjection(SessionLotProjection.self, kind: Session.kind, at: relative) {
                        $0.id == file.id && $0.patient == id
                    }
                    if let problem = session.problem { throw .unreadable(file: relative, problem: .invalid(problem)) }
                    // A second copy of a session, or a file whose name is not its record's, is never counted.
                    if let issue = identityIssue(of: file, at: relative, startedAt: session.startedAt, kept: &kept) {
                        problems.append(issue)
                        continue
                    }
                    for (vial, units) in session.unitsByVial {
                        uses.append(LotUse(
                            patient: id, patientName: name, session: file.id, startedAt: session.startedAt,
                            product: vial.product, lot: vial.lot.trimmingCharacters(in: .whitespacesAndNewlines),
                            expiry: vial.expiry, units: units, file: relative))
                    }
                } catch {
                    problems.append(RecordIssue(error))
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
