import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import Foundation

/// Lists the patients in the data folder.
struct PatientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "patients", abstract: "List the patients.")

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let index = try UserError.fromIndex { () throws(SQLiteError) in try store.practiceIndex() }
            try UserError.fromIndex { () throws(SQLiteError) in try index.refresh() }
            try printFromIndex(index)
        }
    }

    private static let header = Format.pad("ID", 14) + Format.pad("Name", 30) + Format.pad("Born", 12)
        + Format.padLeft("Sessions", 8) + "  Last visit"
    private static let empty = "No patients yet. Add one with 'facechart add-patient NAME' or in the charting screens."

    private static func line(id: RecordID, name: String, born: CalendarDate?, sessions: Int, lastVisit: Date?) -> String {
        Format.pad(id.rawValue, 14) + Format.pad(name, 30) + Format.pad(born?.description ?? "-", 12)
            + Format.padLeft("\(sessions)", 8) + "  " + (lastVisit.map { Format.dateTime($0) } ?? "-")
    }

    /// Streams the list from the index once every folder has been checked against it.
    private func printFromIndex(_ index: PracticeIndex) throws(UserError) {
        var output = BufferedOutput()
        var any = false
        do {
            try index.forEachPatient(order: .name) { patient in
                if !any { output.line(Self.header) }
                any = true
                guard let name = patient.name else {
                    let problem = (try? index.problems(of: patient.id))?.first?.message ?? "cannot be read"
                    output.line(Format.pad(patient.id.rawValue, 14) + problem)
                    return
                }
                output.line(Self.line(
                    id: patient.id, name: name, born: patient.dateOfBirth, sessions: patient.sessionCount,
                    lastVisit: patient.lastVisit?.date))
            }
        } catch {
            throw UserError(error.message)
        }
        if !any { output.line(Self.empty) }
        output.flush()
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
