import FaceChartCore
import FaceChartUI
import Foundation

/// Something that happened, as the app learns of it: input at the terminal, the clock, or the result of
/// a command the loop ran. `App.update` takes these one at a time.
public enum AppEvent: Equatable, Sendable {
    /// The program started; it opens on `opening`.
    case launched(App.Opening)
    /// A key, click, paste or resize at the terminal.
    case input(Event)
    /// The time now, read by the loop before it hands over input.
    case clockRead(Date)
    /// Some rows of the patient list were read.
    case listPageRead(PatientListPage)
    case listPageNotRead(RepositoryError)
    /// Someone on record of a new patient's name and date of birth was looked for: `twin` when found.
    case twinLookedFor(Patient, twin: Patient?)
    /// The index is being checked against every patient folder (another program may have changed them).
    case indexCheckStarted
    /// The check is done; `problem` when it failed.
    case indexCheckFinished(problem: String?)
    /// A patient was opened (and locked) with all their records.
    case patientOpened(PatientRecords, then: App.AfterOpening)
    case patientNotOpened(RepositoryError)
    /// The chair's open vials were read.
    case chairVialsRead(ChairVials)
    case chairVialsNotRead(RepositoryError)
    /// Files of the patient were moved aside (`moved` of them), or `failure` stopped the move.
    case filesMovedAside(patient: RecordID, moved: Int, failure: RepositoryError?)
    /// Saves ran: what was saved, in order, and what stopped them, if anything did.
    case saveFinished(SaveReport)
    /// A sync brought these patients' records as another chair left them.
    case recordsChangedElsewhere([RecordID])
    /// The open patient's records were read again.
    case patientReloaded(PatientRecords)
    /// Records changed in the same field here and on another chair wait for a person.
    case conflictsWaiting([ConflictItem])
    /// Something to tell the person at the keyboard (a sync that failed, say).
    case noticeArrived(StatusMessage)
}

/// What came of a `save` command.
public struct SaveReport: Equatable, Sendable {
    /// The effects saved, in order.
    public var saved: [Effect]
    /// The failure that stopped the rest; `nil` when everything was saved.
    public var failure: RepositoryError?
    /// Where the screen asked to go once everything was saved.
    public var then: Navigation?
    /// The chair's open vials, when a vial was added to them.
    public var chairVials: ChairVials?
    /// Why an opened vial could not be kept for the day (the session itself was saved).
    public var vialNotKept: RepositoryError?

    public init(
        saved: [Effect], failure: RepositoryError? = nil, then: Navigation? = nil, chairVials: ChairVials? = nil,
        vialNotKept: RepositoryError? = nil
    ) {
        self.saved = saved
        self.failure = failure
        self.then = then
        self.chairVials = chairVials
        self.vialNotKept = vialNotKept
    }
}
