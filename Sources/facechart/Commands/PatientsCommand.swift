import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Lists the patients in the data folder.
struct PatientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patients", abstract: "List the patients.")

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let summaries = try UserError.fromStore { () throws(StoreError) in try store.listPatients() }
            if summaries.isEmpty {
                print("No patients yet. Add one with 'facechart add-patient NAME' or in the charting screens.")
                return
            }
            print(Format.pad("ID", 14) + Format.pad("Name", 30) + Format.pad("Born", 12) + Format.padLeft("Sessions", 8) + "  Last visit")
            for summary in summaries {
                guard let patient = summary.patient else {
                    print(Format.pad(summary.id.rawValue, 14) + (summary.problem?.message ?? "cannot be read"))
                    continue
                }
                let last = summary.lastSessionStart.map { Format.dateTime($0) } ?? "-"
                print(Format.pad(patient.id.rawValue, 14) + Format.pad(patient.name, 30)
                    + Format.pad(patient.dateOfBirth?.description ?? "-", 12) + Format.padLeft("\(summary.sessionCount)", 8)
                    + "  " + last)
            }
        }
    }
}
