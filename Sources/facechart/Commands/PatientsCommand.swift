import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Lists the patients in the data folder, from the index once every folder has been checked against
/// it: two passes over the index (one to size the columns, one to print), so no list is held.
struct PatientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patients", abstract: "List the patients.")

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let index = try UserError.fromIndex { () throws(SQLiteError) in try store.practiceIndex() }
            var table = TextTable(["ID", "Name", "Born", "Sessions", "Last visit"], rightAligned: [3])
            var readable = 0
            var unreadable: [String] = []
            try UserError.fromIndex { () throws(SQLiteError) in
                try index.refresh()
                try index.forEachPatient(order: .name) { patient in
                    guard let row = Self.row(patient) else {
                        let problem = (try? index.problems(of: patient.id))?.first?.message ?? "cannot be read"
                        unreadable.append(patient.id.rawValue + "  " + problem)
                        return
                    }
                    table.measure(row)
                    readable += 1
                }
            }
            if readable == 0, unreadable.isEmpty {
                print("No patients yet. Add one with 'facechart add-patient NAME' or in the charting screens.")
                return
            }
            var output = BufferedOutput()
            output.line(table.line(table.headers))
            try UserError.fromIndex { () throws(SQLiteError) in
                try index.forEachPatient(order: .name, limit: readable) { patient in
                    if let row = Self.row(patient) { output.line(table.line(row)) }
                }
            }
            unreadable.forEach { output.line($0) }
            output.flush()
        }
    }

    /// The cells of a readable patient's line; `nil` for a record that cannot be read.
    private static func row(_ patient: IndexedPatient) -> [String]? {
        guard let name = patient.name else { return nil }
        return [
            patient.id.rawValue, name, patient.dateOfBirth?.description ?? "-", "\(patient.sessionCount)",
            patient.lastVisit.map { Format.dateTime($0.date) } ?? "-",
        ]
    }
}

/// Standard output written in large blocks: a long listing is not one system call per line.
struct BufferedOutput {
    private var bytes: [UInt8] = []

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
        if bytes.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
