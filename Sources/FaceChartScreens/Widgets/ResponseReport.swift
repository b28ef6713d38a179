import FaceChartCore
import FaceChartUI
import Foundation

/// The "response over cycles" part of a patient's history, per indication: the doses per region and the
/// review scores cycle by cycle as a table, small text charts of dose and score, and the findings (NICE's
/// migraine stopping rule, a weaker response at the same dose, a product switch).
public struct ResponseReport {
    /// Full treatments with their top-ups, oldest first.
    public var cycles: [TreatmentCycle]
    public var reviews: [Review]
    public var catalogue: OutcomeCatalogue
    /// Where each cycle's retreatment interval comes from, for reviews due at the next cycle.
    public var rules: ClinicalRules
    public var timeZone: TimeZone
    public var productName: (String) -> String
    public var ingredient: (String) -> String
    /// The glyphs of the charts.
    public var glyphs: Glyphs

    public init(
        cycles: [TreatmentCycle], reviews: [Review], catalogue: OutcomeCatalogue, rules: ClinicalRules, timeZone: TimeZone,
        productName: @escaping (String) -> String, ingredient: @escaping (String) -> String, glyphs: Glyphs = .unicode
    ) {
        self.glyphs = glyphs
        self.cycles = cycles
        self.reviews = reviews
        self.catalogue = catalogue
        self.rules = rules
        self.timeZone = timeZone
        self.productName = productName
        self.ingredient = ingredient
    }

    /// Width of the row names; each cycle takes `cellWidth` columns.
    static let nameWidth = 22
    static let cellWidth = 12
    /// Rows of the bar chart.
    static let chartHeight = 4

    /// One analysis per indication, in the order the indications were first treated.
    public var analyses: [ResponseAnalysis] {
        var keys: [String] = []
        for cycle in cycles where !keys.contains(cycle.session.indication.key) {
            keys.append(cycle.session.indication.key)
        }
        return keys.map { key in
            let course = cycles.filter { $0.session.indication.key == key }
            let scored = reviews.compactMap { review -> ReviewedScores? in
                guard let cycle = course.first(where: { $0.session.id == review.session }) else { return nil }
                let day = cycle.session.day(in: timeZone).days(until: review.createdAt.localDay(fallback: timeZone))
                return ReviewedScores(session: review.session, day: day, scores: review.scaleScores)
            }
            return ResponseAnalysis(
                plan: catalogue.plan(for: course.last!.session, rules: rules), cycles: course, reviews: scored, timeZone: timeZone,
                productName: productName, ingredient: ingredient)
        }
    }

    public func lines(width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = [("Response over cycles: units per region and the scores after each cycle", .title)]
        let all = analyses
        guard !all.isEmpty else { return lines + [("  No treatments yet.", .muted)] }
        for analysis in all { lines += course(analysis, width: width) }
        return lines
    }

    // MARK: One indication

    private func course(_ analysis: ResponseAnalysis, width: Int) -> [(String, Style)] {
        let plan = analysis.plan
        let concern = analysis.cycles.last!.session.indication.concern
        var products: [String] = []
        for cycle in analysis.cycles where !products.contains(productName(cycle.product)) { products.append(productName(cycle.product)) }
        let title = "\(concern) · \(products.joined(separator: ", ")) · \(plan.scales.map(\.abbreviation).joined(separator: ", "))"
            + " · review \(plan.dueText)"
        var lines = Format.wrap(title, width: width).map { ($0, Style(.accent, bold: true)) }
        let series = analysis.series
        let baselineColumn = series.contains { $0.baseline != nil }
        let room = max(1, (width - Self.nameWidth - (baselineColumn ? Self.cellWidth : 0)) / Self.cellWidth)
        let shown = Array(analysis.cycles.indices.suffix(room))
        var header = Format.pad(shown.count < analysis.cycles.count ? "(latest \(shown.count) of \(analysis.cycles.count))" : "", Self.nameWidth)
        if baselineColumn { header += Format.padLeft("Baseline", Self.cellWidth) }
        header += shown.map { Format.padLeft(analysis.cycles[$0].session.day(in: timeZone).description, Self.cellWidth) }.joined()
        lines.append((header, Style(.muted, underline: true)))
        func row(_ name: String, baseline: String = "", _ cells: [String], style: Style = .plain) {
            var text = Format.pad(name, Self.nameWidth)
            if baselineColumn { text += Format.padLeft(baseline, Self.cellWidth) }
            text += cells.map { Format.padLeft($0, Self.cellWidth) }.joined()
            lines.append((text, style))
        }
        if products.count > 1 {
            row("Product", shown.map { Format.clipped(productName(analysis.cycles[$0].product), Self.cellWidth - 1) }, style: .muted)
        }
        let regionSeries = series.filter { $0.region != nil && $0.scale.higherIsWorse != nil }
        let treated = Region.allCases.filter { region in analysis.cycles.contains { $0.points.contains { $0.region == region } } }
        for region in treated {
            let scored = regionSeries.first { $0.region == region }
            row(region.name, shown.map { index in
                let cycle = analysis.cycles[index]
                let dose = cycle.units(in: region).session + cycle.units(in: region).topUp
                var cell = dose == .zero ? "-" : "\(dose) U"
                if let value = scored?.points[index].value { cell += ": " + scored!.scale.primaryText(value) }
                return cell
            })
        }
        row("Total", shown.map { "\(analysis.cycles[$0].total) U" }, style: Style(.normal, bold: true))
        for item in series where item.region == nil {
            row(item.scale.abbreviation, baseline: item.baseline.map(item.scale.primaryText) ?? "",
                shown.map { index in item.points[index].value.map(item.scale.primaryText) ?? "-" })
        }
        if let scale = regionSeries.first?.scale {
            lines += wrapped("Region cells: units, then \(scale.abbreviation) \(describe(scale)).", .muted, width: width)
        }
        lines += charts(series, shown: shown, width: width)
        lines += findings(analysis, width: width)
        return lines
    }

    /// `at maximum contraction, 0 none - 3 severe, lower is better`.
    private func describe(_ scale: OutcomeScale) -> String {
        var parts: [String] = []
        if !scale.primaryIsAggregate, let item = scale.item(scale.primary) {
            parts.append(item.name)
            func anchor(_ value: Int) -> String {
                item.labels == nil || item.isTypedByLabel ? item.text(for: value) : "\(value) \(item.text(for: value))"
            }
            parts.append("\(anchor(item.values.lowerBound)) - \(anchor(item.values.upperBound))")
        }
        if let direction = scale.directionNote { parts.append(direction) }
        return parts.joined(separator: ", ")
    }

    // MARK: Charts

    private func charts(_ series: [ResponseSeries], shown: [Int], width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        if let main = series.first(where: { $0.region == nil && $0.scale.higherIsWorse != nil }) {
            let values = (main.baseline.map { [$0] } ?? []) + shown.map { main.points[$0].value }
            let labels = (main.baseline == nil ? [] : ["B"]) + shown.map { String(main.points[$0].cycle) }
            if values.compactMap({ $0 }).count >= 2 {
                lines.append(("  \(main.scale.name) per cycle (\(main.scale.directionNote ?? "")), B = baseline:", .plain))
                lines += TextChart.bars(values, labels: labels, height: Self.chartHeight, format: main.scale.primaryText, glyphs: glyphs)
                    .map { ("    " + $0, Style(.accent)) }
            }
        }
        for item in series where item.region != nil && item.scale.higherIsWorse != nil {
            let doses = shown.map { item.points[$0].dose.value }
            let scores = shown.map { item.points[$0].value }
            let range = item.scale.item(item.scale.primary).map { Double($0.values.lowerBound)...Double($0.values.upperBound) }
            lines += wrapped(
                "\(item.region!.name): units \(TextChart.sparkline(doses.map { Optional($0) }, glyphs: glyphs))  "
                    + "\(item.scale.abbreviation) \(TextChart.sparkline(scores, range: range, glyphs: glyphs))  (cycles \(shown.map { String($0 + 1) }.joined(separator: ",")))",
                .plain, width: width)
        }
        return lines
    }

    // MARK: Findings

    private func findings(_ analysis: ResponseAnalysis, width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        if analysis.plan.indicationKey == MigraineStoppingRule.indicationKey {
            let rule = "Stopping rule (NICE TA260, P): "
            switch analysis.stoppingRule {
            case .notYet:
                lines += wrapped(rule + "judged after the second cycle.", .muted, width: width)
            case .needs(let missing):
                lines += wrapped(rule + "two cycles given; record \(missing) to check it.", .warning, width: width)
            case .met(let baseline, let after):
                let percent = Int(((analysis.stoppingRule.reduction ?? 0) * 100).rounded())
                lines += wrapped(rule + "headache days \(baseline) -> \(after) per month after two cycles, \(percent)% fewer: an adequate response (30% or more).", .plain, width: width)
            case .stop:
                break
            }
        }
        for finding in analysis.findings {
            lines += wrapped("! \(finding.message) (\(finding.source))", .warning, width: width)
        }
        return lines
    }

    private func wrapped(_ text: String, _ style: Style, width: Int) -> [(String, Style)] {
        Format.wrap(text, width: width - 2).map { ("  " + $0, style) }
    }
}

/// Small charts made of block characters (or their ASCII forms).
public enum TextChart {
    /// One character per value, the untreated mark (`·`) where there is none. Without a `range` the
    /// largest value is the top level (`█`) and zero counts as none (doses); with one, its lowest value
    /// is the bottom level (`▁`) and its highest the top (scores).
    public static func sparkline(_ values: [Double?], range: ClosedRange<Double>? = nil, glyphs: Glyphs = .unicode) -> String {
        let levels = glyphs.sparkLevels
        let top = values.compactMap { $0 }.max() ?? 0
        return String(values.map { value -> Character in
            guard let value else { return glyphs.untreated }
            if let range {
                let span = max(range.upperBound - range.lowerBound, 1)
                return levels[min(7, max(0, Int(((value - range.lowerBound) / span * 7).rounded())))]
            }
            guard value > 0, top > 0 else { return glyphs.untreated }
            return levels[min(8, max(1, Int((value / top * 8).rounded(.up)))) - 1]
        })
    }

    /// A vertical bar chart `height` rows tall with the top value on the axis, a bar per value (blank where
    /// there is none) and the labels underneath.
    public static func bars(
        _ values: [Double?], labels: [String], height: Int, format: (Double) -> String, glyphs: Glyphs = .unicode
    ) -> [String] {
        let levels = glyphs.sparkLevels
        let top = max(values.compactMap { $0 }.max() ?? 0, 1)
        let axis = max(format(top).count, 1)
        var rows: [String] = []
        for row in 0..<height {
            let floor = top * Double(height - row - 1) / Double(height)
            let step = top / Double(height)
            let cells = values.map { value -> String in
                guard let value, value > floor else { return " " }
                if value >= floor + step { return String(levels[7]) }
                return String(levels[max(0, min(7, Int(((value - floor) / step * 8).rounded(.up)) - 1))])
            }
            let tick = row == 0 ? format(top) : ""
            rows.append(Format.padLeft(tick, axis) + " \(glyphs.axis)" + cells.joined(separator: " "))
        }
        rows.append(String(repeating: " ", count: axis) + " \(glyphs.bottomLeft)" + labels.map { String($0.prefix(1)) }.joined(separator: " "))
        return rows
    }
}
