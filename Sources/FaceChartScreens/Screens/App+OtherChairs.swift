import FaceChartCore
import FaceChartUI

/// What the app does when other chairs change the records: reload what is on screen, and let a person
/// settle records both chairs changed.
extension App {
    /// Other programs or chairs changed the data folder, `patients` among them: the list is read again
    /// (now, or when it is back on top) and so are the open patient's records, so that no screen shows, or
    /// saves over, an old version.
    mutating func recordsChangedElsewhere(_ patients: [RecordID]) -> [AppCommand] {
        var commands = listIsOutOfDate()
        if let open = records?.patient.id, patients.contains(open) { commands.append(.reloadPatient(open)) }
        return commands
    }

    /// The open patient's records as another chair left them: every screen of theirs is drawn from them.
    mutating func patientReloaded(_ fresh: PatientRecords) -> [AppCommand] {
        guard records?.patient.id == fresh.patient.id else { return [] }
        records = fresh
        for index in stack.indices {
            switch stack[index] {
            case .patient(let screen):
                var reloaded = patientScreen(fresh)
                reloaded.selection = min(screen.selection, max(0, fresh.sessions.count - 1))
                stack[index] = .patient(reloaded)
            case .charting(var screen):
                screen.patient = fresh.patient
                if let session = fresh.session(screen.session.id) { screen.session = session }
                screen.history = fresh.sessions(otherThan: screen.session.id)
                screen.refreshFindings(environment: environment)
                stack[index] = .charting(screen)
            default:
                break
            }
        }
        // A move aside or a settled conflict has already said what it did.
        if alert == nil { alert = StatusMessage("Updated: another chair changed this patient's records.") }
        return []
    }

    /// A person's answer to a conflict was saved: it waits no more, and the records it changed are read again.
    mutating func settled(_ answer: ConflictAnswer) -> [AppCommand] {
        pendingConflicts.removeAll { $0.id == answer.id }
        alert = StatusMessage("Saved: the record now holds your choices.")
        guard let open = records?.patient.id, answer.patient == open else { return [] }
        return [.reloadPatient(open)]
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
        stack.append(.conflict(ConflictScreen(item: item)))
        return true
    }
}
