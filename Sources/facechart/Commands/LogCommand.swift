import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartSync
import FaceChartUI
import Foundation

/// The audit trail of one patient: every correction in the change list and every checkpoint in the
/// history, each with the chair it was made on.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print who changed what and when for a patient: every correction and every checkpoint, with its chair.",
        discussion: "Commits signed with a chair's ssh key say whether the signature is good."
    )

    @OptionGroup var patient: PatientOptions

    func run() throws {
        try reportingErrors {
            let (store, found) = try patient.find()
            try PatientRegistry.log(of: found.id, in: store).emit()
        }
    }
}
