import ArgumentParser
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
            for problem in saved.problems {
                printError("facechart: warning: \(problem.message)")
            }
            let productName = { (key: String) in library.catalogue.product(key)?.name ?? key }
            print("Built-in patterns")
            Self.table(library.patterns, productName: productName).lines.forEach { print($0) }
            print("")
            print("Your patterns (\(store.root)/patterns)")
            if saved.patterns.isEmpty {
                print("None saved yet.")
            } else {
                Self.table(saved.patterns, productName: productName).lines.forEach { print($0) }
                let builtIn = Set(library.patterns.map(\.key))
                for pattern in saved.patterns where builtIn.contains(pattern.key) {
                    print("Note: your pattern \(pattern.key) has the key of a built-in pattern.")
                }
            }
            if !saved.problems.isEmpty {
                print("Incomplete: \(saved.problems.count) pattern file(s) could not be read (listed on standard error).")
            }
            print("")
            Self.limitLines(library.rules).forEach { print($0) }
        }
    }

    private static func table(_ patterns: [TreatmentPattern], productName: (String) -> String) -> TextTable {
        var table = TextTable(
            ["Key", "Name", "Kind", "Products", "Sites", "Units", "Grade", "Source"], rightAligned: [4, 5])
        for pattern in patterns {
            table.add([
                pattern.key, pattern.name, pattern.indication.kind.rawValue,
                pattern.products.map(productName).joined(separator: ", "), "\(pattern.siteCount)",
                "\(pattern.totalUnits)", pattern.grade.letter, sourceText(pattern),
            ])
        }
        return table
    }

    /// Every limit and threshold by active ingredient, each with its grade and source: what the safety
    /// checks apply, and to which products' units.
    static func limitLines(_ rules: ClinicalRules) -> [String] {
        var lines = ["Safety limits by active ingredient (grade: L label, P paper, W web, ? unconfirmed)"]
        for ingredient in rules.ingredients {
            let products = rules.products.products.filter { $0.ingredient == ingredient }.map(\.name).joined(separator: ", ")
            lines.append("")
            lines.append("\(ingredient) (\(products))")
            for limit in rules.describedLimits(ingredient: ingredient) {
                let source = limit.source
                lines.append("  \(limit.text)")
                lines.append("      \(source.gradeText): \(source.text)" + (source.note.map { " (\($0))" } ?? ""))
            }
        }
        return lines
    }

    /// The references, with the judgement note first when any figure is graded W or ?.
    private static func sourceText(_ pattern: TreatmentPattern) -> String {
        var text = pattern.source.reference
        if let sites = pattern.siteSource { text += "; sites (\(sites.grade.letter)): \(sites.reference)" }
        return pattern.grade.needsJudgement ? "\(pattern.grade.note): \(text)" : text
    }
}
