import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Where the time of one keystroke on a 100-point session goes, in this process: the durable save of
/// the session, the index update that follows it, and the screen's update and render. What the
/// terminal adds (ncurses output and the pty) is the rest of the key-to-frame time measured on the
/// real program by scripts/bench.py.
enum KeystrokeBreakdown {
    static func run() throws {
        let root = NSTemporaryDirectory() + "facechart-keys-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try PatientStore(root: root)
        let patient = Patient(
            id: RecordID("keys")!, name: "Key Stroke", dateOfBirth: nil, sex: .unspecified,
            createdAt: Timestamp(milliseconds: 1_700_000_000_000, utcOffsetSeconds: 0))
        try store.createPatient(patient)
        var session = hundredPointSession(patient: patient.id)
        try store.saveSession(session)
        try store.practiceIndex().refresh()

        var counter = 0
        let withIndex = try measure(41) {
            counter += 1
            session.points[counter % 100].units = Units(hundredths: 200 + counter % 2 * 50)
            try store.saveSession(session)
        }
        let plain = try PatientStore(root: root)
        plain.detachIndex()
        _ = try plain.loadSession(patient: patient.id, session: session.id)
        let withoutIndex = try measure(41) {
            counter += 1
            session.points[counter % 100].units = Units(hundredths: 200 + counter % 2 * 50)
            try plain.saveSession(session)
        }

        var views: [ViewKind: FaceView] = [:]
        for kind in ViewKind.allCases { views[kind] = try BundledAssets.faceView(kind) }
        let environment = ScreenEnvironment(
            now: Date(timeIntervalSince1970: 1_700_000_000), makeID: { RecordID.random() }, timeZone: .current,
            views: views, rules: try BundledAssets.clinicalRules(), products: [])
        var screen = ChartingScreen(patient: patient, session: session, views: views)
        _ = screen.update(.key(.tab), environment: environment)
        var keys = 0
        let updates = try measure(201) {
            keys += 1
            _ = screen.update(.key(.character(keys % 2 == 0 ? "+" : "-")), environment: environment)
        }
        let renders = try measure(201) {
            var canvas = Canvas(width: 120, height: 40)
            screen.render(into: &canvas, environment: environment)
        }
        print("keystroke on a 100-point session, in process (median of runs):")
        let save = withoutIndex[withoutIndex.count / 2]
        let indexed = withIndex[withIndex.count / 2]
        print("  durable session save            " + milliseconds(save))
        print("  index update after the save     " + milliseconds(max(0, indexed - save)))
        print("  screen update (+/- on a point)  " + milliseconds(updates[updates.count / 2]))
        print("  screen render (120x40 canvas)   " + milliseconds(renders[renders.count / 2]))
    }

    static func hundredPointSession(patient: RecordID) -> Session {
        let vial = Vial(
            id: Session.firstVialID, product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "C1234A",
            expiry: CalendarDate(year: 2027, month: 6, day: 30), vialUnits: Units(100), diluentHundredthsML: 250)
        let regions = Region.allCases
        let points = (0..<100).map { index in
            InjectionPoint(
                id: RecordID("p\(index)")!, view: .anterior,
                position: FacePoint(x: Double(index % 10) / 10 + 0.05, y: Double(index / 10) / 10 + 0.05),
                region: regions[index % regions.count], side: [.right, .left, .midline][index % 3],
                units: Units(hundredths: 200), depth: .intramuscular, vial: Session.firstVialID)
        }
        return Session(
            id: RecordID("s100")!, patient: patient, startedAt: Timestamp(milliseconds: 1_700_000_000_000, utcOffsetSeconds: 0),
            clinician: Clinician(name: "Dr Bench"), indication: Indication(kind: .aesthetic, concern: "Glabellar lines"),
            vials: [vial], points: points)
    }
}
