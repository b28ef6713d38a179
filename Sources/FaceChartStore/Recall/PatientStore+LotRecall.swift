import FaceChartCore
import Foundation

extension PatientStore {
    /// Every session's units per vial across all patients, and every file that could not be used.
    ///
    /// Sessions are read exactly as the patient's own screens read them (`readSessions`: strict JSON,
    /// version, checksum, kind, ids against the file and folder names, the model's rules): a file that
    /// any view leaves out (damaged, newer, changed outside FaceChart, misnamed, a second copy of a
    /// session) is listed under `problems` and never counted, so a recall and a patient's history
    /// always agree. Voided sessions gave nothing and have no rows, nor do sessions without points.
    /// Nothing is written.
    public func lotUses() throws(StoreError) -> LotUseReport {
        var uses: [LotUse] = []
        var problems: [RecordIssue] = []
        for id in try listFolder("patients").compactMap({ RecordID($0.name) }).sorted() {
            let folder = patientFolder(id)
            var name: String?
            do {
                try requireFolder(relative: folder)
                name = try readRecord(Patient.self, at: folder + "/patient.json") { $0.id == id }.name
            } catch {
                problems.append(RecordIssue(error))
                if case .notAFolder = error { continue }
            }
            let read: (sessions: [Session], issues: [RecordIssue])
            do {
                read = try readSessions(of: id)
            } catch {
                problems.append(RecordIssue(error))
                continue
            }
            problems += read.issues.filter(\.isLeftOut)
            for session in read.sessions where !session.isVoided {
                let file = sessionsFolder(id) + "/" + (Self.sessionFileName(startedAt: session.startedAt, id: session.id) ?? "")
                for (vial, units) in Self.unitsByVial(session) {
                    uses.append(LotUse(
                        patient: id, patientName: name, session: session.id, startedAt: session.startedAt.date,
                        product: vial.product, lot: vial.lot.trimmingCharacters(in: .whitespacesAndNewlines),
                        expiry: vial.expiry, units: units, file: file))
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
}
