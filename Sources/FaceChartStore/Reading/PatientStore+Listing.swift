import FaceChartCore
import Foundation

extension PatientStore {
    /// Every patient folder, readable or not, by name then id; reads only `patient.json` and folder
    /// listings. A data folder without patients yet lists none.
    public func listPatients() throws(StoreError) -> [PatientSummary] {
        var summaries: [PatientSummary] = []
        for entry in try listFolder("patients") {
            guard let id = RecordID(entry.name) else { continue }
            summaries.append(summary(of: id, kind: entry.kind))
        }
        return summaries.sorted { lhs, rhs in
            switch (lhs.patient, rhs.patient) {
            case let (left?, right?):
                let (a, b) = (left.name.lowercased(), right.name.lowercased())
                return a != b ? a < b : lhs.id < rhs.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return lhs.id < rhs.id
            }
        }
    }

    private func summary(of id: RecordID, kind: FileStatus.Kind?) -> PatientSummary {
        let folder = patientFolder(id)
        do {
            if kind != .directory { try requireFolder(relative: folder) }
            let patient = try loadRecord(Patient.self, at: folder + "/patient.json") { $0.id == id }
            let sessions = try sessionFolder(of: id)
            let last = sessions.files.last
            return PatientSummary(
                id: id, patient: patient, problem: nil, sessionCount: sessions.files.count,
                lastSessionStart: last.flatMap { FileStamp.time(from: $0.name.prefix(16))?.date },
                lastSessionFile: last.map { sessionsFolder(id) + "/" + $0.name }, issues: sessions.issues)
        } catch {
            return PatientSummary(
                id: id, patient: nil, problem: error, sessionCount: 0, lastSessionStart: nil, lastSessionFile: nil)
        }
    }
}
