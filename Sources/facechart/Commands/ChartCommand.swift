import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartTerminal
import Foundation

/// Opens the charting screens (the default command).
struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Open the charting screens (the default when no command is given)."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "Open straight onto this patient (id or name).")
    var patient: String?

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            try ChartSession.run(store: store, patient: patient)
        }
    }
}

/// The terminal program's loop: draw, wait for an event, update, repeat; restore the terminal on the way out.
enum ChartSession {
    static func run(store: PatientStore, patient: String?) throws(UserError) {
        let library = try AssetLibrary.load()
        let environment = library.screenEnvironment()
        let repository = StoreRepository(store: store, timeZone: environment.timeZone, today: { environment.today })
        let opening = try patient.map { text throws(UserError) in try PatientLookup.find(text, in: store).id }

        let terminal: Terminal
        do {
            terminal = try Terminal.start(environment: ProcessInfo.processInfo.environment)
        } catch let error as TerminalError {
            throw UserError(error.description)
        } catch {
            throw UserError("the terminal could not be started")
        }
        var app = App(repository: repository, environment: environment, size: terminal.size)
        if let opening {
            do {
                try app.openPatient(opening)
            } catch {
                terminal.stop()
                throw UserError(error.message)
            }
        }
        while true {
            terminal.draw(app.render())
            guard app.update(terminal.nextEvent()) else { break }
        }
        terminal.stop()
    }
}
