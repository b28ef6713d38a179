import ArgumentParser
import FaceChartCommands
import FaceChartAssets
import FaceChartCore
import FaceChartStore
import Foundation

/// Lists the treatment patterns: the built-in ones with their sources, then the user's own.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the treatment patterns (templates) with grade and source, your own, then every safety limit by active ingredient with its source."
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingErrors {
            let library = try AssetLibrary.load()
            let store = try data.openStore()
            let saved = try UserError.fromStore { () throws(StoreError) in try store.readUserPatterns() }
            try PatternListing.output(
                builtIn: library.patterns, saved: saved, folder: store.root + "/patterns", productName: library.productName,
                limits: PatternListing.limitLines(library.rules)
            ).emit()
        }
    }
}
