import FaceChartCore
import FaceChartUI

/// Corrections on the charting screen: session notes, a point's note, voiding a draft, and the record
/// overlay that lists the signature, addenda, overrides and vials whole. Each correction of a draft's
/// header or notes is saved with what it replaced in the change list.
extension ChartingScreen {
    /// What the correction keys do while charting: the record overlay, the header, notes, voiding.
    mutating func correct(_ action: KeyAction) -> ScreenResult {
        if action == .record {
            mode = .recordInfo(Overlay())
            return .none
        }
        guard isEditableDraft else { return ScreenResult(effects: refuseCorrection()) }
        switch action {
        case .correctHeader: return ScreenResult(navigation: .editSessionHeader(patient, session))
        case .sessionNotes: ask(.sessionNotes, text: session.notes)
        case .pointNote:
            guard let id = selected, let point = session.points.first(where: { $0.id == id }) else {
                message = StatusMessage("Select a point first (Tab), then n writes its note.")
                return .none
            }
            ask(.pointNote(id), text: point.note)
        case .void:
            ask(.void)
            message = .warning("Void this draft? It stays on record, struck out, and counts for nothing.")
        default: break
        }
        return .none
    }

    /// Keys while the record overlay is open; `nil` when it is not.
    mutating func handleCorrectionMode(_ key: Key, environment: ScreenEnvironment) -> ScreenResult? {
        guard case .recordInfo(var overlay) = mode else { return nil }
        let rows = recordRows(environment: environment).count
        mode = overlay.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? .recordInfo(overlay) : .charting
        return ScreenResult()
    }

    /// A correction typed into a prompt: the session's notes, a point's note, or the reason for voiding.
    mutating func submitCorrection(_ text: String, for purpose: PromptPurpose, environment: ScreenEnvironment) -> [Effect] {
        mode = .charting
        var corrected = session
        switch purpose {
        case .sessionNotes:
            corrected.notes = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return correct(to: corrected, saying: "Session notes saved.", environment: environment)
        case .pointNote(let id):
            guard let index = session.points.firstIndex(where: { $0.id == id }) else { return [] }
            corrected.points[index].note = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return correct(to: corrected, saying: "Note saved on point \(index + 1).", environment: environment)
        case .void:
            do {
                let voided = try session.voided(reason: text, by: environment.user, at: environment.timestamp)
                return correct(to: voided, saying: "Voided: kept on record, counted nowhere.", environment: environment)
            } catch {
                message = .error(error.message)
                ask(.void, text: text)
                return []
            }
        default:
            return []
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

    /// Saves the session as it now stands, with change list entries for what changed since `old`.
    func saving(from old: Session, environment: ScreenEnvironment) -> [Effect] {
        let changes = ChangeRecorder(by: environment.user, at: environment.timestamp, makeID: environment.makeID)
            .changes(from: old, to: session)
        return [.saveSession(session)] + (changes.isEmpty ? [] : [.recordChanges(changes, patient: session.patient)])
    }

    /// Saves `corrected` with the change list entries for what it replaced.
    private mutating func correct(to corrected: Session, saying text: String, environment: ScreenEnvironment) -> [Effect] {
        let changes = ChangeRecorder(by: environment.user, at: environment.timestamp, makeID: environment.makeID)
            .changes(from: session, to: corrected)
        guard !changes.isEmpty else {
            message = StatusMessage("Nothing changed.")
            return []
        }
        session = corrected
        message = StatusMessage(text)
        return [.saveSession(corrected), .recordChanges(changes, patient: corrected.patient)]
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
