import FaceChartCore
import FaceChartUI
import Foundation

/// What screens need from the world, injected so that tests can fix the clock and the ids. The clock is a
/// value: the app reads it into the environment when the loop reports the time (`AppEvent.clockRead`), so
/// that nothing reads the clock while drawing.
public struct ScreenEnvironment: Sendable {
    /// The time as last read, before the event being handled.
    public var now: Date
    public var makeID: @Sendable () -> RecordID
    public var timeZone: TimeZone
    /// The face drawings, by view.
    public var views: [ViewKind: FaceView]
    /// Products, indications and limits: what the safety checks, the pen and the pattern picker work from.
    public var rules: ClinicalRules
    /// The products a session can be set up with, in the order offered.
    public var products: [ProductChoice]
    /// Treatment patterns: the built-in ones, then the user's own.
    public var patterns: [TreatmentPattern]
    /// The outcome scales and each indication's review measures and timing.
    public var outcomes: OutcomeCatalogue?
    /// Who is at the keyboard: the author of corrections and the default clinician of new records.
    public var user: Clinician
    /// The vials opened at this chair, offered to every session set up today; the app keeps it current.
    public var chairVials = ChairVials()
    /// The glyphs the terminal's locale can draw.
    public var glyphs: Glyphs = .unicode
    /// The terminal's columns and rows, for what an event means where (a click on a list row, a
    /// page of scrolling); the app keeps it current.
    public var screenSize: (width: Int, height: Int) = (80, 24)
    /// Why nothing can be written in the data folder (a read-only disk, no permission), or nil.
    public var readOnly: String?

    /// `products` defaults to every product of the catalogue with its default vial and saline.
    public init(
        now: Date, makeID: @escaping @Sendable () -> RecordID, timeZone: TimeZone,
        views: [ViewKind: FaceView], rules: ClinicalRules, products: [ProductChoice]? = nil, patterns: [TreatmentPattern] = [],
        user: Clinician = Clinician(name: "Clinician")
    ) {
        self.user = user
        self.now = now
        self.makeID = makeID
        self.timeZone = timeZone
        self.views = views
        self.rules = rules
        self.products = products ?? rules.products.products.map(ProductChoice.init)
        self.patterns = patterns
    }


    /// Display name for a product key (the key itself when the catalogue does not know it).
    public func productName(_ key: String) -> String {
        products.first { $0.key == key }?.name ?? rules.products.product(key)?.name ?? key
    }

    /// What the review of `session` asks and when it is due (the general two-week review without the catalogue).
    public func reviewPlan(for session: Session) -> ReviewPlan { outcomes?.plan(for: session, rules: rules) ?? .general() }

    /// Whether `session` is due its review today, by its indication's timing.
    public func isReviewDue(_ session: Session, reviews: [Review]) -> Bool {
        Timeline.isReviewDue(session, reviews: reviews, today: today, timeZone: timeZone, window: reviewPlan(for: session).window)
    }

    /// The active ingredient of a product key (the key itself when the catalogue does not say).
    public func ingredient(_ key: String) -> String { rules.ingredient(of: key) }

    /// Now, as records write it: to the millisecond, with the clinic's UTC offset.
    public var timestamp: Timestamp { Timestamp(now, timeZone: timeZone) }

    /// The user when `name` is theirs, else a clinician known by that name.
    public func clinician(named name: String) -> Clinician {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed == user.name ? user : Clinician(name: trimmed)
    }

    /// The chair's vials as the setup form offers them: today's, newest first, then the week before's.
    var vialOffers: [VialOffer] { VialOffer.offers(from: chairVials, today: today, timeZone: timeZone) }

    /// Today in the clinic's time zone.
    public var today: CalendarDate { CalendarDate(now, timeZone: timeZone) }
}
