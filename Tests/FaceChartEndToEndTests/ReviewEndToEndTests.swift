import FaceChartAssets
import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Reviews with the real binary: the two-week visit of a glabellar treatment (score, top up), a dystonia
/// review on the posterior view, and an early review that asks first.
@Suite(.serialized) struct ReviewEndToEndTests {
    /// A patient treated `daysAgo` days ago with a bundled pattern, signed when `signs`.
    func treated(
        in folder: TemporaryFolder, patient id: String, name: String, session sessionID: String, pattern key: String,
        indication: Indication, product: String, lot: String, daysAgo: Int, signs: Bool
    ) throws -> (Patient, Session) {
        let store = try PatientStore(root: folder.path)
        let now = Timestamp(Date(), timeZone: .current)
        let patient = Patient(id: RecordID(id)!, name: name, dateOfBirth: CalendarDate("1979-05-01"), sex: .female, createdAt: now)
        try store.createPatient(patient)
        let pattern = try #require(try BundledAssets.patternLibrary().pattern(key))
        var counter = 0
        var session = Session(
            id: RecordID(sessionID)!, patient: patient.id, startedAt: now.adding(seconds: -Double(daysAgo) * 86_400),
            clinician: Clinician(name: "AN"), indication: indication,
            vials: [Vial(
                product: product, ingredient: "onabotulinumtoxinA", lot: lot,
                expiry: now.localDay(fallback: .current).adding(days: 200), vialUnits: Units(100), diluentHundredthsML: 250)])
        session.points = pattern.points {
            counter += 1
            return RecordID("point\(counter)")!
        }
        if signs {
            session = try session.signed(
                by: Clinician(name: "AN"), at: session.startedAt.adding(seconds: 600), meaning: "administered and documented")
        }
        try store.saveSession(session)
        return (patient, session)
    }

    /// A patient with a signed glabellar treatment (20 U) started `daysAgo` days ago.
    func treatedFourteenDaysAgo(in folder: TemporaryFolder, daysAgo: Int = 14) throws -> (Patient, Session) {
        try treated(
            in: folder, patient: "review-patient", name: "Rhea Review", session: "treatment", pattern: "glabellar-botox-cosmetic",
            indication: Indication(kind: .aesthetic, concern: "Glabellar lines", key: "glabellar-lines"), product: "botox-cosmetic",
            lot: "C1234", daysAgo: daysAgo, signs: true)
    }

    /// A patient with a cervical dystonia treatment (the bundled starting map) given `daysAgo` days ago.
    func dystoniaTreated(daysAgo: Int, in folder: TemporaryFolder) throws -> (Patient, Session) {
        try treated(
            in: folder, patient: "dystonia-patient", name: "Dora Dystonia", session: "dystonia", pattern: "cervical-dystonia-established",
            indication: Indication(kind: .medical, concern: "Cervical dystonia", key: "cervical-dystonia"), product: "botox",
            lot: "D777", daysAgo: daysAgo, signs: false)
    }

    /// Six weeks after a dystonia treatment: the review opens on the posterior view, asks the TWSTRS, and
    /// records a side effect; everything is on disk afterwards.
    @Test func aDystoniaReviewAsksTwstrsOnThePosteriorView() throws {
        let folder = try TemporaryFolder(prefix: "facechart-e2e-dystonia")
        let (patient, original) = try dystoniaTreated(daysAgo: 42, in: folder)
        let review = try TmuxSession(arguments: ["review", patient.id.rawValue], dataFolder: URL(fileURLWithPath: folder.path))
        let first = try review.waitFor("Posterior view, units given:")
        #expect(first.contains("Cervical dystonia · due day 42 (28-56)"))
        #expect(first.contains("TWSTRS      sev - dis - pain -"))
        #expect(first.contains(" L     |'  '  '  '  '  '  '  '  '|     R "), "the posterior drawing, seen from behind")
        try review.send(keys: ["1", "2", "8", "6"])
        try review.waitFor("TWSTRS      sev 12 dis 8 pain 6 tot 26")
        try review.send(keys: ["1", "1"])
        try review.waitFor("Tsui        total 11")
        try review.send("v")
        try review.waitFor("Axilla view: 0 treated points.")
        try review.send(keys: ["e", "9", "Enter"])
        try review.waitFor("Side effects (e): Neck weakness")
        try review.send(keys: ["q", "q", "q"])
        try review.waitFor("EXIT=0")

        let store = try PatientStore(root: folder.path)
        let saved = try #require(try store.reviews(of: patient.id).first { $0.session == original.id })
        #expect(saved.scores.values(of: "twstrs") == ["severity": 12, "disability": 8, "pain": 6])
        #expect(saved.scores.values(of: "tsui") == ["total": 11])
        #expect(saved.sideEffects == [ObservedSideEffect(effect: .neckWeakness)])

        let history = try Runner.facechart(["history", patient.id.rawValue], home: folder.path)
        #expect(history.status == 0)
        #expect(history.output.contains("Cervical dystonia · Botox · TWSTRS, Tsui · review day 42 (28-56)"))
        #expect(history.output.contains("TWSTRS sev 12, dis 8, pain 6, tot 26"))
    }

    /// Three days after a glabellar treatment a new review asks first; n goes back without writing anything.
    @Test func anEarlyReviewAsksForConfirmation() throws {
        let folder = try TemporaryFolder(prefix: "facechart-e2e-early-review")
        let (patient, _) = try treatedFourteenDaysAgo(in: folder, daysAgo: 3)
        let review = try TmuxSession(arguments: ["review", patient.id.rawValue], dataFolder: URL(fileURLWithPath: folder.path))
        try review.waitFor("Day 3: this review is due day 14 (10-21)")
        try review.send("n")
        try review.waitFor("Rhea Review")
        try review.send(keys: ["q", "q"])
        try review.waitFor("EXIT=0")
        #expect(try PatientStore(root: folder.path).reviews(of: patient.id).isEmpty)
    }

    @Test func scoreTwoRegionsTopUpTheWeakerSideAndFindItAllAgain() throws {
        let folder = try TemporaryFolder(prefix: "facechart-e2e-review")
        let (patient, original) = try treatedFourteenDaysAgo(in: folder)
        let folderURL = URL(fileURLWithPath: folder.path)

        let first = try TmuxSession(arguments: ["review", patient.id.rawValue], dataFolder: folderURL)
        try first.waitFor("day 14")
        // Procerus: rest 1, maximum 2. Corrugator: rest 0, maximum 1, right side higher (weaker effect on the right).
        // A score brings up the next item; Tab the next region.
        try first.send(keys: ["1", "2", "Tab", "0", "1", "Space", "Space"])
        try first.waitFor("Corrugator  rest 0 max 1 sym R higher")
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
        #expect(again.contains("Procerus    rest 1 max 2 sym -"))
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
