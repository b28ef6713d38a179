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
            var table = TextTable(["ID", "Name", "Born", "Sessions", "Last visit"], rightAligned: [3])
            var unreadable: [String] = []
            for summary in summaries {
                guard let patient = summary.patient else {
                    unreadable.append(summary.id.rawValue + "  " + (summary.problem?.message ?? "cannot be read"))
                    continue
                }
                table.add([
                    patient.id.rawValue, patient.name, patient.dateOfBirth?.description ?? "-", "\(summary.sessionCount)",
                    summary.lastSessionStart.map { Format.dateTime($0) } ?? "-",
                ])
            }
            table.lines.forEach { print($0) }
            unreadable.forEach { print($0) }
        }
    }
}
