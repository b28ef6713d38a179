import FaceChartCore
import Foundation

extension PatientStore {
    /// Every session's units per lot across all patients, and every file that could not be used.
    ///
    /// Sessions are read exactly as the patient's own screens read them (`readSessions`): a file that
    /// any view leaves out (damaged, newer, misnamed, a second copy of a session) is listed under
    /// `problems` and never counted, so a recall and a patient's history always agree. Sessions
    /// without points gave nothing and have no rows. Nothing is written.
    public func lotUses() throws(StoreError) -> LotUseReport {
        var uses: [LotUse] = []
        var problems: [RecordIssue] = []
        for id in try listFolder("patients").compactMap({ RecordID($0.name) }).sorted() {
            let folder = patientFolder(id)
            var name: String?
            do {
                try requireFolder(relative: folder)
                name = try loadRecord(Patient.self, at: folder + "/patient.json") { $0.id == id }.name
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
            for session in read.sessions {
                let file = sessionsFolder(id) + "/" + (Self.sessionFileName(startedAt: session.startedAt, id: session.id) ?? "")
                for (vial, units) in Self.unitsByVial(session) {
                    uses.append(LotUse(
                        patient: id, patientName: name, session: session.id, startedAt: session.startedAt,
                        product: vial.product, lot: vial.lot.trimmingCharacters(in: .whitespacesAndNewlines),
                        expiry: vial.expiry, units: units, file: file))
                }
            }
        }
        uses.sort { ($0.startedAt, $0.patient, $0.session) < ($1.startedAt, $1.patient, $1.session) }
        return LotUseReport(uses: uses, problems: problems)
    }

    /// Units per vial (product, lot, expiry), in the order the vials first appear; points without a
    /// product of their own were drawn from the session's vial.
    static func unitsByVial(_ session: Session) -> [(vial: ProductUse, units: Units)] {
        struct Key: Hashable {
            var product: String
            var lot: String
            var expiry: CalendarDate?
        }
        var order: [Key] = []
        var totals: [Key: (vial: ProductUse, units: Units)] = [:]
        for point in session.points {
            let vial = point.product ?? session.product
            let key = Key(product: vial.product, lot: LotUse.normalized(vial.lot), expiry: vial.expiry)
            if let existing = totals[key] {
                totals[key] = (existing.vial, existing.units + point.units)
            } else {
                order.append(key)
                totals[key] = (vial, point.units)
            }
        }
        return order.map { totals[$0]! }
    }
}
