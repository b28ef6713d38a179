import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartStore
import FaceChartSync
import Foundation
import Glibc

/// Adds a patient from the command line and prints the new id.
struct AddPatientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add-patient", abstract: "Add a patient and print its id.")

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient's name.")
    var name: String

    @Option(help: ArgumentHelp("Date of birth.", valueName: "YYYY-MM-DD"))
    var born: String?

    @Option(help: "female, male, other or unspecified.")
    var sex: Patient.Sex = .unspecified

    @Option(name: .customLong("flag"), help: ArgumentHelp(
        "A clinical flag; repeat for several: \(ClinicalFlag.allCases.map(\.argumentName).joined(separator: ", ")).",
        valueName: "flag"))
    var flags: [ClinicalFlag] = []

    @Option(help: "Free notes.")
    var notes: String = ""

    @Flag(help: "Add the patient even when one with the same name and date of birth exists.")
    var allowDuplicate = false

    func validate() throws {
        if let born {
            guard let date = CalendarDate(born), date <= CalendarDate(Date()) else {
                throw ValidationError("--born '\(born)' is not a past date in the form YYYY-MM-DD.")
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let patient = Patient(
                id: RecordID.random(), name: name.trimmingCharacters(in: .whitespacesAndNewlines),
                dateOfBirth: born.flatMap(CalendarDate.init), sex: sex, flags: Set(flags), notes: notes,
                createdAt: Timestamp(Date(), timeZone: .current))
            let store = try data.openStore()
            try PatientRegistry.add(patient, to: store, allowingDuplicate: allowDuplicate)
            HistoryWiring.checkpoint(Checkpoint(.patientCreated, patient: patient.id), store: store)
            do {
                try FileHandle.standardOutput.write(contentsOf: Data("\(patient.id)\n".utf8))
            } catch {
                throw UserError("The patient was created as \(patient.id), but standard output could not be written.")
            }
        }
    }
}

extension Patient.Sex: ExpressibleByArgument {}

extension ClinicalFlag: ExpressibleByArgument {
    /// The flag as typed on the command line: `site-infection`, `anticoagulants`.
    var argumentName: String {
        rawValue.reduce(into: "") { name, character in
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
    }

    public init?(argument: String) {
        guard let flag = ClinicalFlag.allCases.first(where: { $0.argumentName == argument }) else { return nil }
        self = flag
    }

    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
}
