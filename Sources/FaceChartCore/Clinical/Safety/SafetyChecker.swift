import Foundation

/// The live safety checks, as one pure function of the session, the patient, their other sessions and the
/// clinical data (`ClinicalRules`: products, indications, limits with their sources).
///
/// Days are whole calendar days in the clinic's time zone. Units of different active ingredients are never
/// added together, and a figure read for one ingredient is never applied to another: a limit lists the
/// ingredients it was read for.
public enum SafetyChecker {
    /// Everything the rules find about `session`, blocks first, then warnings, then cautions.
    ///
    /// - Parameters:
    ///   - history: the patient's other sessions (a copy of `session` itself, by id, is ignored).
    ///   - views: the drawings the points were placed on, for the placement rules.
    ///   - now: the moment of checking; a vial's age is measured at `checkTime(for:now:timeZone:)`.
    public static func findings(
        for session: Session, patient: Patient, history: [Session], views: [ViewKind: FaceView],
        rules: ClinicalRules, now: Date, timeZone: TimeZone
    ) -> [SafetyFinding] {
        let others = history.filter { $0.id != session.id && !$0.isVoided }
        let context = Context(session: session, history: others, patient: patient,
                              rules: rules, timeZone: timeZone)
        var found = flagFindings(context)
        found += ageFindings(context)
        found += intervalFindings(context)
        found += windowFindings(context)
        found += limitFindings(context)
        found += plausibilityFindings(context)
        found += neckFindings(context)
        found += placementFindings(session, views: views)
        found += lotFindings(session, timeZone: timeZone)
        found += vialFindings(context, at: checkTime(for: session, now: now, timeZone: timeZone))
        for index in found.indices where SafetyRule.isOverridable(found[index].rule) {
            found[index].override = session.override(of: found[index].rule)
        }
        found += recordedChoices(session)
        return found.enumerated()
            .sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }
            .map(\.element)
    }

    /// The findings that stop the session: blocks without an override.
    public static func blocking(_ findings: [SafetyFinding]) -> [SafetyFinding] { findings.filter(\.isBlocking) }

    /// Warnings and blocks with no override: what signing goes past.
    public static func open(_ findings: [SafetyFinding]) -> [SafetyFinding] {
        findings.filter { $0.severity >= .warning && !$0.isOverridden }
    }

    /// When a vial's age is measured: now while the session is being charted (a draft started today in the
    /// clinic's time zone); for a signed session, when it was signed; for an older draft, when it started.
    public static func checkTime(for session: Session, now: Date, timeZone: TimeZone) -> Date {
        if let signature = session.signature { return min(signature.signedAt.date, now) }
        if session.day(in: timeZone) == CalendarDate(now, timeZone: timeZone) { return now }
        return min(session.startedAt.date, now)
    }

    /// Choices recorded with a reason (a pattern converted from another ingredient's units, signing past
    /// open warnings), listed so that the `!` overlay shows them with their reasons.
    static func recordedChoices(_ session: Session) -> [SafetyFinding] {
        session.overrides.filter { SafetyRule.isRecordedChoice($0.rule) }.map { choice in
            let what = choice.rule == SafetyRule.signedWithWarnings ? "Signed with warnings open" : "Pattern converted"
            return SafetyFinding(
                rule: choice.rule, severity: .caution, message: "\(what): \(choice.reason)",
                source: SafetySource(.unconfirmed, text: "the clinician's recorded choice"), override: choice)
        }
    }
}
