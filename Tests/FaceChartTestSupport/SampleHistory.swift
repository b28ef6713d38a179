import FaceChartCore
import Foundation

/// A patient's short history for the history and compare tests: a glabellar treatment on 2026-08-20
/// with a top-up at its review on 2026-09-03, and a second, larger treatment 100 days later on
/// 2026-11-28 (the test clock's day). Points sit on cells of `SampleFaceView.anterior()` (11 x 5).
public enum SampleHistory {
    /// 10:00 UTC on a day of 2026, as charted on a clock at UTC.
    public static func date(_ month: Int, _ day: Int, hour: Int = 10) -> Timestamp {
        let calendarDate = CalendarDate(year: 2026, month: month, day: day)!
        return Timestamp(
            milliseconds: Int64(calendarDate.daysSinceEpoch * 86_400 + hour * 3_600) * 1000, utcOffsetSeconds: 0)
    }

    /// A point in the middle of a cell of the 11 x 5 sample drawing.
    public static func point(
        _ id: String, _ region: Region, _ side: Side, _ units: Int, column: Int, row: Int
    ) -> InjectionPoint {
        InjectionPoint(
            id: RecordID(id)!, view: .anterior,
            position: FacePoint(x: (Double(column) + 0.5) / 11, y: (Double(row) + 0.5) / 5), region: region, side: side,
            units: Units(units), depth: .intramuscular)
    }

    /// 2026-08-20: procerus 4, corrugator 4 + 4 (12 U), signed.
    public static func first() -> Session {
        var session = Session(
            id: RecordID("s1")!, patient: RecordID("patient-1")!, startedAt: date(8, 20), clinician: SampleRecords.clinician,
            indication: SampleRecords.glabellarLines, vials: [SampleRecords.product()],
            points: [
                point("a1", .procerus, .midline, 4, column: 5, row: 1),
                point("a2", .corrugator, .right, 4, column: 3, row: 1),
                point("a3", .corrugator, .left, 4, column: 7, row: 1),
            ])
        session = SampleRecords.signed(session)
        return session
    }

    /// 2026-09-03: a 2 U top-up to the right corrugator, linked to `first()`.
    public static func topUp() -> Session {
        var session = Session(
            id: RecordID("t1")!, patient: RecordID("patient-1")!, startedAt: date(9, 3), clinician: SampleRecords.clinician,
            indication: SampleRecords.glabellarLines, vials: [SampleRecords.product()],
            points: [point("b1", .corrugator, .right, 2, column: 4, row: 1)],
            link: Session.Link(kind: .topUp, session: RecordID("s1")!))
        session = SampleRecords.signed(session)
        return session
    }

    /// 2026-11-28 09:00: procerus 8, corrugator 6 + 6, frontalis 2 + 2 (24 U), draft.
    public static func second() -> Session {
        Session(
            id: RecordID("s2")!, patient: RecordID("patient-1")!, startedAt: date(11, 28, hour: 9), clinician: SampleRecords.clinician,
            indication: SampleRecords.glabellarLines, vials: [SampleRecords.product()],
            points: [
                point("c1", .procerus, .midline, 8, column: 5, row: 1),
                point("c2", .corrugator, .right, 6, column: 3, row: 1),
                point("c3", .corrugator, .left, 6, column: 7, row: 1),
                point("c4", .frontalis, .right, 2, column: 2, row: 0),
                point("c5", .frontalis, .left, 2, column: 8, row: 0),
            ])
    }

    /// The review of `first()` on 2026-09-03, with the top-up.
    public static func review() -> Review {
        Review(
            patient: RecordID("patient-1")!, session: RecordID("s1")!, createdAt: date(9, 3), clinician: SampleRecords.clinician,
            outcomes: [
                RegionOutcome(region: .procerus, wrinklesAtRest: 0, wrinklesAtMaximum: 1, symmetry: .even, satisfaction: 4),
                RegionOutcome(region: .corrugator, wrinklesAtRest: 1, wrinklesAtMaximum: 2, symmetry: .rightHigher, satisfaction: 3),
            ],
            sideEffects: [ObservedSideEffect(effect: .headache)], topUp: RecordID("t1")!)
    }

    /// Every session, in no particular order.
    public static func sessions() -> [Session] { [second(), first(), topUp()] }
}
