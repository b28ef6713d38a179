import FaceChartCore
import FaceChartUI
import Foundation

extension SessionSetupScreen {
    /// The form for correcting a draft's header (clinician, indication, first vial), filled with what the
    /// session holds.
    public init(patient: Patient, correcting session: Session, products: [ProductChoice], timeZone: TimeZone) {
        self.init(patient: patient, previous: session, products: products, clinician: session.clinician, timeZone: timeZone)
        previous = nil
        correcting = session
        vial = VialEntry(vial: session.primaryVial, products: products)
        if let mixed = session.primaryVial.reconstitutedAt {
            vial.mixedAt = TextField(Format.dateTime(mixed, timeZone: timeZone), maximumLength: 16)
        }
        message = StatusMessage("Correct what is wrong; Enter saves, and the change list keeps what was replaced.")
    }

    /// The draft with the corrected header, its points kept; the change list records each field.
    mutating func submitCorrection(of old: Session, environment: ScreenEnvironment) -> ScreenResult {
        guard !old.isSigned, !old.isVoided else {
            message = .error(ValidationError.notADraft(old.status.name).message)
            return .none
        }
        guard let header = validatedHeader(environment: environment, day: old.day(in: environment.timeZone)) else {
            return .none
        }
        var corrected = old
        corrected.clinician = header.clinician
        corrected.indication = header.indication
        var opened = header.vial
        opened.id = old.primaryVial.id
        // The form shows the mixing time to the minute: left as shown, the recorded moment stands.
        if let mixed = old.primaryVial.reconstitutedAt,
           vial.mixedAt.text.trimmingCharacters(in: .whitespaces) == Format.dateTime(mixed, timeZone: environment.timeZone) {
            opened.reconstitutedAt = mixed
        }
        corrected.vials[0] = opened
        let changes = ChangeRecorder(by: environment.user, at: environment.timestamp, makeID: environment.makeID)
            .changes(from: old, to: corrected)
        guard !changes.isEmpty else { return ScreenResult(navigation: .back) }
        return ScreenResult(
            effects: [.saveSession(corrected), .recordChanges(changes, patient: old.patient)],
            navigation: .sessionHeaderEdited(corrected))
    }
}
