import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Lists the patients in the data folder, from the index once every folder has been checked against it.
struct PatientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patients", abstract: "List the patients.")

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let index = try UserError.fromIndex { () throws(SQLiteError) in try store.practiceIndex() }
            var table = TextTable(["ID", "Name", "Born", "Sessions", "Last visit"], rightAligned: [3])
            var unreadable: [String] = []
            try UserError.fromIndex { () throws(SQLiteError) in
                try index.refresh()
                try index.forEachPatient(order: .name) { patient in
                    guard let name = patient.name else {
                        let problem = (try? index.problems(of: patient.id))?.first?.message ?? "cannot be read"
                        unreadable.append(patient.id.rawValue + "  " + problem)
                        return
                    }
                    table.add([
                        patient.id.rawValue, name, patient.dateOfBirth?.description ?? "-", "\(patient.sessionCount)",
                        patient.lastVisit.map { Format.dateTime($0.date) } ?? "-",
                    ])
                }
            }
            if table.rows.isEmpty, unreadable.isEmpty {
                print("No patients yet. Add one with 'facechart add-patient NAME' or in the charting screens.")
                return
            }
            table.lines.forEach { print($0) }
            unreadable.forEach { print($0) }
        }
    }
}
