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

    /// Each point's dose with its day, product key (the point's own vial, else the session's) and active
    /// ingredient (`activeIngredient` of the key; a key it does not know is its own ingredient).
    static func doses(of session: Session, timeZone: TimeZone, activeIngredient: (String) -> String?) -> [DatedDose] {
        let day = session.day(in: timeZone)
        return session.points.map {
            let product = session.vial(for: $0).product
            return DatedDose(day: day, product: product, ingredient: activeIngredient(product) ?? product, units: $0.units)
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

    /// Per active ingredient used in `session` that `limit` applies to, the heaviest window of `doses`
    /// above it. Units of different ingredients are never added together.
    static func windowFindings(
        _ session: Session, doses: [DatedDose], windowDays: Int, limit: SafetyLimits.Limit<Units>, timeZone: TimeZone,
        activeIngredient: (String) -> String?,
        finding: (_ ingredient: String, _ window: WindowTotal, _ thisSession: Units) -> SafetyFinding
    ) -> [SafetyFinding] {
        let day = session.day(in: timeZone)
        let own = self.doses(of: session, timeZone: timeZone, activeIngredient: activeIngredient)
        var ingredients: [String] = []
        for dose in own where !ingredients.contains(dose.ingredient) && limit.applies(to: dose.ingredient) {
            ingredients.append(dose.ingredient)
        }
        return ingredients.compactMap { ingredient in
            let ofIngredient = doses.filter { $0.ingredient == ingredient }
            guard let window = heaviestWindow(containing: day, windowDays: windowDays, doses: ofIngredient),
                  window.units > limit.value
            else { return nil }
            return finding(ingredient, window, own.filter { $0.ingredient == ingredient }.map(\.units).total())
        }
    }

    static func spanText(_ window: WindowTotal) -> String {
        window.first == window.last ? "on \(window.first)" : "from \(window.first) to \(window.last)"
    }

    /// `onabotulinumtoxinA (botox, botox-cosmetic)`.
    static func ingredientText(_ ingredient: String, _ window: WindowTotal) -> String {
        window.products == [ingredient] ? ingredient : "\(ingredient) (\(window.products.joined(separator: ", ")))"
    }

    // MARK: Cumulative 90-day total

    /// The label's cumulative cap, for the ingredient whose label gives it (onabotulinumtoxinA); other
    /// ingredients get no cumulative finding rather than another product's figure.
    static func cumulativeFindings(
        _ session: Session, history: [Session], timeZone: TimeZone, activeIngredient: (String) -> String?
    ) -> [SafetyFinding] {
        let days = SafetyLimits.cumulativeWindowDays
        let limit = SafetyLimits.cumulativeUnits
        let all = ([session] + history).flatMap { doses(of: $0, timeZone: timeZone, activeIngredient: activeIngredient) }
        return windowFindings(
            session, doses: all, windowDays: days.value, limit: limit, timeZone: timeZone, activeIngredient: activeIngredient
        ) { ingredient, window, own in
            SafetyFinding(
                rule: SafetyRule.cumulative, severity: .warning,
                message: "\(window.units) U of \(ingredientText(ingredient, window)) within \(days.value) days "
                    + "(\(spanText(window)); this session \(own) U): the label allows at most \(limit.value) U in any "
                    + "3-month interval.",
                source: limit.source)
        }
    }

    // MARK: Blepharospasm 30-day total

    /// The word that marks a session as treating blepharospasm (its indication's concern, any case).
    static let blepharospasmConcern = "blepharospasm"

    /// Whether `session` treats blepharospasm: its concern mentions it, in any case. Every unit of such a
    /// session counts towards the cap, whatever the region (the label caps the blepharospasm dose, and
    /// procerus or corrugator points are often part of it).
    static func treatsBlepharospasm(_ session: Session) -> Bool {
        session.indication.concern.lowercased().contains(blepharospasmConcern)
    }

    /// The Botox label's blepharospasm cap, for onabotulinumtoxinA only.
    static func blepharospasmFindings(
        _ session: Session, history: [Session], timeZone: TimeZone, activeIngredient: (String) -> String?
    ) -> [SafetyFinding] {
        guard treatsBlepharospasm(session) else { return [] }
        let days = SafetyLimits.blepharospasmWindowDays
        let limit = SafetyLimits.blepharospasmUnits
        let all = ([session] + history.filter(treatsBlepharospasm)).flatMap {
            doses(of: $0, timeZone: timeZone, activeIngredient: activeIngredient)
        }
        return windowFindings(
            session, doses: all, windowDays: days.value, limit: limit, timeZone: timeZone, activeIngredient: activeIngredient
        ) { ingredient, window, own in
            SafetyFinding(
                rule: SafetyRule.blepharospasm, severity: .warning,
                message: "\(window.units) U of \(ingredientText(ingredient, window)) for blepharospasm within \(days.value) "
                    + "days (\(spanText(window)); this session \(own) U): the label allows at most \(limit.value) U per "
                    + "\(days.value) days.",
                source: limit.source)
        }
    }

    // MARK: Per-session and per-site limits

    static func sternocleidomastoidFindings(_ session: Session) -> [SafetyFinding] {
        let points = session.points.filter { $0.region == .sternocleidomastoid }
        let limit = SafetyLimits.sternocleidomastoidUnits
        let total = points.map(\.units).total()
        guard total > limit.value else { return [] }
        let bySide = Side.allCases.compactMap { side -> String? in
            let units = points.filter { $0.side == side }.map(\.units).total()
            return units > .zero ? "\(side.letter) \(units) U" : nil
        }.joined(separator: ", ")
        return [SafetyFinding(
            rule: SafetyRule.sternocleidomastoid, severity: .warning,
            message: "\(total) U into the SCM this session (\(bySide)): the label advises at most \(limit.value) U "
                + "(dysphagia risk).",
            source: limit.source)]
    }

    static func siteFindings(_ session: Session) -> [SafetyFinding] {
        let limit = SafetyLimits.unitsPerSite
        return session.points.filter { $0.units > limit.value }.map { point in
            SafetyFinding(
                rule: SafetyRule.siteMaximum, severity: .warning,
                message: "\(point.units) U at one site (\(point.region.name), \(point.side.letter)): the label allows "
                    + "at most \(limit.value) U per site.",
                source: limit.source, point: point.id)
        }
    }
}
