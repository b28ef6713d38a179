import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Prints a patient's change list: every correction, who made it, when, and what it replaced.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print a patient's change list: who changed which field, when, from what to what."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let found = try PatientLookup.find(patient, in: store)
            try PatientRegistry.log(of: found.id, in: store).emit()
        }
    }
}
