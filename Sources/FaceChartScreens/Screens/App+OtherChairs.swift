import FaceChartCore
import FaceChartUI

/// What the app does when other chairs change the records: reload what is on screen, and let a person
/// settle records both chairs changed.
extension App {
    /// Records another chair changed (a sync moved the data folder): every screen showing one of
    /// `patients` reads it again, so the screen never shows, or saves over, an old version.
    public mutating func recordsChanged(patients: [RecordID]) {
        let changed = Set(patients)
        var touchedOpen = false
        for index in stack.indices {
            switch stack[index] {
            case .patients:
                if index == stack.count - 1 { reloadList() }
            case .patient(let screen) where changed.contains(screen.patient.id):
                guard let (patient, sessions) = try? repository.open(screen.patient.id) else { continue }
                var reloaded = patientScreen(patient, sessions: sessions)
                reloaded.selection = min(screen.selection, max(0, sessions.count - 1))
                stack[index] = .patient(reloaded)
                touchedOpen = true
            case .charting(var screen) where changed.contains(screen.patient.id):
                guard let (patient, sessions) = try? repository.open(screen.patient.id) else { continue }
                screen.patient = patient
                if let session = sessions.first(where: { $0.id == screen.session.id }) { screen.session = session }
                screen.history = sessions.filter { $0.id != screen.session.id }
                stack[index] = .charting(screen)
                touchedOpen = true
            default:
                break
            }
        }
        if touchedOpen { show(StatusMessage("Updated: another chair changed this patient's records.")) }
    }

    /// Records waiting for a person's choice.
    public mutating func setPendingConflicts(_ items: [ConflictItem]) {
        pendingConflicts = items
    }

    /// Saves a person's answer to a conflict as a new version of the record.
    mutating func settle(_ answer: ConflictAnswer) throws(RepositoryError) {
        try repository.resolve(answer)
        pendingConflicts.removeAll { $0.id == answer.id }
        show(StatusMessage("Saved: the record now holds your choices."))
    }

    /// Draws, at the foot of the patient list and patient screens, the line saying conflicts wait.
    func drawConflictBanner(into canvas: inout Canvas) {
        guard let banner = conflictBanner else { return }
        canvas.fill(Rect(x: 0, y: canvas.height - 1, width: canvas.width, height: 1))
        canvas.put(banner, x: 0, y: canvas.height - 1, style: .warning, limit: canvas.width)
    }

    /// The line shown at the foot of the patient list and patient screens while conflicts wait.
    var conflictBanner: String? {
        guard !pendingConflicts.isEmpty else { return nil }
        switch top {
        case .patients, .patient:
            let count = pendingConflicts.count
            return "Changed on another chair: \(count) record\(count == 1 ? "" : "s"). Press C to choose mine / theirs / edit."
        default:
            return nil
        }
    }

    /// `C` on the patient list or a patient's screen opens the first conflict (that patient's first).
    mutating func openConflict(for event: Event) -> Bool {
        guard event == .key(.character("C")), !pendingConflicts.isEmpty else { return false }
        let item: ConflictItem?
        switch top {
        case .patients(let list) where !list.isFiltering:
            item = pendingConflicts.first
        case .patient(let screen):
            item = pendingConflicts.first { $0.patient == screen.patient.id } ?? pendingConflicts.first
        default:
            return false
        }
        guard let item else { return false }
        push(.conflict(ConflictScreen(item: item)))
        return true
    }
}
