import ArgumentParser
import FaceChartCommands
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
            try TerminalLoop.run(store: store, patient: patient)
        }
    }
}
