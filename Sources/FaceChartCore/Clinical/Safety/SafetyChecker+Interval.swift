extension SafetyChecker {
    /// Retreatment of the same indication, a full treatment of another indication with the same ingredient,
    /// and another ingredient within the other-toxin interval. Checked before the first point too, so the
    /// injector is warned before injecting.
    static func intervalFindings(_ context: Context) -> [SafetyFinding] {
        retreatmentFindings(context) + otherIndicationFindings(context) + otherToxinFindings(context)
    }

    /// The interval for this session's indication and ingredient, from the last full treatment of the same
    /// indication; the Nth day after it is allowed. A top-up of that treatment inside the review window is not
    /// a retreatment.
    static func retreatmentFindings(_ context: Context) -> [SafetyFinding] {
        let session = context.session
        let indications = context.rules.indications
        guard let last = context.earlierTreatments.first(where: { context.rules.indicationKey(of: $0) == context.indication })
        else { return [] }
        let lastDay = last.day(in: context.timeZone)
        let days = lastDay.days(until: context.day)
        let interval = indications.minimumInterval(forIndication: context.indication, ingredient: context.ingredients[0])
        guard days < interval.days else { return [] }
        let review = Timeline.reviewWindow
        let isTopUpOfLast = session.link == Session.Link(kind: .topUp, session: last.id)
        if isTopUpOfLast && review.contains(days) { return [] }
        let label = "not more often than every \(interval.days) days for \(interval.indication.lowercased()) "
            + "with \(interval.ingredient)" + (interval.isIndicationSpecific ? "." : " (no figure for this indication: the general interval).")
        let message = isTopUpOfLast
            ? "Top-up \(daysText(days)) after the session it tops up (\(lastDay)), outside the review window "
                + "(days \(review.lowerBound)-\(review.upperBound)): it counts as a retreatment; \(label)"
            : "Retreatment \(daysText(days)) after the last full session for this indication (\(lastDay)): \(label)"
        return [SafetyFinding(rule: SafetyRule.retreatment, severity: .warning, message: message, source: interval.source)]
    }

    /// The latest full treatment of another indication with an ingredient of this session, when this session
    /// falls inside that indication's interval: the interval is for retreating that indication, so the
    /// finding is a caution pointing at the dose limits, which are checked across indications.
    static func otherIndicationFindings(_ context: Context) -> [SafetyFinding] {
        guard let other = context.earlierTreatments.first(where: { session in
            context.rules.indicationKey(of: session) != context.indication && context.ingredients.contains(context.ingredient(of: session))
        }) else { return [] }
        let key = context.rules.indicationKey(of: other)
        let ingredient = context.ingredient(of: other)
        let interval = context.rules.indications.minimumInterval(forIndication: key, ingredient: ingredient)
        let otherDay = other.day(in: context.timeZone)
        let days = otherDay.days(until: context.day)
        guard days < interval.days else { return [] }
        return [SafetyFinding(
            rule: SafetyRule.otherIndication, severity: .caution,
            message: "\(interval.indication) was treated \(daysText(days)) earlier (\(otherDay)) with \(ingredient): its "
                + "\(interval.days)-day interval is for retreating \(interval.indication.lowercased()); across indications the "
                + "dose limits for \(ingredient) apply and are checked.",
            source: interval.source)]
    }

    /// The latest full treatment with an ingredient this session does not use, within the other-toxin interval.
    static func otherToxinFindings(_ context: Context) -> [SafetyFinding] {
        let within = context.rules.indications.otherToxinWithin
        guard let other = context.earlierTreatments.first(where: { !context.ingredients.contains(context.ingredient(of: $0)) })
        else { return [] }
        let otherDay = other.day(in: context.timeZone)
        let days = otherDay.days(until: context.day)
        guard days < within.days else { return [] }
        return [SafetyFinding(
            rule: SafetyRule.otherToxin, severity: .warning,
            message: "\(context.ingredient(of: other)) (\(other.primaryVial.product)) was given \(daysText(days)) earlier (\(otherDay)); "
                + "this session uses \(context.ingredients.joined(separator: ", ")): another toxin within about "
                + "\(within.days) days, effects may add up and units are not interchangeable.",
            source: within.source)]
    }
}
