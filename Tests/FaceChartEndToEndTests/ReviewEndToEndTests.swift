import FaceChartAssets
import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// The two-week visit, with the real binary: review a treatment charted 14 days ago, score it, top it up.
@Suite(.serialized) struct ReviewEndToEndTests {
    /// A patient with a signed glabellar treatment (20 U) started 14 days ago.
    func treatedFourteenDaysAgo(in folder: TemporaryFolder) throws -> (Patient, Session) {
        let store = try PatientStore(root: folder.path)
        let now = Timestamp(Date(), timeZone: .current)
        let patient = Patient(id: RecordID("review-patient")!, name: "Rhea Review", dateOfBirth: CalendarDate("1979-05-01"),
                              sex: .female, createdAt: now)
        try store.createPatient(patient)
        let pattern = try #require(try BundledAssets.patternLibrary().pattern("glabellar-botox-cosmetic"))
        var counter = 0
        var session = Session(
            id: RecordID("treatment")!, patient: patient.id, startedAt: now.adding(seconds: -14 * 86_400),
            clinician: Clinician(name: "AN"), indication: Indication(kind: .aesthetic, concern: "Glabellar lines"),
            vials: [Vial(
                product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "C1234",
                expiry: now.localDay(fallback: .current).adding(days: 200), vialUnits: Units(100), diluentHundredthsML: 250)])
        session.points = pattern.points {
            counter += 1
            return RecordID("point\(counter)")!
        }
        session = try session.signed(
            by: Clinician(name: "AN"), at: session.startedAt.adding(seconds: 600), meaning: "administered and documented")
        try store.saveSession(session)
        return (patient, session)
    }

    @Test func scoreTwoRegionsTopUpTheWeakerSideAndFindItAllAgain() throws {
        let folder = try TemporaryFolder(prefix: "facechart-e2e-review")
        let (patient, original) = try treatedFourteenDaysAgo(in: folder)
        let folderURL = URL(fileURLWithPath: folder.path)

        let first = try TmuxSession(arguments: ["review", patient.id.rawValue], dataFolder: folderURL)
        try first.waitFor("day 14")
        // Procerus: rest 1, maximum 2. Corrugator: rest 0, maximum 1, right side higher (weaker effect on the right).
        try first.send(keys: ["1", "l", "2", "j", "h", "0", "l", "1", "l", "Space", "Space"])
        try first.waitFor("Corrugator    0    1   R higher")
        try first.send("t")
        try first.waitFor("Top-up vial: Enter keeps the treatment's (lot C1234)")
        try first.send(keys: ["Enter", "2", "h", "h", "h", "Enter"])
        try first.waitFor("Placed 2 U IM in Corrugator R.")
        try first.send("q")
        try first.waitFor("Top-up: 2 U in 1 point, saved.")
        let screen = try first.screen()
        #expect(screen.contains("Corrugator              16     2    18"))
        #expect(screen.contains("Total                   20     2    22"))
        try first.send(keys: ["q", "q", "q"])
        try first.waitFor("EXIT=0")

        let store = try PatientStore(root: folder.path)
        let sessions = try store.sessions(of: patient.id)
        #expect(sessions.count == 2)
        let topUp = try #require(sessions.first { $0.id != original.id })
        #expect(topUp.link == Session.Link(kind: .topUp, session: original.id))
        #expect(topUp.primaryVial.lot == "C1234")
        #expect(topUp.points.map(\.units) == [Units(2)])
        #expect(topUp.points.map(\.region) == [.corrugator])
        #expect(topUp.points.map(\.side) == [.right])
        #expect(try store.sessions(of: patient.id).first { $0.id == original.id } == original)
        let review = try #require(try store.reviews(of: patient.id).first)
        #expect(review.topUp == topUp.id)
        #expect(review.outcome(for: .procerus) == RegionOutcome(region: .procerus, wrinklesAtRest: 1, wrinklesAtMaximum: 2))
        #expect(review.outcome(for: .corrugator) == RegionOutcome(
            region: .corrugator, wrinklesAtRest: 0, wrinklesAtMaximum: 1, symmetry: .rightHigher))

        let second = try TmuxSession(arguments: ["review", patient.id.rawValue, original.id.rawValue], dataFolder: folderURL)
        let again = try second.waitFor("Corrugator              16     2    18")
        #expect(again.contains("Procerus      1    2"))
        #expect(again.contains("R-L: even before, R+2 U now"))
        try second.send("q", "q", "q")
        try second.waitFor("EXIT=0")

        let history = try Runner.facechart(["history", patient.id.rawValue], home: folder.path)
        #expect(history.status == 0)
        #expect(history.output.contains(Format.day(original.startedAt)))
        #expect(history.output.contains("top-up"))
        #expect(history.output.contains("20 U"))
    }
}

private enum Format {
    /// `YYYY-MM-DD` on the clock that charted it.
    static func day(_ time: Timestamp) -> String { time.localDay(fallback: .current).description }
}
