import FaceChartCore
import FaceChartUI

/// Corrections on the charting screen: session notes, a point's note, voiding a draft, and the record
/// overlay that lists the signature, addenda, overrides and vials whole. Each correction of a draft's
/// header or notes is saved with what it replaced in the change list.
extension ChartingScreen {
    /// What the correction keys do while charting; `nil` for any other key.
    mutating func correctionKey(_ key: Key, environment: ScreenEnvironment) -> Outcome? {
        switch key {
        case .character("i"):
            mode = .recordInfo(Overlay())
        case .character("E"):
            guard isEditableDraft else { return Outcome(effects: refuseCorrection()) }
            return Outcome(navigation: .editSessionHeader(patient, session))
        case .character("N"):
            guard isEditableDraft else { return Outcome(effects: refuseCorrection()) }
            mode = .editingNotes(TextField(session.notes, maximumLength: 2_000))
        case .character("n"):
            guard isEditableDraft else { return Outcome(effects: refuseCorrection()) }
            guard let id = selected, let point = session.points.first(where: { $0.id == id }) else {
                message = StatusMessage("Select a point first (Tab), then n writes its note.")
                return Outcome()
            }
            mode = .editingPointNote(point: id, note: TextField(point.note, maximumLength: 200))
        case .character("V"):
            guard isEditableDraft else { return Outcome(effects: refuseCorrection()) }
            mode = .voiding(TextField(maximumLength: 200))
            message = .warning("Void this draft? It stays on record, struck out, and counts for nothing.")
        default:
            return nil
        }
        return Outcome()
    }

    /// Keys while a correction prompt is open; `nil` when no correction mode is.
    mutating func handleCorrectionMode(_ key: Key, environment: ScreenEnvironment) -> Outcome? {
        switch mode {
        case .recordInfo(var overlay):
            let rows = recordRows(environment: environment).count
            mode = overlay.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? .recordInfo(overlay) : .charting
            return Outcome()
        case .editingNotes(var field):
            guard let done = prompt(&field, key: key) else {
                mode = .editingNotes(field)
                return Outcome()
            }
            guard done else { return Outcome() }
            var corrected = session
            corrected.notes = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return correct(to: corrected, saying: "Session notes saved.", environment: environment)
        case .editingPointNote(let id, var field):
            guard let done = prompt(&field, key: key) else {
                mode = .editingPointNote(point: id, note: field)
                return Outcome()
            }
            guard done, let index = session.points.firstIndex(where: { $0.id == id }) else { return Outcome() }
            var corrected = session
            corrected.points[index].note = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
            return correct(to: corrected, saying: "Note saved on point \(index + 1).", environment: environment)
        case .voiding(var field):
            guard let done = prompt(&field, key: key) else {
                mode = .voiding(field)
                return Outcome()
            }
            guard done else { return Outcome() }
            do {
                let voided = try session.voided(reason: field.text, by: environment.user, at: environment.timestamp)
                return correct(to: voided, saying: "Voided: kept on record, counted nowhere.", environment: environment)
            } catch {
                message = .error(error.message)
                mode = .voiding(field)
                return Outcome()
            }
        default:
            return nil
        }
    }

    /// A draft that can still be corrected (not signed, not voided).
    private var isEditableDraft: Bool { session.status == .draft }

    private mutating func refuseCorrection() -> [Effect] {
        message = .warning(session.isSigned
            ? ValidationError.signedSessionIsReadOnly.message + " (A)"
            : ValidationError.notADraft(session.status.name).message)
        return []
    }

    /// Edits `field` with `key`: `nil` while typing, `true` on Enter, `false` on Esc (mode closed).
    private mutating func prompt(_ field: inout TextField, key: Key) -> Bool? {
        switch key {
        case .escape:
            mode = .charting
            message = StatusMessage("Nothing changed.")
            return false
        case .enter:
            mode = .charting
            return true
        default:
            field.handle(key)
            if let notice = field.limitNotice { message = .warning(notice) }
            return nil
        }
    }

    /// Saves the session as it now stands, with change list entries for what changed since `old`.
    func saving(from old: Session, environment: ScreenEnvironment) -> [Effect] {
        let changes = ChangeRecorder(by: environment.user, at: environment.timestamp, makeID: environment.makeID)
            .changes(from: old, to: session)
        return [.saveSession(session)] + (changes.isEmpty ? [] : [.recordChanges(changes, patient: session.patient)])
    }

    /// Saves `corrected` with the change list entries for what it replaced.
    private mutating func correct(to corrected: Session, saying text: String, environment: ScreenEnvironment) -> Outcome {
        let changes = ChangeRecorder(by: environment.user, at: environment.timestamp, makeID: environment.makeID)
            .changes(from: session, to: corrected)
        guard !changes.isEmpty else {
            message = StatusMessage("Nothing changed.")
            return Outcome()
        }
        session = corrected
        message = StatusMessage(text)
        return Outcome(effects: [.saveSession(corrected), .recordChanges(changes, patient: corrected.patient)])
    }

    /// The lines of the record overlay: status, signature, addenda, voiding, overrides, vials, notes.
    public func recordLines(environment: ScreenEnvironment) -> [(String, String)] {
        let zone = environment.timeZone
        var lines: [(String, String)] = [("Status", session.status.name)]
        lines.append(("Clinician", session.clinician.description))
        lines.append(("Started", Format.dateTime(session.startedAt, timeZone: zone)))
        if let signature = session.signature {
            let intact = session.signatureIsIntact ? "" : " · SIGNATURE BROKEN: changed after signing"
            lines.append(("Signed", "\(signature.signer) \(Format.dateTime(signature.signedAt, timeZone: zone)): "
                + signature.meaning + intact))
        }
        if let voiding = session.voiding {
            lines.append(("Voided", "\(voiding.by) \(Format.dateTime(voiding.at, timeZone: zone)): \(voiding.reason)"))
        }
        for (index, addendum) in session.addenda.enumerated() {
            lines.append(("Addendum \(index + 1)",
                          "\(Format.dateTime(addendum.writtenAt, timeZone: zone)) \(addendum.author): \(addendum.text)"))
        }
        for override in session.overrides {
            let who = override.by.map { " by \($0)" } ?? ""
            lines.append(("Override", "\(override.rule)\(who) \(Format.dateTime(override.at, timeZone: zone)): \(override.reason)"))
        }
        for vial in session.vials {
            let mixed = vial.reconstitutedAt.map { ", mixed \(Format.dateTime($0, timeZone: zone))" } ?? ""
            lines.append(("Vial \(vial.id)", "\(environment.productName(vial.product)) lot \(vial.lot) exp "
                + "\(vial.expiry?.description ?? "-") · \(vial.vialUnits) U in \(Units(hundredths: vial.diluentHundredthsML)) mL\(mixed)"))
        }
        lines.append(("Notes", session.notes.isEmpty ? "-" : session.notes))
        return lines
    }
}
