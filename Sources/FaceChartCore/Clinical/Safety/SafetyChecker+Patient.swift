extension SafetyChecker {
    // MARK: Patient flags

    /// Each flag at its general severity, unless a `FlagRule` makes it stronger for an ingredient of this
    /// session (cow's-milk protein allergy and abobotulinumtoxinA); a rule whose ingredients are not in the
    /// session says so, as a caution.
    static func flagFindings(_ context: Context) -> [SafetyFinding] {
        context.patient.sortedFlags.map { flag in
            let rules = context.rules.limits.flagRules.filter { $0.flag == flag }
            if let rule = rules.first(where: { rule in rule.ingredients.contains(where: context.ingredients.contains) }) {
                let ingredient = rule.ingredients.first(where: context.ingredients.contains)!
                return SafetyFinding(
                    rule: SafetyRule.flag(flag, severity: rule.severity), severity: rule.severity,
                    message: "\(flag.name) and \(ingredient) in this session: \(rule.text)."
                        + (rule.severity == .block ? " Do not inject unless overridden with a recorded reason." : ""),
                    source: rule.source)
            }
            switch flag.severity {
            case .contraindication:
                return SafetyFinding(
                    rule: SafetyRule.flag(flag, severity: .block), severity: .block,
                    message: "Contraindication: \(flag.name). Do not inject unless overridden with a recorded reason.",
                    source: .contraindication)
            case .warning:
                return SafetyFinding(
                    rule: SafetyRule.flag(flag, severity: .warning), severity: .warning, message: warningMessage(flag),
                    source: .labelWarning)
            case .caution:
                if let rule = rules.first {
                    return SafetyFinding(
                        rule: SafetyRule.flag(flag, severity: .caution), severity: .caution,
                        message: "\(flag.name): for \(rule.ingredients.joined(separator: ", ")) \(rule.text); not in this session.",
                        source: rule.source)
                }
                return SafetyFinding(
                    rule: SafetyRule.flag(flag, severity: .caution), severity: .caution,
                    message: "\(flag.name): bruising risk. Note it; not a reason to stop.", source: .bruising)
            }
        }
    }

    static func warningMessage(_ flag: ClinicalFlag) -> String {
        let detail = switch flag {
        case .neuromuscularDisorder: "higher risk of swallowing and breathing problems, even at usual doses"
        case .dysphagiaOrBreathing: "toxin can worsen swallowing and breathing; take care in the neck"
        case .pregnancy: "insufficient data on toxin in pregnancy"
        case .lactation: "insufficient data on toxin in breast milk"
        case .aminoglycosides: "these drugs can strengthen the toxin's effect"
        case .recentOtherToxin: "effects of another toxin may add up; units of different products are not interchangeable"
        case .siteInfection, .toxinHypersensitivity, .anticoagulants, .cowsMilkProteinAllergy: "see the label"
        }
        return "Label warning, \(flag.name): \(detail)."
    }

    // MARK: Age

    /// The patient's age on the session's day against the label ages of each ingredient and the indication.
    static func ageFindings(_ context: Context) -> [SafetyFinding] {
        guard let born = context.patient.dateOfBirth else { return [] }
        let age = born.age(on: context.day)
        var found: [SafetyFinding] = []
        for limit in context.rules.limits.ageLimits where limit.excludes(age: age) {
            for ingredient in context.ingredients where limit.applies(to: ingredient, indication: context.indication) {
                found.append(SafetyFinding(
                    rule: SafetyRule.age, severity: limit.severity,
                    message: "Age \(age) on \(context.day), \(ingredient): \(limit.text).", source: limit.source))
            }
        }
        return found
    }

    // MARK: Neck: both sides, toxin-naive patients

    /// Paired muscles injected on both sides, and a toxin-naive patient (no earlier full treatment) given
    /// more than the label's starting dose.
    static func neckFindings(_ context: Context) -> [SafetyFinding] {
        var found: [SafetyFinding] = []
        let limits = context.rules.limits
        for rule in limits.bilateral {
            let regions = limits.regions(rule.regions)
            for ingredient in context.ingredients where rule.ingredients.contains(ingredient) {
                let right = context.units(of: ingredient, in: regions, side: .right)
                let left = context.units(of: ingredient, in: regions, side: .left)
                guard right > .zero, left > .zero else { continue }
                found.append(SafetyFinding(
                    rule: rule.rule, severity: rule.severity,
                    message: "Both sides of the \(regionText(regions)) injected (R \(right) U, L \(left) U of \(ingredient)): \(rule.text).",
                    source: rule.source))
            }
        }
        guard context.earlierTreatments.isEmpty else { return found }
        for start in limits.naiveStarts {
            for ingredient in context.ingredients where start.applies(to: ingredient, indication: context.indication) {
                let total = context.units(of: ingredient)
                guard total > start.units else { continue }
                found.append(SafetyFinding(
                    rule: SafetyRule.naiveStart, severity: .warning,
                    message: "Toxin-naive patient (no earlier session) given \(total) U of \(ingredient): \(start.text).",
                    source: start.source))
            }
        }
        return found
    }
}
