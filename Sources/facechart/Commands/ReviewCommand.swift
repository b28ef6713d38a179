import ArgumentParser
import FaceChartCommands

/// Opens the review of a session in the charting screens.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Open the review of a session: the scales of its indication, side effects and top-up."
    )

    @OptionGroup var patient: PatientOptions

    @Argument(help: "The session: id or date (YYYY-MM-DD); the one whose review is due, else the latest, when left out.")
    var session: String?

    func run() throws {
        try reportingErrors {
            let store = try patient.data.openStore()
            try TerminalLoop.run(store: store, opening: .review(patient: patient.patient, session: session))
        }
    }
}
