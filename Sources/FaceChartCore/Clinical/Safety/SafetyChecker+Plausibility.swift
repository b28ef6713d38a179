extension SafetyChecker {
    /// Figures that are possible but unlikely to be meant: a region far above its label dose, one side of a
    /// region far above the other when nobody asked for asymmetry, more units than the vials held.
    static func plausibilityFindings(_ context: Context) -> [SafetyFinding] {
        regionDoseFindings(context) + asymmetryFindings(context) + vialTotalFindings(context)
    }

    static func regionDoseFindings(_ context: Context) -> [SafetyFinding] {
        let limits = context.rules.limits
        let multiple = limits.regionDoseMultiple
        var found: [SafetyFinding] = []
        for dose in limits.regionDoses {
            let regions = limits.regions(dose.regions)
            for ingredient in context.ingredients where dose.applies(to: ingredient, indication: context.indication) {
                let total = context.units(of: ingredient, in: regions)
                guard total.value > dose.units.value * multiple.value else { continue }
                found.append(SafetyFinding(
                    rule: SafetyRule.regionDose, severity: .warning,
                    message: "\(total) U of \(ingredient) in \(dose.name) this session: more than \(figureText(multiple.value)) x "
                        + "the label dose of \(dose.units) U.",
                    source: dose.source.combined(with: multiple.source)))
            }
        }
        return found
    }

    /// Per region and ingredient, both sides treated and the larger more than `ratio` times the smaller.
    static func asymmetryFindings(_ context: Context) -> [SafetyFinding] {
        let rule = context.rules.limits.asymmetry
        guard !rule.exemptIndications.contains(context.indication) else { return [] }
        var found: [SafetyFinding] = []
        for ingredient in context.ingredients {
            for region in Region.allCases {
                let right = context.units(of: ingredient, in: [region], side: .right)
                let left = context.units(of: ingredient, in: [region], side: .left)
                guard right > .zero, left > .zero else { continue }
                let (larger, smaller) = right > left ? (right, left) : (left, right)
                guard larger.value > smaller.value * rule.ratio, larger - smaller > rule.minimumDifference else { continue }
                found.append(SafetyFinding(
                    rule: SafetyRule.asymmetry, severity: .warning,
                    message: "\(region.name): R \(right) U vs L \(left) U of \(ingredient), more than \(figureText(rule.ratio)) x apart; "
                        + "asymmetry not asked for (O records why it is meant).",
                    source: rule.source))
            }
        }
        return found
    }

    /// Per vial, the units charted from it against the units it holds.
    static func vialTotalFindings(_ context: Context) -> [SafetyFinding] {
        vials(of: context.session).compactMap { entry in
            let vial = entry.product
            let drawn = context.doses.filter { $0.vial == vial }.map(\.point.units).total()
            guard drawn > vial.vialUnits else { return nil }
            return SafetyFinding(
                rule: SafetyRule.vialTotal, severity: .warning,
                message: "\(drawn) U charted from one \(vial.vialUnits) U vial of \(vial.product) (lot \(vial.lot)): more than "
                    + "it holds; record the other vials the doses came from.",
                source: context.rules.limits.vialTotal, point: entry.point)
        }
    }
}
