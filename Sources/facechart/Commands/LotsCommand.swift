import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartStore
import Foundation

/// Lists the lots (batches) used, or every patient who received one lot: recall in minutes.
struct LotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lots",
        abstract: "List every lot used, or every patient, session and dose that received one lot.",
        discussion: "Lots are matched exactly, ignoring case and surrounding spaces. Files that cannot be read "
            + "are listed on standard error, and the listing is then marked incomplete."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "A lot number; all lots when left out.")
    var lot: String?

    func run() throws {
        try reportingErrors {
            let store = try data.openStore(.viewing)
            let library = try AssetLibrary.load()
            let (report, problems) = try LotRecall.uses(of: lot, in: store)
            try LotRecall.output(report, problems: problems, lot: lot, productName: library.productName).emit()
        }
    }
}
