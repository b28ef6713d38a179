import FaceChartAssets
import FaceChartCore
import Foundation

/// Small records for the safety tests: one product, plain points, sessions on chosen days.
enum SafetyFixture {
    static let timeZone = TimeZone(identifier: "UTC")!
    static let day0 = CalendarDate(year: 2026, month: 7, day: 16)!
    static let patientID = RecordID("patient-s")!

    static let clinician = Clinician(name: "Dr Test")

    /// 10:00 on `day` in `timeZone`, charted on a clock in that zone.
    static func date(_ day: CalendarDate, hour: Int = 10, minute: Int = 0, timeZone: TimeZone = timeZone) -> Timestamp {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
        return Timestamp(date, timeZone: timeZone)
    }

    /// 5 x 3 cells, midline at column 2:
    ///
    ///     row 0  frontalis
    ///     row 1  frontalis in the lower-forehead danger band
    ///     row 2  lateral orbicularis oculi at the edges, an eye (no injection) in the middle
    static func view() -> FaceView {
        try! FaceView(
            kind: .anterior,
            art: ["~~~~~", "-----", "(o o)"],
            mask: ["FFFFF", "fffff", "o # o"],
            legend: [
                "F": .init(region: .frontalis),
                "f": .init(region: .frontalis, danger: .lowerForehead),
                "o": .init(region: .orbicularisOculiLateral),
                "#": .init(),
            ],
            source: "W: safety test drawing")
    }

    static func views() -> [ViewKind: FaceView] { [.anterior: view()] }

    /// A safe spot: frontalis, row 0, column 2.
    static var safePosition: FacePoint { view().position(column: 2, row: 0) }

    /// A vial of `key`; 1000 U by default so that the vial-total check stays quiet unless a test wants it.
    static func product(
        _ key: String = "botox", expiry: CalendarDate? = nil, reconstitutedAt: Timestamp? = nil, lot: String = "LOT1",
        id: String = "v1", vialUnits: Units = Units(1000), diluentHundredthsML: Int = 2_500
    ) -> Vial {
        Vial(
            id: RecordID(id)!, product: key, ingredient: rules.ingredient(of: key), lot: lot, expiry: expiry,
            vialUnits: vialUnits, diluentHundredthsML: diluentHundredthsML, reconstitutedAt: reconstitutedAt)
    }

    /// The shipped products, indications and limits (assets/clinical).
    static let rules: ClinicalRules = try! BundledAssets.clinicalRules()

    static func point(
        _ id: String, units: Units, region: Region = .frontalis, side: Side = .midline, position: FacePoint? = nil,
        product: Vial? = nil
    ) -> InjectionPoint {
        InjectionPoint(
            id: RecordID(id)!, view: .anterior, position: position ?? safePosition, region: region, side: side,
            units: units, depth: .intramuscular, vial: product?.id ?? Session.firstVialID)
    }

    /// `total` split into points of at most `each` (40 U by default, under the per-site label limit), on the midline.
    static func points(
        totalling total: Units, region: Region = .frontalis, prefix: String = "p", each: Units = Units(40), side: Side = .midline
    ) -> [InjectionPoint] {
        var left = total.hundredths
        var result: [InjectionPoint] = []
        while left > 0 {
            let units = min(left, each.hundredths)
            result.append(point("\(prefix)\(result.count)", units: Units(hundredths: units), region: region, side: side))
            left -= units
        }
        return result
    }

    static func session(
        _ id: String, day: CalendarDate, points: [InjectionPoint], concern: String = "Glabellar lines",
        link: Session.Link? = nil, product: Vial? = nil, otherVials: [Vial] = [], hour: Int = 10
    ) -> Session {
        Session(
            id: RecordID(id)!, patient: patientID, startedAt: date(day, hour: hour), clinician: clinician,
            indication: indication(concern),
            vials: [product ?? self.product()] + otherVials, points: points, link: link)
    }

    /// An indication as session setup records it: the kind from the words, the key from the catalogue.
    static func indication(_ concern: String) -> Indication {
        let kind: Indication.Kind = concern.lowercased().contains("lines") ? .aesthetic : .medical
        return Indication(kind: kind, concern: concern, key: rules.indications.key(forConcern: concern, kind: kind))
    }

    static func patient(flags: Set<ClinicalFlag> = [], born: CalendarDate? = nil) -> Patient {
        Patient(id: patientID, name: "Test Patient", dateOfBirth: born, sex: .female, flags: flags, createdAt: date(day0))
    }

    static func check(
        _ session: Session, history: [Session] = [], patient: Patient = patient(), views: [ViewKind: FaceView] = views(),
        now: Date? = nil, timeZone: TimeZone = timeZone
    ) -> [SafetyFinding] {
        SafetyChecker.findings(
            for: session, patient: patient, history: history, views: views, rules: rules, now: now ?? session.startedAt.date,
            timeZone: timeZone)
    }

    static func findings(_ rule: String, _ session: Session, history: [Session] = [], patient: Patient = patient(),
                         now: Date? = nil, timeZone: TimeZone = timeZone) -> [SafetyFinding] {
        check(session, history: history, patient: patient, now: now, timeZone: timeZone).filter { $0.rule == rule }
    }
}
