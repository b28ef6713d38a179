import ArgumentParser
import FaceChartCore
import FaceChartStore
import FaceChartSync
import Foundation

/// Corrects a patient's record from the command line; what each field held is kept in the change list.
struct EditPatientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit-patient",
        abstract: "Correct a patient's record; the change list keeps what each field held ('facechart log').",
        discussion: "The author of the correction is $FACECHART_USER, else the login name."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    @Option(help: "The corrected name.")
    var name: String?

    @Option(help: ArgumentHelp("The corrected date of birth.", valueName: "YYYY-MM-DD"))
    var born: String?

    @Flag(help: "Remove the date of birth.")
    var clearBorn = false

    @Option(help: "female, male, other or unspecified.")
    var sex: Patient.Sex?

    @Option(name: .customLong("flag"), help: ArgumentHelp("Add a clinical flag; repeat for several.", valueName: "flag"))
    var addFlags: [ClinicalFlag] = []

    @Option(name: .customLong("clear-flag"), help: ArgumentHelp("Remove a clinical flag; repeat for several.", valueName: "flag"))
    var clearFlags: [ClinicalFlag] = []

    @Option(help: "The corrected notes (replacing the old ones).")
    var notes: String?

    func validate() throws {
        if let born {
            guard let date = CalendarDate(born), date <= CalendarDate(Date()) else {
                throw ValidationError("--born '\(born)' is not a past date in the form YYYY-MM-DD.")
            }
            if clearBorn { throw ValidationError("--born and --clear-born cannot both be given.") }
        }
        if let both = Set(addFlags).intersection(clearFlags).first {
            throw ValidationError("--flag \(both.argumentName) and --clear-flag \(both.argumentName) cannot both be given.")
        }
    }

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let found = try PatientLookup.find(patient, in: store)
            let lock = try UserError.fromStore { () throws(StoreError) in try store.lockPatient(found.id) }
            defer { lock.unlock() }
            let old = try UserError.fromStore { () throws(StoreError) in try store.loadPatient(found.id) }
            var corrected = old
            if let name { corrected.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let born { corrected.dateOfBirth = CalendarDate(born) }
            if clearBorn { corrected.dateOfBirth = nil }
            if let sex { corrected.sex = sex }
            corrected.flags.formUnion(addFlags)
            corrected.flags.subtract(clearFlags)
            if let notes { corrected.notes = notes }
            if let problem = corrected.problem { throw UserError(problem.message) }
            let now = Timestamp(Date(), timeZone: .current)
            let changes = ChangeRecorder(by: CurrentUser.clinician(), at: now).changes(from: old, to: corrected)
            guard !changes.isEmpty else {
                print("Nothing to change: the record already says so.")
                return
            }
            corrected.updatedAt = now
            try UserError.fromStore { () throws(StoreError) in
                try store.savePatient(corrected)
                try store.appendChanges(changes, patient: corrected.id)
            }
            HistoryWiring.checkpoint(Checkpoint(.patientEdited, patient: corrected.id), store: store)
            for change in changes { print(ChangeLogLine.text(change, timeZone: .current)) }
        }
    }
}
