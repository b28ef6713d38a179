/// A limit in words, with where it comes from: what `facechart templates` and the `!` overlay list.
public struct DescribedLimit: Hashable, Sendable {
    public var text: String
    public var source: SafetySource
}

extension ClinicalRules {
    /// The active ingredients the data knows, in the order the products list them.
    public var ingredients: [String] {
        var result: [String] = []
        for product in products.products where !result.contains(product.ingredient) { result.append(product.ingredient) }
        return result
    }

    /// Every limit and threshold in force for `ingredient`; for one indication when `indication` is given, else
    /// for all (each marked with the indications it is limited to).
    public func describedLimits(ingredient: String, indication: String? = nil) -> [DescribedLimit] {
        func applies(_ rule: IngredientScoped) -> Bool {
            rule.ingredients.contains(ingredient) && (indication.map { key in rule.indications?.contains(key) ?? true } ?? true)
        }
        func only(_ keys: [String]?) -> String {
            guard indication == nil, let keys else { return "" }
            let aesthetic = indications.indications.filter { $0.kind == .aesthetic }.map(\.key)
            if Set(keys) == Set(aesthetic) { return " (aesthetic indications)" }
            return " (" + keys.map { indications.entry($0)?.name.lowercased() ?? $0 }.joined(separator: ", ") + ")"
        }
        func regionsText(_ names: [String]?) -> String {
            guard let names else { return "" }
            let words = names.map { name in
                Region(rawValue: name).map { $0.name.uppercased() == $0.name ? $0.name : $0.name.lowercased() } ?? name
            }
            return " in the " + words.joined(separator: ", ")
        }
        var result: [DescribedLimit] = []
        for limit in limits.doseLimits where applies(limit) {
            let figure = limit.units.map { "\($0) U" } ?? limit.millilitres.map { "\(Units(hundredths: Int(($0 * 100).rounded()))) mL" } ?? ""
            let scope = switch limit.scope {
            case .site: "per site" + regionsText(limit.regions)
            case .region: "per session" + regionsText(limit.regions) + (limit.perSide == true ? ", each side" : "")
            case .session: "per session"
            case .window: "in any \(limit.days ?? 0) days"
            }
            result.append(DescribedLimit(
                text: "\(limit.severity.name): at most \(figure) \(scope)\(only(limit.indications))", source: limit.source))
        }
        let multiple = limits.regionDoseMultiple
        for dose in limits.regionDoses where applies(dose) {
            result.append(DescribedLimit(
                text: "warning: \(dose.name) above \(Units(hundredths: Int((multiple.value * 100).rounded()))) x \(dose.units) U per session",
                source: dose.source.combined(with: multiple.source)))
        }
        for start in limits.naiveStarts where applies(start) {
            result.append(DescribedLimit(text: "warning: toxin-naive patient above \(start.units) U\(only(start.indications))", source: start.source))
        }
        for age in limits.ageLimits where applies(age) {
            let range = [age.minimumAge.map { "from \($0)" }, age.maximumAge.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
            result.append(DescribedLimit(text: "\(age.severity.name): ages \(range)\(only(age.indications))", source: age.source))
        }
        for rule in limits.flagRules where rule.ingredients.contains(ingredient) {
            result.append(DescribedLimit(text: "\(rule.severity.name): patient flag \(rule.flag.name)", source: rule.source))
        }
        for rule in limits.bilateral where rule.ingredients.contains(ingredient) {
            result.append(DescribedLimit(text: "\(rule.severity.name): both sides of the \(rule.regions.joined(separator: ", "))", source: rule.source))
        }
        let keys = indication.map { [$0] } ?? indications.indications.map(\.key)
        for key in keys {
            let interval = indications.minimumInterval(forIndication: key, ingredient: ingredient)
            guard interval.isIndicationSpecific || indication != nil else { continue }
            result.append(DescribedLimit(
                text: "warning: retreating \(interval.indication.lowercased()) sooner than \(interval.days) days", source: interval.source))
        }
        if indication == nil {
            let general = indications.minimumInterval(forIndication: IndicationCatalogue.otherKey(.aesthetic), ingredient: ingredient)
            result.append(DescribedLimit(text: "warning: retreatment sooner than \(general.days) days where no indication figure", source: general.source))
        }
        let other = indications.otherToxinWithin
        result.append(DescribedLimit(text: "warning: another toxin within \(other.days) days", source: other.source))
        let asymmetry = limits.asymmetry
        if !(indication.map(asymmetry.exemptIndications.contains) ?? false) {
            result.append(DescribedLimit(
                text: "warning: one side of a region above \(Units(hundredths: Int((asymmetry.ratio * 100).rounded()))) x the other",
                source: asymmetry.source))
        }
        return result
    }
}
