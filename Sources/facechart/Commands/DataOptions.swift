import ArgumentParser
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
