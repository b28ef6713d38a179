import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Lists the patients in the data folder, from the index once every folder has been checked against
/// it: two passes over the index (one to size the columns, one to print), so no list is held.
struct PatientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patients", abstract: "List the patients, with any of their files that cannot be used.",
        discussion: "Every record is read and checked, so that a damaged file or a signature that no longer "
            + "matches shows here; the files are named on standard error.")

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingErrors {
            let store = try data.openStore(.viewing)
            var output = BufferedOutput()
            try PatientRegistry.listing(in: store, emit: { output.line($0) }, warn: { printError("facechart: warning: \($0)") })
            output.flush()
        }
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
