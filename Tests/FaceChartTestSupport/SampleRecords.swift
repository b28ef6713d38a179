import FaceChartCore
import Foundation

/// Valid records for tests, built from a few parameters.
public enum SampleRecords {
    /// A date with an awkward binary fraction, to prove dates round-trip exactly.
    public static let awkwardDate = Date(timeIntervalSinceReferenceDate: 736_000_000.123_456_7)

    /// A patient with flags, notes and a date of birth.
    public static func patient(id: String = "patient-1", name: String = "Ada Example") -> Patient {
        Patient(
            id: RecordID(id)!, name: name, dateOfBirth: CalendarDate(year: 1980, month: 2, day: 29), sex: .female,
            flags: [.anticoagulants, .lactation], notes: "Prefers morning visits.\nLine two: \"quoted\" / slash",
            createdAt: awkwardDate)
    }

    /// A vial record.
    public static func product() -> ProductUse {
        ProductUse(
            product: "botox-cosmetic", lot: "C1234A", expiry: CalendarDate(year: 2027, month: 6, day: 30),
            vialUnits: Units(100), diluentHundredthsML: 250, reconstitutedAt: awkwardDate.addingTimeInterval(-3_600.5))
    }

    /// A draft session with `points` valid points spread over the anterior view.
    public static func session(
        id: String = "session-1", patient: String = "patient-1", startedAt: Date = awkwardDate, points: Int = 5
    ) -> Session {
        let regions = Region.allCases
        let list = (0..<points).map { index in
            InjectionPoint(
                id: RecordID("p\(index)")!, view: index % 7 == 6 ? .posterior : .anterior,
                position: FacePoint(x: Double(index % 10) / 10 + 0.05, y: Double(index % 13) / 13 + 0.01),
                region: regions[index % regions.count], side: [.right, .left, .midline][index % 3],
                units: Units(hundredths: 125 + (index % 20) * 25), depth: Depth.allCases[index % 4],
                product: index % 11 == 10 ? product() : nil, note: index % 5 == 0 ? "note \(index)" : "")
        }
        return Session(
            id: RecordID(id)!, patient: RecordID(patient)!, startedAt: startedAt, clinician: "Dr Example",
            indication: Indication(kind: .aesthetic, concern: "Glabellar lines"), product: product(), points: list,
            notes: "Tolerated well.",
            overrides: [Session.Override(rule: "interval", reason: "top-up", at: startedAt.addingTimeInterval(60))])
    }

    /// `session` signed by its clinician.
    public static func signed(_ session: Session) -> Session {
        var signed = session
        signed.status = .signed(
            Signature(signer: "Dr Example", signedAt: session.startedAt.addingTimeInterval(1_800), meaning: "author",
                      contentDigest: session.contentDigest()))
        return signed
    }
}
