import ArgumentParser
import FaceChartCommands
import FaceChartStore
import Foundation

/// Where the records live; shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data folder.", valueName: "folder"))
    var dataDirectory: String?

    /// Opens the store in the resolved data folder.
    func openStore() throws(UserError) -> PatientStore {
        do {
            let root = try DataRoot.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
            return try PatientStore(root: root.path)
        } catch {
            throw UserError(error.message)
        }
    }
}
