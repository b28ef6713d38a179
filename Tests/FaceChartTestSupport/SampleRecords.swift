import FaceChartCore
import Foundation

/// Valid records for tests, built from a few parameters.
public enum SampleRecords {
    /// A moment charted on a clock at UTC+05:30, to prove offsets are kept.
    public static let awkwardDate = Timestamp(milliseconds: 1_714_307_200_123, utcOffsetSeconds: 19_800)

    /// The clinician of the sample records.
    public static let clinician = Clinician(id: RecordID("dr-example")!, name: "Dr Example", role: "dermatologist")

    /// Glabellar lines, by key.
    public static let glabellarLines = Indication(kind: .aesthetic, concern: "Glabellar lines", key: "glabellar-lines")

    /// A patient with flags, notes and a date of birth.
    public static func patient(id: String = "patient-1", name: String = "Ada Example") -> Patient {
        Patient(
            id: RecordID(id)!, name: name, dateOfBirth: CalendarDate(year: 1980, month: 2, day: 29), sex: .female,
            flags: [.anticoagulants, .lactation], notes: "Prefers morning visits.\nLine two: \"quoted\" / slash",
            createdAt: awkwardDate)
    }

    /// A vial record.
    public static func product(id: String = "v1", lot: String = "C1234A") -> Vial {
        Vial(
            id: RecordID(id)!, product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: lot,
            expiry: CalendarDate(year: 2027, month: 6, day: 30), vialUnits: Units(100), diluentHundredthsML: 250,
            reconstitutedAt: awkwardDate.adding(seconds: -3_600.5))
    }

    /// A draft session with `points` valid points spread over the anterior view; every eleventh point
    /// is drawn from a second vial.
    public static func session(
        id: String = "session-1", patient: String = "patient-1", startedAt: Timestamp = awkwardDate, points: Int = 5
    ) -> Session {
        let regions = Region.allCases
        let list = (0..<points).map { index in
            InjectionPoint(
                id: RecordID("p\(index)")!, view: index % 7 == 6 ? .posterior : .anterior,
                position: FacePoint(x: Double(index % 10) / 10 + 0.05, y: Double(index % 13) / 13 + 0.01),
                region: regions[index % regions.count], side: [.right, .left, .midline][index % 3],
                units: Units(hundredths: 125 + (index % 20) * 25), depth: Depth.allCases[index % 4],
                vial: RecordID(index % 11 == 10 ? "v2" : "v1")!, note: index % 5 == 0 ? "note \(index)" : "")
        }
        return Session(
            id: RecordID(id)!, patient: RecordID(patient)!, startedAt: startedAt, clinician: clinician,
            indication: glabellarLines, vials: [product(), product(id: "v2", lot: "C9999B")], points: list,
            notes: "Tolerated well.",
            overrides: [Session.Override(rule: "interval", reason: "top-up", at: startedAt.adding(seconds: 60), by: clinician)])
    }

    /// `session` signed by its clinician, half an hour after it started.
    public static func signed(_ session: Session) -> Session {
        try! session.signed(by: clinician, at: session.startedAt.adding(seconds: 1_800), meaning: "author")
    }
}

extension Timestamp {
    /// A moment `seconds` after 1970 UTC, charted on a clock at UTC.
    public static func utc(_ seconds: Double) -> Timestamp {
        Timestamp(milliseconds: Int64((seconds * 1000).rounded()), utcOffsetSeconds: 0)
    }
}
