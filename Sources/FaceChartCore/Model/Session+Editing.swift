import Foundation

extension Session {
    /// The session's points on one view.
    public func points(on view: ViewKind) -> [InjectionPoint] { points.filter { $0.view == view } }

    /// The dose figures of all points.
    public var summary: DoseSummary { DoseSummary(points: points) }

    /// The vial the session started with.
    public var primaryVial: Vial { vials[0] }

    /// The vial `point` was drawn from (the first vial if the point names none the session holds).
    public func vial(for point: InjectionPoint) -> Vial { vial(point.vial) ?? primaryVial }

    /// The vial with identifier `id`, if the session holds it.
    public func vial(_ id: RecordID) -> Vial? { vials.first { $0.id == id } }

    /// An identifier for another vial: `v2`, `v3`, ... not yet used in the session.
    public var nextVialID: RecordID {
        var number = vials.count + 1
        while vials.contains(where: { $0.id.rawValue == "v\(number)" }) { number += 1 }
        return RecordID("v\(number)")!
    }

    /// The dilution the session's first vial was mixed at.
    public var dilution: Dilution { Dilution(primaryVial) }

    /// The calendar day the session started on, on the clock that charted it (in `timeZone` for sessions
    /// from format 1, whose clock's offset was not recorded).
    public func day(in timeZone: TimeZone = .current) -> CalendarDate { startedAt.localDay(fallback: timeZone) }
}
