import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartStore
import Foundation

/// Where the records live; shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data folder.", valueName: "folder"))
    var dataDirectory: String?

    /// Opens the store in the resolved data folder. `.viewing` never creates or changes anything, and
    /// says so when the folder does not exist (a mistyped path).
    func openStore(_ access: PatientStore.Access = .charting) throws(UserError) -> PatientStore {
        let root = try UserError.fromStore { () throws(StoreError) in
            try DataRoot.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
        }
        do {
            return try PatientStore(root: root.path, access: access)
        } catch .dataFolderMissing(let path) {
            throw UserError("There is no data folder at \(path) (chosen by \(root.source.rawValue)): check the path. "
                + "It is created when the first patient is added.")
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

    /// The store, and the patient the argument names in it; a command that only reads opens the store
    /// for viewing, which creates and changes nothing.
    func find(_ access: PatientStore.Access = .viewing) throws(UserError) -> (store: PatientStore, patient: Patient) {
        let store = try data.openStore(access)
        return (store, try PatientLookup.find(patient, in: store))
    }
}
