import FaceChartAssets
import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Chairside speed, counted: each flow is typed into the real binary key by key, its result checked on
/// screen and on disk, and the count held to its target. A flow that needs one key more never reaches its
/// result and fails.
@Suite(.serialized) struct KeystrokeEndToEndTests {
    /// The keys of a flow, each counted as it is sent.
    final class Keys {
        let tmux: TmuxSession
        private(set) var count = 0

        init(_ tmux: TmuxSession) { self.tmux = tmux }

        /// Sends each key (a named key such as `Enter`, or one character) and counts it.
        func press(_ keys: String...) throws {
            for key in keys {
                try tmux.send(key)
                count += 1
            }
        }
    }

    let folder: TemporaryFolder
    let store: PatientStore
    let now = Timestamp(Date(), timeZone: TimeZone(identifier: "UTC")!)
    let glabellar = Indication(kind: .aesthetic, concern: "Glabellar lines", key: "glabellar-lines")

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-keys")
        store = try PatientStore(root: folder.path)
    }

    /// A vial of the day, typed at this chair's first session today: an hour ago, or at midnight (UTC, the
    /// program's zone here) when the day is younger than that, so that it is today's at any hour.
    func openTodaysVial(lot: String = "TODAY-7") throws {
        let intoToday = now.date.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400)
        let opened = now.adding(seconds: -min(3_600, intoToday.rounded(.down)))
        let vial = Vial(
            product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: lot, expiry: now.utcDay.adding(days: 300),
            vialUnits: Units(100), diluentHundredthsML: 250, reconstitutedAt: opened)
        _ = try store.openChairVial(vial, at: opened, by: Clinician(name: "AN"), timeZone: TimeZone(identifier: "UTC")!)
    }

    /// A patient treated `daysAgo` days ago with the bundled pattern `key` (an earlier vial, lot OLD-LOT).
    func treated(_ id: String, name: String, pattern key: String, indication: Indication, daysAgo: Int) throws -> Session {
        let patient = Patient(id: RecordID(id)!, name: name, dateOfBirth: CalendarDate("1979-05-01"), sex: .female, createdAt: now)
        try store.createPatient(patient)
        let pattern = try #require(try BundledAssets.patternLibrary().pattern(key))
        var counter = 0
        var session = Session(
            id: RecordID(id + "-treatment")!, patient: patient.id, startedAt: now.adding(seconds: -Double(daysAgo) * 86_400),
            clinician: Clinician(name: "AN"), indication: indication,
            vials: [Vial(
                product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "OLD-LOT", expiry: now.utcDay.adding(days: 200),
                vialUnits: Units(100), diluentHundredthsML: 250)])
        session.points = pattern.points {
            counter += 1
            return RecordID("point\(counter)")!
        }
        session = try session.signed(by: Clinician(name: "AN"), at: session.startedAt.adding(seconds: 600), meaning: "administered")
        try store.saveSession(session)
        return session
    }

    /// The only session of `patient` other than `except`.
    func newSession(of patient: String, except: RecordID? = nil) throws -> Session {
        let sessions = try PatientStore(root: folder.path).sessions(of: RecordID(patient)!).filter { $0.id != except }
        try #require(sessions.count == 1, "sessions: \(sessions.map(\.id))")
        return sessions[0]
    }

    @Test func aRepeatPatientIsChartedAgainInThreeKeysWithTodaysVial() throws {
        try openTodaysVial()
        let earlier = try treated("rhea", name: "Rhea Repeat", pattern: "glabellar-botox-cosmetic", indication: glabellar, daysAgo: 100)
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("Rhea Repeat")
        let keys = Keys(tmux)
        try keys.press("Enter", "f", "Enter")
        let screen = try tmux.waitFor("Total 20 U in 5 points")
        #expect(screen.contains("Lot TODAY-7"))
        #expect(keys.count <= 3, "a repeat patient took \(keys.count) keys")
        let session = try newSession(of: "rhea", except: earlier.id)
        #expect(session.primaryVial.lot == "TODAY-7", "today's vial, never the earlier visit's lot")
        #expect(session.points.map(\.units) == earlier.points.map(\.units))
        #expect(session.link == Session.Link(kind: .copiedFrom, session: earlier.id))
    }

    @Test func aNewPatientsSessionIsSetUpInTwoKeysOnAWorkingDay() throws {
        try openTodaysVial()
        try store.createPatient(Patient(id: RecordID("nia")!, name: "Nia New", dateOfBirth: nil, sex: .female, createdAt: now))
        let tmux = try TmuxSession(arguments: ["chart", "nia"], dataFolder: URL(fileURLWithPath: folder.path),
                                   environment: ["FACECHART_USER": "Dr Keys"])
        try tmux.waitFor("No sessions yet. Press n to start one.")
        let keys = Keys(tmux)
        try keys.press("n", "Enter")
        let screen = try tmux.waitFor("Pen 4 U · IM")
        #expect(screen.contains("Lot TODAY-7"))
        #expect(keys.count <= 3, "a new patient's session setup took \(keys.count) keys")
        let session = try newSession(of: "nia")
        #expect(session.primaryVial.lot == "TODAY-7")
        #expect(session.clinician.name == "Dr Keys", "the clinician at the keyboard")
    }

    /// A patient with a draft session of `indication` (no points yet) on today's vial.
    func draft(_ id: String, name: String, indication: Indication) throws {
        try store.createPatient(Patient(id: RecordID(id)!, name: name, dateOfBirth: nil, sex: .female, createdAt: now))
        let vial = Vial(
            product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "TODAY-7", expiry: now.utcDay.adding(days: 300),
            vialUnits: Units(100), diluentHundredthsML: 250)
        try store.saveSession(Session(
            id: RecordID(id + "-draft")!, patient: RecordID(id)!, startedAt: now, clinician: Clinician(name: "AN"),
            indication: indication, vials: [vial]))
    }

    @Test func theUpperFaceIsChartedInTwoKeysFromThePickerAndInOneFromAFavourite() throws {
        let upperFace = Indication(kind: .aesthetic, concern: "Upper face", key: "upper-face")
        try draft("uma", name: "Uma Upper", indication: upperFace)
        let tmux = try TmuxSession(arguments: ["chart", "uma"], dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("Upper face")
        try tmux.send("Enter")
        try tmux.waitFor("Pen 4 U · IM")
        let keys = Keys(tmux)
        try keys.press("t", "Enter")
        try tmux.waitFor("Total 64 U in 16 points")
        #expect(keys.count <= 5, "the upper face took \(keys.count) keys")
        #expect(try newSession(of: "uma").points.map(\.units).total() == Units(64))

        // Saved as a pattern of one's own, it is one key on the next patient.
        try tmux.send("P")
        try tmux.sendLiteral("My upper face")
        try tmux.send("Enter")
        try tmux.waitFor("Saved \"My upper face\" as a pattern")
        try tmux.send("q", "q", "q")
        try tmux.waitFor("EXIT=0")
        try draft("ula", name: "Ula Upper", indication: upperFace)
        let next = try TmuxSession(arguments: ["chart", "ula"], dataFolder: URL(fileURLWithPath: folder.path))
        try next.waitFor("Upper face")
        try next.send("Enter")
        try next.waitFor("Pen 4 U · IM")
        let favourite = Keys(next)
        try favourite.press("F2")
        try next.waitFor("Total 64 U in 16 points")
        #expect(favourite.count == 1)
    }

    @Test func aReviewWithScoresASideEffectAndATopUpTakesTwelveKeys() throws {
        let treatment = try treated("tom", name: "Tom Topup", pattern: "glabellar-botox-cosmetic", indication: glabellar, daysAgo: 14)
        let tmux = try TmuxSession(arguments: ["review", "tom"], dataFolder: URL(fileURLWithPath: folder.path))
        try tmux.waitFor("day 14")
        let keys = Keys(tmux)
        // Procerus rest 1 max 0; Tab to the corrugator, rest 1 max 1; headache (4); a 2 U top-up from the
        // treatment's vial at the cursor (the procerus).
        try keys.press("1", "0", "Tab", "1", "1")
        try tmux.waitFor("Corrugator  rest 1 max 1")
        try keys.press("e", "4", "Enter")
        try tmux.waitFor("Side effects (e): Headache")
        try keys.press("t", "Enter", "2", "Enter")
        try tmux.waitFor("Placed 2 U IM in Procerus M.")
        #expect(keys.count <= 12, "the review took \(keys.count) keys")

        let saved = try PatientStore(root: folder.path)
        let review = try #require(try saved.reviews(of: RecordID("tom")!).first)
        #expect(review.outcome(for: .procerus) == RegionOutcome(region: .procerus, wrinklesAtRest: 1, wrinklesAtMaximum: 0))
        #expect(review.outcome(for: .corrugator) == RegionOutcome(region: .corrugator, wrinklesAtRest: 1, wrinklesAtMaximum: 1))
        #expect(review.sideEffects == [ObservedSideEffect(effect: .headache)])
        let topUp = try newSession(of: "tom", except: treatment.id)
        #expect(review.topUp == topUp.id)
        #expect(topUp.primaryVial.lot == "OLD-LOT", "the treatment's vial, kept with one key")
        #expect(topUp.points.map(\.units) == [Units(2)])
    }
}
