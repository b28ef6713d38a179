import Foundation

/// The vials opened at one chair, newest first. Each is entered once (product, lot, expiry, size, saline,
/// mixing time) and offered to every session set up at the chair the same day; a vial opened on an
/// earlier day is kept for a week so that it can be chosen on purpose, never offered first.
public struct ChairVials: Hashable, Sendable {
    /// One vial as the chair keeps it: the vial, when it was entered and by whom.
    public struct Entry: Hashable, Sendable {
        /// The vial; its `id` is given by each session that uses it.
        public var vial: Vial
        public var openedAt: Timestamp
        public var openedBy: Clinician

        public init(vial: Vial, openedAt: Timestamp, openedBy: Clinician) {
            var vial = vial
            vial.id = Session.firstVialID
            self.vial = vial
            self.openedAt = openedAt
            self.openedBy = openedBy
        }

        /// The day the vial was entered, on the clock that entered it.
        public func day(in timeZone: TimeZone) -> CalendarDate { openedAt.localDay(fallback: timeZone) }
    }

    /// How many days an entry is kept after the day it was opened.
    static let keptDays = 7
    /// The most vials kept, newest first.
    static let maximumCount = 24

    /// Newest first.
    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries.sorted { $0.openedAt > $1.openedAt }
    }

    /// The vials entered on `day`, newest first.
    public func opened(on day: CalendarDate, timeZone: TimeZone) -> [Entry] {
        entries.filter { $0.day(in: timeZone) == day }
    }

    /// The vials entered before `day` (and still kept), newest first.
    public func opened(before day: CalendarDate, timeZone: TimeZone) -> [Entry] {
        entries.filter { $0.day(in: timeZone) < day }
    }

    /// The entry holding the same vial as `vial` (batch, size, saline and mixing time), if any.
    public func entry(holding vial: Vial) -> Entry? {
        entries.first { $0.vial.isSameVial(as: vial) }
    }

    /// The list with `vial` entered at `moment`, first; a vial already entered that day stays where it is,
    /// one entered on an earlier day moves to `moment` (it is in use today). Entries opened more than
    /// `keptDays` before that day, and beyond `maximumCount`, are dropped.
    public func opening(_ vial: Vial, at moment: Timestamp, by clinician: Clinician, timeZone: TimeZone) -> ChairVials {
        let day = moment.localDay(fallback: timeZone)
        var kept = entries
        if let existing = entry(holding: vial), existing.day(in: timeZone) == day { return self }
        kept.removeAll { $0.vial.isSameVial(as: vial) }
        kept.insert(Entry(vial: vial, openedAt: moment, openedBy: clinician), at: 0)
        let oldest = day.adding(days: -Self.keptDays)
        kept.removeAll { $0.day(in: timeZone) < oldest }
        return ChairVials(entries: Array(kept.prefix(Self.maximumCount)))
    }

    /// Why the list is not sound, or `nil`.
    public var problem: ValidationError? {
        entries.lazy.compactMap { $0.vial.problem ?? $0.openedBy.problem }.first
    }
}
