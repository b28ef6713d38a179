import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartExport
import FaceChartScreens
import FaceChartStore
import Foundation

/// Prints a session's chart as text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a session's chart and record: the face grid with its points, vials, a table, totals, overrides, the review, signature and addenda.",
        discussion: "Lines are wrapped to the terminal's width (80 columns when the output is not a terminal); nothing is cut."
    )

    @OptionGroup var patient: PatientOptions

    @Argument(help: "The session: id or date (YYYY-MM-DD); the latest when left out.")
    var session: String?

    func run() throws {
        try reportingErrors {
            let (store, found) = try patient.find()
            let library = try AssetLibrary.load()
            let record = try ExportableRecords.one(found, session: session, from: store, outcomes: library.outcomes, rules: library.rules)
            let printer = library.printer(
                patient: found, session: record.session, review: record.review, toppedUp: record.toppedUp)
            print(printer.render(width: TerminalWidth.current()).text)
        }
    }
}
