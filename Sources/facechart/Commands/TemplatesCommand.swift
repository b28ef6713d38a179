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
            // The built-in patterns are listed even when the data folder is missing; the listing says so.
            let store: PatientStore?
            var missing: String?
            do throws(UserError) {
                store = try data.openStore(.viewing)
            } catch {
                store = nil
                missing = error.message
            }
            let saved = try store.map { store in
                try UserError.fromStore { () throws(StoreError) in try store.readUserPatterns() }
            } ?? (patterns: [], problems: [])
            try PatternListing.output(
                builtIn: library.patterns, saved: saved, folder: (store?.root ?? "") + "/patterns", missing: missing,
                productName: library.productName,
                limits: PatternListing.limitLines(library.rules)
            ).emit()
        }
    }
}
