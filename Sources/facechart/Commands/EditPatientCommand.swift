import ArgumentParser
import FaceChartCommands
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

    @OptionGroup var patient: PatientOptions

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
            let (store, found) = try patient.find(.charting)
            let changes = try PatientRegistry.correct(found.id, in: store, by: CurrentUser.clinician(), at: Timestamp(Date(), timeZone: .current)) {
                if let name { $0.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
                if let born { $0.dateOfBirth = CalendarDate(born) }
                if clearBorn { $0.dateOfBirth = nil }
                if let sex { $0.sex = sex }
                $0.flags.formUnion(addFlags)
                $0.flags.subtract(clearFlags)
                if let notes { $0.notes = notes }
            }
            if !changes.isEmpty { HistoryWiring.checkpoint(Checkpoint(.patientEdited, patient: found.id), store: store) }
            try PatientRegistry.correctionOutput(changes).emit()
        }
    }
}
