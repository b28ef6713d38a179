import Foundation

extension SafetyChecker {
    /// One point with the vial it was drawn from and that vial's active ingredient.
    struct PointDose {
        var point: InjectionPoint
        var vial: Vial
        var ingredient: String

        /// The volume the dose took at its vial's dilution, in mL.
        var millilitres: Double { Dilution(vial).millilitres(for: point.units) }
    }

    /// What every rule needs to know about the session being checked, worked out once.
    struct Context {
        let session: Session
        /// The patient's other sessions.
        let history: [Session]
        let patient: Patient
        let rules: ClinicalRules
        let timeZone: TimeZone
        let day: CalendarDate
        /// The session's indication key (`IndicationCatalogue`).
        let indication: String
        let doses: [PointDose]
        /// The ingredients of the session's vial and of every point, in order of first use.
        let ingredients: [String]

        init(session: Session, history: [Session], patient: Patient, rules: ClinicalRules, timeZone: TimeZone) {
            self.session = session
            self.history = history
            self.patient = patient
            self.rules = rules
            self.timeZone = timeZone
            day = session.day(in: timeZone)
            indication = rules.indicationKey(of: session)
            doses = session.points.map { point in
                let vial = session.vial(for: point)
                return PointDose(point: point, vial: vial, ingredient: rules.ingredient(of: vial))
            }
            var ingredients = [rules.ingredient(of: session.primaryVial)]
            for dose in doses where !ingredients.contains(dose.ingredient) { ingredients.append(dose.ingredient) }
            self.ingredients = ingredients
        }

        /// The units of `ingredient` this session, optionally only in `regions` and on `side`.
        func units(of ingredient: String, in regions: Set<Region>? = nil, side: Side? = nil) -> Units {
            doses.filter { dose in
                dose.ingredient == ingredient && (regions?.contains(dose.point.region) ?? true) && (side.map { dose.point.side == $0 } ?? true)
            }.map(\.point.units).total()
        }

        /// Full treatments of the patient before this session, newest first.
        var earlierTreatments: [Session] {
            history.filter { $0.isTreatment && $0.startedAt < session.startedAt }.sorted { $0.startedAt > $1.startedAt }
        }

        /// The ingredient of another session's vial.
        func ingredient(of other: Session) -> String { rules.ingredient(of: other.primaryVial) }
    }

    /// `2026-10-14 08:05` in `timeZone`.
    static func dayTime(_ date: Date, _ timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(CalendarDate(date, timeZone: timeZone)) \(pad(parts.hour ?? 0)):\(pad(parts.minute ?? 0))"
    }

    static func daysText(_ days: Int) -> String { days == 1 ? "1 day" : "\(days) days" }

    /// `2.5`, `10`, `1.25`: at most two decimals, no trailing zeros.
    static func figureText(_ value: Double) -> String { Units(hundredths: Int((value * 100).rounded())).description }

    /// `0.25 mL`.
    static func millilitresText(_ value: Double) -> String { "\(figureText(value)) mL" }

    /// `SCM` or `procerus and corrugator`, by region names.
    static func regionText(_ regions: Set<Region>) -> String {
        let names = Region.allCases.filter(regions.contains).map(\.name)
        return names.count <= 2 ? names.joined(separator: " and ") : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
