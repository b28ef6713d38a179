import FaceChartCore
import FaceChartStore

/// `facechart templates`: the built-in treatment patterns with grade and source, then the user's own,
/// then the safety limits the checks apply.
public enum PatternListing {
    /// The listing of `builtIn` and the user's `saved` patterns (kept in `folder`, or `nil` with the reason
    /// when there is no data folder), naming files that could not be read, then the `limits` lines.
    public static func output(
        builtIn: [TreatmentPattern], saved: (patterns: [TreatmentPattern], problems: [StoreError]), folder: String,
        missing: String? = nil, productName: (String) -> String, limits: [String] = []
    ) -> CommandOutput {
        var lines = ["Built-in patterns"] + table(builtIn, productName: productName).lines
        lines += ["", missing == nil ? "Your patterns (\(folder))" : "Your patterns"]
        if let missing {
            lines.append(missing)
        } else if saved.patterns.isEmpty {
            lines.append("None saved yet.")
        } else {
            lines += table(saved.patterns, productName: productName).lines
            let keys = Set(builtIn.map(\.key))
            for pattern in saved.patterns where keys.contains(pattern.key) {
                lines.append("Note: your pattern \(pattern.key) has the key of a built-in pattern.")
            }
        }
        if !saved.problems.isEmpty {
            lines.append("Incomplete: \(saved.problems.count) pattern file(s) could not be read (listed on standard error).")
        }
        if !limits.isEmpty { lines += [""] + limits }
        return CommandOutput(lines: lines, warnings: saved.problems.map(\.message))
    }

    /// Every limit and threshold by active ingredient, each with its grade and source: what the safety
    /// checks apply, and to which products' units.
    public static func limitLines(_ rules: ClinicalRules) -> [String] {
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

    private static func table(_ patterns: [TreatmentPattern], productName: (String) -> String) -> TextTable {
        var table = TextTable(["Key", "Name", "Kind", "Products", "Sites", "Units", "Grade", "Source"], rightAligned: [4, 5])
        for pattern in patterns {
            table.add([
                pattern.key, pattern.name, pattern.indication.kind.rawValue,
                pattern.products.map(productName).joined(separator: ", "), "\(pattern.siteCount)",
                "\(pattern.totalUnits)", pattern.grade.letter, sourceText(pattern),
            ])
        }
        return table
    }

    /// The references, with the judgement note first when any figure is graded W or ?.
    private static func sourceText(_ pattern: TreatmentPattern) -> String {
        var text = pattern.source.reference
        if let sites = pattern.siteSource { text += "; sites (\(sites.grade.letter)): \(sites.reference)" }
        return pattern.grade.needsJudgement ? "\(pattern.grade.note): \(text)" : text
    }
}
