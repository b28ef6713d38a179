import Foundation

/// The live safety checks of clinical.md's Safety and Placement tables, as one pure function.
///
/// Days are whole calendar days in the clinic's time zone. Retreatment intervals run from the last full
/// treatment (`Session.isTreatment`: not a top-up, at least one point). Units of different active
/// ingredients are never added together, and a label's dose cap applies only to the ingredient it is for.
public enum SafetyChecker {
    /// Everything the rules find about `session`, blocks first, then warnings, then cautions.
    ///
    /// - Parameters:
    ///   - history: the patient's other sessions (a copy of `session` itself, by id, is ignored).
    ///   - views: the drawings the points were placed on, for the placement rules.
    ///   - reconstitutionLifetimeHours: how long the product keeps after reconstitution (24 h for
    ///     Botox, Xeomin, Jeuveau and Dysport, 72 h for Daxxify); `nil` skips the vial check.
    ///   - now: the moment of checking, for the vial's age.
    ///   - activeIngredient: a product key's active ingredient (`Product.genericName`, e.g. `botox` and
    ///     `botox-cosmetic` -> `onabotulinumtoxinA`); dose totals are kept per ingredient, and the Botox
    ///     label's caps apply to onabotulinumtoxinA only. A key it returns `nil` for is its own ingredient.
    ///     The default takes each key as its own ingredient, so the onabotulinumtoxinA caps stay silent
    ///     for keys like `botox`: pass the catalogue's lookup.
    public static func findings(
        for session: Session, patient: Patient, history: [Session], views: [ViewKind: FaceView],
        reconstitutionLifetimeHours: Int?, now: Date, timeZone: TimeZone,
        activeIngredient: (String) -> String? = { $0 }
    ) -> [SafetyFinding] {
        let others = history.filter { $0.id != session.id && !$0.isVoided }
        var found = flagFindings(patient)
        found += retreatmentFindings(session, history: others, timeZone: timeZone)
        found += cumulativeFindings(session, history: others, timeZone: timeZone, activeIngredient: activeIngredient)
        found += blepharospasmFindings(session, history: others, timeZone: timeZone, activeIngredient: activeIngredient)
        found += sternocleidomastoidFindings(session)
        found += siteFindings(session)
        found += placementFindings(session, views: views)
        found += lotFindings(session, timeZone: timeZone)
        found += vialFindings(session, lifetimeHours: reconstitutionLifetimeHours, now: now, timeZone: timeZone)
        for index in found.indices where SafetyRule.isOverridable(found[index].rule) {
            found[index].override = session.override(of: found[index].rule)
        }
        return found.enumerated()
            .sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }
            .map(\.element)
    }

    /// The findings that stop the session: blocks without an override.
    public static func blocking(_ findings: [SafetyFinding]) -> [SafetyFinding] { findings.filter(\.isBlocking) }

    // MARK: Patient flags

    static func flagFindings(_ patient: Patient) -> [SafetyFinding] {
        patient.sortedFlags.map { flag in
            switch flag.severity {
            case .contraindication:
                SafetyFinding(
                    rule: SafetyRule.flag(flag), severity: .block,
                    message: "Contraindication: \(flag.name). Do not inject unless overridden with a recorded reason.",
                    source: .contraindication)
            case .warning:
                SafetyFinding(rule: SafetyRule.flag(flag), severity: .warning, message: warningMessage(flag), source: .labelWarning)
            case .caution:
                SafetyFinding(
                    rule: SafetyRule.flag(flag), severity: .caution,
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
        case .siteInfection, .toxinHypersensitivity, .anticoagulants: "see the label"
        }
        return "Label warning, \(flag.name): \(detail)."
    }

    // MARK: Retreatment interval

    /// The shortest interval for `session`'s indication (migraine 84, sialorrhea 112, dystonia 84, else 90
    /// days), with the words that name it in the message.
    static func retreatmentLimit(for session: Session) -> (days: SafetyLimits.Limit<Int>, indication: String?) {
        guard let interval = SafetyLimits.retreatmentInterval(forConcern: session.indication.concern) else {
            return (SafetyLimits.retreatmentDays, nil)
        }
        return (interval.days, interval.indication)
    }

    /// Checked before the first point too, so the injector is warned before injecting. The interval is the
    /// one for this session's indication; the Nth day after the last full treatment is allowed.
    static func retreatmentFindings(_ session: Session, history: [Session], timeZone: TimeZone) -> [SafetyFinding] {
        let fullSessions = history.filter { $0.isTreatment && $0.startedAt < session.startedAt }
        guard let last = fullSessions.max(by: { $0.startedAt < $1.startedAt }) else { return [] }
        let lastDay = last.day(in: timeZone)
        let days = lastDay.days(until: session.day(in: timeZone))
        let (limit, indication) = retreatmentLimit(for: session)
        guard days < limit.value else { return [] }
        let review = SafetyLimits.topUpReviewWindow.value
        let isTopUpOfLast = session.link == Session.Link(kind: .topUp, session: last.id)
        if isTopUpOfLast && review.contains(days) { return [] }
        let label = "the label says not more often than every \(limit.value) days"
            + (indication.map { " for \($0)." } ?? ".")
        let message = isTopUpOfLast
            ? "Top-up \(daysText(days)) after the session it tops up (\(lastDay)), outside the review window "
                + "(days \(review.lowerBound)-\(review.upperBound)): it counts as a retreatment; \(label)"
            : "Retreatment \(daysText(days)) after the last full session (\(lastDay)): \(label)"
        return [SafetyFinding(rule: SafetyRule.retreatment, severity: .warning, message: message, source: limit.source)]
    }

    static func daysText(_ days: Int) -> String { days == 1 ? "1 day" : "\(days) days" }
}
