import Foundation

/// The dates that follow from a treatment: the two-week review and the earliest next full treatment.
/// Figures from clinical reference: review at day 10-14 (window kept open to day 21), top-ups not before
/// day 14 (P/W); the retreatment interval comes from `IndicationCatalogue.minimumInterval`.
public enum Timeline {
    /// The review window, in days after the treatment.
    public static let reviewWindow = 10...21
    /// The day from which a review is expected.
    public static let reviewDay = 14
    /// The earliest day a top-up is usual.
    public static let earliestTopUpDay = 14

    /// Whether `session` (a full treatment) is due its review on `today`: inside the review window and
    /// with no review that scored an outcome (a top-up alone is not a review). `window` is the days after
    /// the treatment its indication is reviewed in (the two-week window by default).
    public static func isReviewDue(
        _ session: Session, reviews: [Review], today: CalendarDate, timeZone: TimeZone, window: ClosedRange<Int> = reviewWindow
    ) -> Bool {
        guard session.isTreatment else { return false }
        let days = session.day(in: timeZone).days(until: today)
        guard window.contains(days) else { return false }
        return !reviews.contains { $0.session == session.id && $0.isDone }
    }

    /// The date the review of a treatment on `day` falls due.
    public static func reviewDate(after day: CalendarDate) -> CalendarDate { day.adding(days: reviewDay) }

    /// The earliest date for the next full treatment of the same indication after `session`, at the interval
    /// for its indication and active ingredient.
    public static func nextTreatmentDate(after session: Session, rules: ClinicalRules, timeZone: TimeZone) -> CalendarDate {
        session.day(in: timeZone).adding(days: rules.minimumInterval(after: session).days)
    }
}
