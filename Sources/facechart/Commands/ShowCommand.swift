import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import Foundation

/// Prints a session's chart as text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a session's chart: the face grid with its points, a legend, a table and totals."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    @Argument(help: "The session: id or date (YYYY-MM-DD); the latest when left out.")
    var session: String?

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let library = try AssetLibrary.load()
            let found = try PatientLookup.find(patient, in: store)
            let sessions = try UserError.fromStore { () throws(StoreError) in try store.sessions(of: found.id) }
            let chosen = try PatientLookup.session(session, among: sessions, timeZone: .current)
            print(library.printer(patient: found, session: chosen).render().text)
        }
    }
}
