import Foundation

extension SafetyChecker {
    /// Every vial the session drew from: the session's, then each other vial with the first point using it.
    static func vials(of session: Session) -> [(product: Vial, point: RecordID?)] {
        session.vials.enumerated().map { index, vial in
            (vial, index == 0 ? nil : session.points.first { $0.vial == vial.id }?.id)
        }
    }

    /// Lots past their expiry on the session's day; a lot expiring that day may still be used.
    static func lotFindings(_ session: Session, timeZone: TimeZone) -> [SafetyFinding] {
        let day = session.day(in: timeZone)
        return vials(of: session).compactMap { vial in
            guard let expiry = vial.product.expiry, expiry < day else { return nil }
            return SafetyFinding(
                rule: SafetyRule.lotExpired, severity: .block,
                message: "Lot \(vial.product.lot) (\(vial.product.product)) expired on \(expiry), before this session "
                    + "(\(day)): use an unexpired vial.",
                source: .lotExpiry, point: vial.point)
        }
    }

    /// Vials older than their product's lifetime at `time` (see `checkTime`); exactly at the lifetime is still fine.
    static func vialFindings(_ context: Context, at time: Date) -> [SafetyFinding] {
        vials(of: context.session).compactMap { vial in
            guard let lifetimeHours = context.rules.products.product(vial.product.product)?.useWithinHours,
                  let mixed = vial.product.reconstitutedAt?.date,
                  mixed.addingTimeInterval(TimeInterval(lifetimeHours) * secondsPerHour) < time
            else { return nil }
            let when = time == context.session.startedAt.date ? "the session's start" : dayTime(time, context.timeZone)
            return SafetyFinding(
                rule: SafetyRule.vialLifetime, severity: .warning,
                message: "Vial of \(vial.product.product) lot \(vial.product.lot) reconstituted \(dayTime(mixed, context.timeZone)), "
                    + "\(duration(time.timeIntervalSince(mixed))) before \(when): use within \(lifetimeHours) h of reconstitution.",
                source: SafetySource(
                    .label, text: "product label, use within \(lifetimeHours) h of reconstitution, refrigerated"),
                point: vial.point)
        }
    }

    static let secondsPerHour: TimeInterval = 3_600

    /// `24 h 0 min 1 s`: whole seconds, rounded down; from three days on, whole days (`944 days`).
    static func duration(_ interval: TimeInterval) -> String {
        let seconds = Int(interval.rounded(.down))
        if seconds >= 3 * 86_400 { return "\(seconds / 86_400) days" }
        return "\(seconds / 3_600) h \(seconds % 3_600 / 60) min \(seconds % 60) s"
    }
}
