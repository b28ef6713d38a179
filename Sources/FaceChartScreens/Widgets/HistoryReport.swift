import FaceChartCore
import FaceChartUI
import Foundation

/// One patient's treatment history as lines, for the history screen and for stdout: the sessions in
/// time with the intervals between full treatments, units per region as sparklines, outcome scores
/// from the reviews, and the dates that follow from the latest full treatment.
///
/// Lines are clipped to the width, never wrapped, so the number of lines does not depend on the width.
public struct HistoryReport {
    public var patient: Patient
    /// Oldest first.
    public var sessions: [Session]
    public var reviews: [Review]
    public var today: CalendarDate
    public var timeZone: TimeZone
    /// Where the retreatment intervals come from (`ClinicalRules.minimumInterval`).
    public var rules: ClinicalRules
    public var productName: (String) -> String
    /// A product's active ingredient, by catalogue key (responses compare within one ingredient).
    public var ingredient: (String) -> String
    /// The outcome scales and review timing; without them the report has no response section and reviews
    /// fall due at the general two weeks.
    public var outcomes: OutcomeCatalogue?
    /// The glyphs of the sparklines, charts and trends.
    public var glyphs: Glyphs
    /// Files left out of the history or needing a look, worded for the user; listed first, so that
    /// nobody reads the history as complete when it is not.
    public var notices: [String] = []

    public init(
        patient: Patient, sessions: [Session], reviews: [Review], today: CalendarDate, timeZone: TimeZone,
        rules: ClinicalRules, productName: @escaping (String) -> String = { $0 },
        ingredient: @escaping (String) -> String = { $0 }, outcomes: OutcomeCatalogue? = nil, glyphs: Glyphs = .unicode
    ) {
        self.glyphs = glyphs
        self.patient = patient
        self.sessions = sessions.sorted { $0.startedAt < $1.startedAt }
        self.reviews = reviews.sorted { $0.createdAt < $1.createdAt }
        self.today = today
        self.timeZone = timeZone
        self.rules = rules
        self.productName = productName
        self.ingredient = ingredient
        self.outcomes = outcomes
    }

    /// The width the report is laid out for.
    public static let width = 80

    /// A full treatment with the top-ups added at its review.
    public typealias Treatment = TreatmentCycle

    // MARK: Derived records

    /// The full treatment each top-up belongs to, by the top-up's id (from the session's link or a review).
    public var topUpParents: [RecordID: RecordID] { TreatmentCycle.topUpParents(sessions: sessions, reviews: reviews) }

    /// Whether a session is a top-up rather than a full treatment.
    public func isTopUp(_ session: Session) -> Bool { topUpParents[session.id] != nil }

    /// Full treatments oldest first, each with its top-ups. A top-up whose treatment is missing counts as its own.
    public var treatments: [Treatment] { TreatmentCycle.cycles(sessions: sessions, reviews: reviews) }

    /// The latest full treatment, if any.
    public var latestTreatment: Treatment? { treatments.last { !isTopUp($0.session) } ?? treatments.last }

    /// Days between consecutive full treatments, oldest first.
    public var intervals: [(from: Session, to: Session, days: Int)] {
        let full = treatments.map(\.session).filter { !isTopUp($0) }
        return zip(full, full.dropFirst()).map { ($0, $1, $0.day(in: timeZone).days(until: $1.day(in: timeZone))) }
    }

    /// A full treatment that came sooner after the last full treatment of the same indication than the
    /// interval for that indication and ingredient allows.
    public struct EarlyRetreatment {
        public var from: Session
        public var to: Session
        public var days: Int
        public var interval: IndicationCatalogue.MinimumInterval
    }

    /// Early retreatments, oldest first. Treatments of different indications are not compared: the
    /// interval is for retreating one indication.
    public var earlyRetreatments: [EarlyRetreatment] {
        let full = treatments.map(\.session).filter { !isTopUp($0) }
        return full.enumerated().compactMap { index, session in
            let key = rules.indicationKey(of: session)
            guard let previous = full[..<index].last(where: { rules.indicationKey(of: $0) == key }) else { return nil }
            let days = day(previous).days(until: day(session))
            let interval = rules.minimumInterval(after: session)
            return days < interval.days ? EarlyRetreatment(from: previous, to: session, days: days, interval: interval) : nil
        }
    }

    // MARK: Output

    /// Every line with its style, each padded or clipped to `width` columns.
    public func lines(width: Int = HistoryReport.width) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        lines += headerLines()
        lines.append(("", .plain))
        if !notices.isEmpty {
            lines.append(("Files not shown or needing a look (\(notices.count))", Style(.warning, bold: true)))
            // Wrapped at the report's own width, so that the number of lines does not depend on the terminal's.
            for notice in notices {
                lines += Format.wrap(notice, width: HistoryReport.width - 2).map { ("  " + $0, .warning) }
            }
            lines.append(("", .plain))
        }
        lines += sessionLines(width: width)
        lines.append(("", .plain))
        lines += unitLines(width: width)
        lines.append(("", .plain))
        lines += outcomeLines()
        lines.append(("", .plain))
        if let outcomes {
            lines += ResponseReport(
                cycles: treatments.filter { !isTopUp($0.session) }, reviews: reviews, catalogue: outcomes, rules: rules, timeZone: timeZone,
                productName: productName, ingredient: ingredient, glyphs: glyphs
            ).lines(width: width)
            lines.append(("", .plain))
        }
        lines += dateLines()
        return lines.map { (Format.pad($0.0, width), $0.1) }
    }

    /// The report on a canvas exactly as tall as its lines.
    public func render(width: Int = HistoryReport.width) -> Canvas {
        let all = lines(width: width)
        var canvas = Canvas(width: width, height: all.count, glyphs: glyphs)
        for (index, line) in all.enumerated() { canvas.put(line.0, x: 0, y: index, style: line.1) }
        return canvas
    }

    /// The report as printed: trailing spaces trimmed.
    public func text(width: Int = HistoryReport.width) -> String { render(width: width).text }

    // MARK: Sections

    private func day(_ session: Session) -> CalendarDate { session.day(in: timeZone) }

    private func headerLines() -> [(String, Style)] {
        var who = "History: \(patient.name)"
        if let born = patient.dateOfBirth { who += " (born \(born))" }
        let full = treatments.filter { !isTopUp($0.session) }.count
        let topUps = sessions.count - full
        let counts = "\(sessions.count) session\(sessions.count == 1 ? "" : "s"): \(full) full treatment\(full == 1 ? "" : "s"), "
            + "\(topUps) top-up\(topUps == 1 ? "" : "s") · \(reviews.count) review\(reviews.count == 1 ? "" : "s") · today \(today)"
        return [(who, .title), (counts, .plain)]
    }

    private func sessionLines(width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = [("Sessions", .title)]
        guard !sessions.isEmpty else { return lines + [("  No sessions yet.", .muted)] }
        let indicationWidth = max(10, 19 + width - HistoryReport.width)
        lines.append((Format.pad("Date", 12) + Format.pad("Indication", indicationWidth + 1) + Format.pad("Product", 16)
            + Format.padLeft("Total", 7) + "  " + Format.pad("Status", 15) + "Interval", Style(.muted, underline: true)))
        let parents = topUpParents
        let early = Set(earlyRetreatments.map(\.to.id))
        var previousFull: Session?
        for session in sessions {
            var status = session.isSigned ? "signed" : "draft"
            var interval = ""
            var style = Style.plain
            if !session.signatureIsIntact {
                status = "SIG. BROKEN"
                style = Style(.danger, bold: true)
            }
            if let parent = parents[session.id] {
                status += " top-up"
                if session.signatureIsIntact { style = Style(.topUp) }
                if let treated = sessions.first(where: { $0.id == parent }) {
                    interval = "day \(day(treated).days(until: day(session)))"
                }
            } else {
                if let previousFull {
                    let days = day(previousFull).days(until: day(session))
                    interval = "\(days) days"
                    if early.contains(session.id), session.signatureIsIntact { style = .warning }
                }
                previousFull = session
            }
            let line = Format.pad(day(session).description, 12) + Format.pad(session.indication.concern, indicationWidth) + " "
                + Format.pad(productName(session.primaryVial.product), 15) + " " + Format.padLeft(Format.units(session.summary.total), 7)
                + "  " + Format.pad(status, 14) + " " + interval
            lines.append((line, style))
        }
        for session in sessions where !session.signatureIsIntact {
            lines.append(("  \(day(session)) was changed after it was signed: its signature no longer matches", Style(.danger, bold: true)))
        }
        let gaps = intervals
        if !gaps.isEmpty {
            lines.append(("Intervals between full treatments: " + gaps.map { "\($0.days) days" }.joined(separator: ", "), .plain))
        }
        for gap in earlyRetreatments {
            let interval = gap.interval
            lines.append(("  \(day(gap.to)) came \(gap.days) days after \(day(gap.from)), sooner than \(interval.days) days "
                + "(\(interval.source.gradeText))", .warning))
            lines.append(("    the interval for \(interval.indication.lowercased()) with \(interval.ingredient)", .warning))
        }
        return lines
    }

    private func unitLines(width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = [("Units per region, per treatment (oldest first; top-ups added as +n)", .title)]
        let all = treatments
        guard !all.isEmpty else { return lines + [("  No treatments yet.", .muted)] }
        var productOrder: [String] = []
        for treatment in all where !productOrder.contains(treatment.session.primaryVial.product) {
            productOrder.append(treatment.session.primaryVial.product)
        }
        if productOrder.count > 1 {
            lines.append(("Units are product-specific: each product is charted on its own.", .warning))
        }
        for product in productOrder {
            let group = all.filter { $0.session.primaryVial.product == product }
            let first = day(group.first!.session), last = day(group.last!.session)
            let span = group.count == 1 ? "\(first)" : "\(first) to \(last)"
            lines.append(("\(productName(product)): \(group.count) treatment\(group.count == 1 ? "" : "s"), \(span)", Style(.accent, bold: true)))
            let trendWidth = max(5, group.count) + 2
            lines.append((Format.pad("Region", 23) + Format.pad("Trend", trendWidth) + "Units (\(glyphs.sparkLevels[7]) the row's highest, \(glyphs.untreated) none)", Style(.muted, underline: true)))
            let treated = Set(group.flatMap { ($0.session.points + $0.topUps.flatMap(\.points)).map(\.region) })
            let figureWidth = max(10, width - 23 - trendWidth)
            for region in Region.allCases where treated.contains(region) {
                let values = group.map { $0.units(in: region) }
                lines.append((Format.pad(region.name, 23) + Format.pad(HistoryReport.sparkline(values.map { $0.session + $0.topUp }, glyphs: glyphs), trendWidth)
                    + HistoryReport.figures(values, width: figureWidth, glyphs: glyphs), .plain))
            }
            let totals = group.map { ($0.session.summary.total, $0.topUps.map(\.summary.total).total()) }
            lines.append((Format.pad("Total", 23) + Format.pad(HistoryReport.sparkline(totals.map { $0.0 + $0.1 }, glyphs: glyphs), trendWidth)
                + HistoryReport.figures(totals, width: figureWidth, glyphs: glyphs), Style(.normal, bold: true)))
        }
        return lines
    }

    private func outcomeLines() -> [(String, Style)] {
        var lines: [(String, Style)] = [("Outcomes at review (Facial Wrinkle Scale 0 none-3 severe; satisfaction 1-5)", .title)]
        guard !reviews.isEmpty else { return lines + [("  No reviews recorded.", .muted)] }
        lines.append((Format.pad("Treated", 12) + Format.pad("Reviewed", 12) + Format.pad("Region", 23)
            + Format.padLeft("Rest", 4) + Format.padLeft("Max", 5) + "  " + Format.pad("Symmetry", 10) + "Satisf.",
            Style(.muted, underline: true)))
        func score(_ value: Int?) -> String { value.map(String.init) ?? "-" }
        for review in reviews {
            let treated = sessions.first { $0.id == review.session }.map { day($0).description } ?? "(missing)"
            let reviewed = review.updatedAt.localDay(fallback: timeZone).description
            let outcomes = review.outcomes.sorted {
                Region.allCases.firstIndex(of: $0.region)! < Region.allCases.firstIndex(of: $1.region)!
            }
            if outcomes.isEmpty && review.scores.isEmpty {
                lines.append((Format.pad(treated, 12) + Format.pad(reviewed, 12) + "no scores recorded", .muted))
            }
            for (index, outcome) in outcomes.enumerated() {
                let dates = index == 0 ? Format.pad(treated, 12) + Format.pad(reviewed, 12) : String(repeating: " ", count: 24)
                lines.append((dates + Format.pad(outcome.region.name, 23) + Format.padLeft(score(outcome.wrinklesAtRest), 4)
                    + Format.padLeft(score(outcome.wrinklesAtMaximum), 5) + "  " + Format.pad(outcome.symmetry?.label ?? "-", 10)
                    + Format.padLeft(score(outcome.satisfaction), 7), .plain))
            }
            for (index, text) in scoreSummaries(review).enumerated() {
                let dates = index == 0 && outcomes.isEmpty ? Format.pad(treated, 12) + Format.pad(reviewed, 12) : String(repeating: " ", count: 24)
                lines += Format.wrap(text, width: HistoryReport.width - 24).enumerated().map {
                    (($0.offset == 0 ? dates : String(repeating: " ", count: 24)) + $0.element, Style.plain)
                }
            }
            if !review.sideEffects.isEmpty {
                lines.append((String(repeating: " ", count: 24) + "Side effects: " + review.sideEffects.map(\.effect.name).joined(separator: ", "), .warning))
            }
            if review.topUp != nil {
                lines.append((String(repeating: " ", count: 24) + "Top-up given at this review", Style(.topUp)))
            }
        }
        lines += outcomeTrendLines()
        return lines
    }

    /// One line per scale scored in `scores` (per region ones named by region), by the catalogue's names.
    private func scoreSummaries(_ review: Review) -> [String] { review.scoreSummaries(scales: outcomes?.scales) }

    /// Per region, the scores across reviews (only where a region was scored at two reviews or more).
    private func outcomeTrendLines() -> [(String, Style)] {
        var lines: [(String, Style)] = []
        for region in Region.allCases {
            let outcomes = reviews.compactMap { $0.outcome(for: region) }
            guard outcomes.count >= 2 else { continue }
            func trend(_ name: String, _ values: [Int?]) -> String? {
                let known = values.compactMap { $0 }
                return known.count >= 2 ? "\(name) " + known.map(String.init).joined(separator: " \(glyphs.arrow) ") : nil
            }
            let parts = [
                trend("rest", outcomes.map(\.wrinklesAtRest)), trend("max", outcomes.map(\.wrinklesAtMaximum)),
                trend("satisfaction", outcomes.map(\.satisfaction)),
            ].compactMap { $0 }
            guard !parts.isEmpty else { continue }
            if lines.isEmpty { lines.append(("Over time:", .plain)) }
            lines.append(("  " + Format.pad(region.name, 23) + parts.joined(separator: " · "), .plain))
        }
        return lines
    }

    private func relative(_ date: CalendarDate) -> String {
        let days = today.days(until: date)
        if days == 0 { return "today" }
        return days > 0 ? "in \(days) day\(days == 1 ? "" : "s")" : "\(-days) day\(days == -1 ? "" : "s") ago"
    }

    private func dateLines() -> [(String, Style)] {
        var lines: [(String, Style)] = [("Dates from the latest full treatment", .title)]
        guard let latest = latestTreatment else { return lines + [("  No treatments yet.", .muted)] }
        let session = latest.session
        let treated = day(session)
        lines.append(("Treated \(treated) (day \(treated.days(until: today)) today) · \(session.indication.concern) · \(productName(session.primaryVial.product))", .plain))
        let plan = outcomes?.plan(for: session, rules: rules) ?? .general()
        let due = treated.adding(days: plan.dueDay)
        var reviewLine = "  " + Format.pad("Review due", 24) + "\(due)  day \(plan.dueDay)"
        var reviewStyle = Style.plain
        if let review = reviews.last(where: { $0.session == session.id && $0.isDone }) {
            reviewLine += ", reviewed \(review.updatedAt.localDay(fallback: timeZone))"
        } else if today > treated.adding(days: plan.window.upperBound) {
            reviewLine += ", \(relative(due)), no review recorded"
            reviewStyle = .warning
        } else {
            reviewLine += ", \(relative(due))"
        }
        lines.append((reviewLine, reviewStyle))
        let interval = rules.minimumInterval(after: session)
        let next = Timeline.nextTreatmentDate(after: session, rules: rules, timeZone: timeZone)
        let nextState = today >= next ? "reached" : relative(next)
        lines.append(("  " + Format.pad("Earliest next treatment", 24) + "\(next)  day \(interval.days), \(nextState) "
            + "(\(interval.source.gradeText), \(interval.indication.lowercased()))", .plain))
        lines.append(("  Expected wear-off (effect timeline; a month counted as 30 days):", .plain))
        var groups: [(regions: [Region], item: WearOff.RegionWearOff)] = []
        for item in WearOff.regions(of: session, timeZone: timeZone, extraPoints: latest.topUps.flatMap(\.points)) {
            if let index = groups.firstIndex(where: { $0.item.estimate == item.estimate }) {
                groups[index].regions.append(item.region)
            } else {
                groups.append(([item.region], item))
            }
        }
        if groups.isEmpty { lines.append(("    No points charted.", .muted)) }
        for group in groups {
            let names = group.regions.map(\.name).joined(separator: ", ")
            lines += Format.wrap(names, width: HistoryReport.width - 4).map { ("    " + $0, Style.plain) }
            switch group.item.estimate {
            case .supported(let figure):
                let range = group.item.dates!
                var when = range.lowerBound == range.upperBound
                    ? "about \(range.lowerBound) (day \(figure.days.lowerBound))"
                    : "\(range.lowerBound) to \(range.upperBound) (days \(figure.days.lowerBound)-\(figure.days.upperBound))"
                if figure.measure == .retreat { when = "retreatment due " + when }
                if today > range.upperBound { when += ", past" } else if today >= range.lowerBound { when += ", wearing off now" }
                lines.append(("      " + when, figure.source.grade.needsJudgement ? Style(.warning) : .plain))
                var source = "Source: \(figure.text)"
                if figure.source.grade.needsJudgement { source += " (\(figure.source.grade.note))" }
                lines += Format.wrap(source, width: HistoryReport.width - 6).map { ("      " + $0, Style.muted) }
            case .unsupported(let reason):
                lines += Format.wrap("not supported: \(reason)", width: HistoryReport.width - 6).map { ("      " + $0, Style.muted) }
            }
        }
        return lines
    }

    // MARK: Charts

    /// One character per value, scaled so the largest is the top level (`█`); the untreated mark
    /// (`·`) where nothing was given.
    public static func sparkline(_ values: [Units], glyphs: Glyphs = .unicode) -> String {
        TextChart.sparkline(values.map { $0.value }, glyphs: glyphs)
    }

    /// `4 → 8`, `12+4 → 20`, `- → 10`, keeping the latest figures and an ellipsis when they do not fit.
    public static func figures(_ values: [(session: Units, topUp: Units)], width: Int, glyphs: Glyphs = .unicode) -> String {
        let texts = values.map { value -> String in
            if value.session == .zero, value.topUp == .zero { return "-" }
            return value.topUp == .zero ? value.session.description : "\(value.session)+\(value.topUp)"
        }
        let arrow = " \(glyphs.arrow) "
        func line(_ shown: ArraySlice<String>) -> String {
            (shown.count < texts.count ? "\(glyphs.ellipsis) " : "") + shown.joined(separator: arrow)
        }
        var shown = texts[...]
        while shown.count > 1, ColumnWidth.of(line(shown)) > width { shown.removeFirst() }
        return line(shown)
    }
}
