import ArgumentParser

/// Opens the review of a session in the charting screens.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Open the review of a session: the scales of its indication, side effects and top-up."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    @Argument(help: "The session: id or date (YYYY-MM-DD); the one whose review is due, else the latest, when left out.")
    var session: String?

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            try ChartSession.run(store: store, opening: .review(patient: patient, session: session))
        }
    }
}
