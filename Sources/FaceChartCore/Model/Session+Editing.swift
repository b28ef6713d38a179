import Foundation

extension Session {
    /// The session's points on one view.
    public func points(on view: ViewKind) -> [InjectionPoint] { points.filter { $0.view == view } }

    /// The dose figures of all points.
    public var summary: DoseSummary { DoseSummary(points: points) }

    /// The dilution the session's vial was mixed at.
    public var dilution: Dilution { Dilution(product) }

    /// The calendar day the session started on.
    public func day(in timeZone: TimeZone = .current) -> CalendarDate { CalendarDate(startedAt, timeZone: timeZone) }
}
