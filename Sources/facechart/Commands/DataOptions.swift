import ArgumentParser
import FaceChartCommands
import FaceChartCore
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

/// The data folder and one patient named by id or name: what every command about a patient takes.
struct PatientOptions: ParsableArguments {
    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    /// The store, and the patient the argument names in it.
    func find() throws(UserError) -> (store: PatientStore, patient: Patient) {
        let store = try data.openStore()
        return (store, try PatientLookup.find(patient, in: store))
    }
}
