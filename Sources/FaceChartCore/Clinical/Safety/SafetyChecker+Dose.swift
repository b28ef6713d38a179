import Foundation

extension SafetyChecker {
    /// A dose given on a day, of one product, with the product's active ingredient.
    struct DatedDose {
        var day: CalendarDate
        var product: String
        var ingredient: String
        var units: Units
    }

    /// The heaviest set of doses that fits in `windowDays` consecutive days and includes `day`.
    struct WindowTotal {
        var first: CalendarDate
        var last: CalendarDate
        var units: Units
        /// The product keys given in the window, in order of first use.
        var products: [String]
    }

    /// Each point's dose with its day, product key (the point's own vial, else the session's) and active ingredient.
    static func datedDoses(of session: Session, rules: ClinicalRules, timeZone: TimeZone) -> [DatedDose] {
        let day = session.day(in: timeZone)
        return session.points.map {
            let vial = session.vial(for: $0)
            return DatedDose(day: day, product: vial.product, ingredient: rules.ingredient(of: vial), units: $0.units)
        }
    }

    /// The largest total over every window of `windowDays` consecutive days that contains `day`.
    ///
    /// A window containing `day` starts at most `windowDays - 1` days before it; the heaviest one starts on
    /// the day of some dose, so only those starts are tried.
    static func heaviestWindow(containing day: CalendarDate, windowDays: Int, doses: [DatedDose]) -> WindowTotal? {
        let earliestStart = day.adding(days: -(windowDays - 1))
        let starts = Set(doses.map(\.day).filter { $0 >= earliestStart && $0 <= day })
        var best: WindowTotal?
        for start in starts {
            let end = start.adding(days: windowDays - 1)
            let inside = doses.filter { $0.day >= start && $0.day <= end }.sorted { ($0.day, $0.product) < ($1.day, $1.product) }
            guard let first = inside.first?.day, let last = inside.last?.day else { continue }
            let total = inside.map(\.units).total()
            if best == nil || total > best!.units {
                var products: [String] = []
                for dose in inside where !products.contains(dose.product) { products.append(dose.product) }
                best = WindowTotal(first: first, last: last, units: total, products: products)
            }
        }
        return best
    }

    static func spanText(_ window: WindowTotal) -> String {
        window.first == window.last ? "on \(window.first)" : "from \(window.first) to \(window.last)"
    }

    /// `onabotulinumtoxinA (botox, botox-cosmetic)`.
    static func ingredientText(_ ingredient: String, _ window: WindowTotal) -> String {
        window.products == [ingredient] ? ingredient : "\(ingredient) (\(window.products.joined(separator: ", ")))"
    }

    // MARK: Windows of days

    /// Each window limit, for each ingredient of this session it was read for: the heaviest window containing
    /// the session's day above it. Sessions of other indications count only when the limit is for every indication.
    static func windowFindings(_ context: Context) -> [SafetyFinding] {
        let rules = context.rules
        var found: [SafetyFinding] = []
        for limit in rules.limits.doseLimits where limit.scope == .window {
            guard let days = limit.days, let cap = limit.units else { continue }
            let sessions = ([context.session] + context.history).filter { session in
                limit.indications.map { $0.contains(rules.indicationKey(of: session)) } ?? true
            }
            let all = sessions.flatMap { datedDoses(of: $0, rules: rules, timeZone: context.timeZone) }
            for ingredient in context.ingredients where limit.applies(to: ingredient, indication: context.indication) {
                let own = context.units(of: ingredient)
                guard own > .zero,
                      let window = heaviestWindow(containing: context.day, windowDays: days, doses: all.filter { $0.ingredient == ingredient }),
                      window.units > cap
                else { continue }
                found.append(SafetyFinding(
                    rule: limit.rule, severity: limit.severity,
                    message: "\(window.units) U of \(ingredientText(ingredient, window)) within \(days) days "
                        + "(\(spanText(window)); this session \(own) U): \(limit.text).",
                    source: limit.source))
            }
        }
        return found
    }

    // MARK: Sites, regions, sessions

    /// The site, region and session limits, each for the ingredients it was read for.
    static func limitFindings(_ context: Context) -> [SafetyFinding] {
        var found: [SafetyFinding] = []
        let limits = context.rules.limits
        for limit in limits.doseLimits {
            let regions = limits.regions(limit.regions)
            for ingredient in context.ingredients where limit.applies(to: ingredient, indication: context.indication) {
                switch limit.scope {
                case .site: found += siteFindings(limit, ingredient: ingredient, regions: regions, context: context)
                case .region: found += regionFindings(limit, ingredient: ingredient, regions: regions, context: context)
                case .session:
                    let total = context.units(of: ingredient)
                    if let cap = limit.units, total > cap {
                        found.append(SafetyFinding(
                            rule: limit.rule, severity: limit.severity,
                            message: "\(total) U of \(ingredient) this session: \(limit.text).", source: limit.source))
                    }
                case .window: break
                }
            }
        }
        return found
    }

    static func siteFindings(_ limit: DoseLimit, ingredient: String, regions: Set<Region>, context: Context) -> [SafetyFinding] {
        context.doses.filter { $0.ingredient == ingredient && regions.contains($0.point.region) }.compactMap { dose in
            let point = dose.point
            let place = "\(point.region.name), \(point.side.letter)"
            if let cap = limit.units, point.units > cap {
                return SafetyFinding(
                    rule: limit.rule, severity: limit.severity,
                    message: "\(point.units) U of \(ingredient) at one site (\(place)): \(limit.text).", source: limit.source,
                    point: point.id)
            }
            if let cap = limit.millilitres, dose.millilitres > cap + 1e-9 {
                let strength = figureText(Dilution(dose.vial).unitsPerTenthML)
                return SafetyFinding(
                    rule: limit.rule, severity: limit.severity,
                    message: "\(millilitresText(dose.millilitres)) at one site (\(point.units) U at \(strength) U per 0.1 mL, \(place)): "
                        + "\(limit.text).",
                    source: limit.source, point: point.id)
            }
            return nil
        }
    }

    static func regionFindings(_ limit: DoseLimit, ingredient: String, regions: Set<Region>, context: Context) -> [SafetyFinding] {
        guard let cap = limit.units else { return [] }
        let sides: [Side?] = limit.perSide == true ? Side.allCases : [nil]
        return sides.compactMap { side in
            let total = context.units(of: ingredient, in: regions, side: side)
            guard total > cap else { return nil }
            let bySide = Side.allCases.compactMap { side -> String? in
                let units = context.units(of: ingredient, in: regions, side: side)
                return units > .zero ? "\(side.letter) \(units) U" : nil
            }.joined(separator: ", ")
            let scope = side.map { "on the \($0.letter) side" } ?? "this session (\(bySide))"
            return SafetyFinding(
                rule: limit.rule, severity: limit.severity,
                message: "\(total) U of \(ingredient) into the \(regionText(regions)) \(scope): \(limit.text).", source: limit.source)
        }
    }
}
