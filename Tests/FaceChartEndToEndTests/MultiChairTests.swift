import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartTestSupport
import Foundation
import Testing

/// Several chairs on one practice: a bare repository in a temp folder and data folders as chairs, the
/// real binary syncing them.
@Suite struct MultiChairTests {
    @Test func differentPatientsOnTwoChairsMeetOnBoth() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let ada = try a.addPatient("Ada One")
        try a.setup(practice)
        let bea = try b.addPatient("Bea Two")
        try b.setup(practice)
        try a.sync()
        for chair in [a, b] {
            let listing = try chair.run(["patients"]).output
            #expect(listing.contains(ada.rawValue) && listing.contains(bea.rawValue), "\(chair.name): \(listing)")
            #expect(try chair.run(["verify"]).status == 0)
        }
        #expect(a.head == b.head)
        #expect(try b.git(["config", "--local", "facechart.chair"]).contains("room-2"))
        let mode = try FileManager.default.attributesOfItem(atPath: b.path + "/patients/\(ada)/patient.json")[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600, "files git wrote are private")
        let messages = try a.git(["log", "--format=%B"])
        #expect(messages.contains("FaceChart-Event: patient-created patient=\(bea)"))
        #expect(!messages.contains("Bea Two") && !messages.contains("Ada One"), "no patient names in commits")
    }

    @Test func newSessionsOfOnePatientOnBothChairsAreBothKept() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let patient = try a.addPatient("Cleo Three")
        try a.setup(practice)
        try b.setup(practice)
        try a.chartSession("morning-a", patient: patient, start: dayTime(60))
        try b.chartSession("morning-b", patient: patient, start: dayTime(65))
        try a.sync()
        try b.sync()
        try a.sync()
        for chair in [a, b] {
            let ids = try chair.store().sessions(of: patient).map(\.id.rawValue)
            #expect(ids == ["morning-a", "morning-b"], "\(chair.name)")
        }
        #expect(a.recordFiles() == b.recordFiles())
    }

    @Test func twoChairsPushingAtOnceBothLand() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let patient = try a.addPatient("Dan Four")
        try a.setup(practice)
        try b.setup(practice)
        try a.chartSession("at-once-a", patient: patient, start: dayTime(10))
        try b.chartSession("at-once-b", patient: patient, start: dayTime(11))
        let chairs = [a, b]
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            statuses.set(index, (try? chairs[index].run(["sync"]).status) ?? -1)
        }
        #expect(statuses.all == [0, 0])
        try a.sync()
        try b.sync()
        try a.sync()
        #expect(a.head == b.head)
        #expect(try a.store().sessions(of: patient).count == 2)
        #expect(try b.store().sessions(of: patient).count == 2)
    }

    @Test func addendaWrittenOnBothChairsAreMergedByTheDriver() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let patient = try a.addPatient("Eve Five")
        try a.chartSession("signed-one", patient: patient, start: dayTime(0))
        try a.setup(practice)
        try b.setup(practice)
        try a.addAddendum("Bruise noted at the left brow (room 1).", session: "signed-one", patient: patient, at: dayTime(300))
        try b.addAddendum("Patient called: no headache (room 2).", session: "signed-one", patient: patient, at: dayTime(305))
        try a.sync()
        try b.sync()
        try a.sync()
        for chair in [a, b] {
            let session = try chair.store().loadSession(patient: patient, session: RecordID("signed-one")!)
            #expect(session.addenda.map(\.text) == ["Bruise noted at the left brow (room 1).", "Patient called: no headache (room 2)."])
            #expect(session.signatureIsIntact)
            #expect(chair.pendingConflicts.isEmpty, "the driver merged them: no person needed")
        }
        #expect(a.recordFiles() == b.recordFiles())
        #expect(try b.git(["branch", "--list", "conflicts/*"]).isEmpty)
    }

    @Test func aPushOfAnAlteredSignedSessionIsRefusedByTheRemote() throws {
        let practice = try Practice()
        let a = practice.chair("room-1")
        let patient = try a.addPatient("Finn Six")
        let signed = try a.chartSession("signed-two", patient: patient, start: dayTime(0))
        try a.setup(practice)
        let pushed = try a.git(["rev-parse", "HEAD"])

        // Changed behind FaceChart's back and signed again: every file still parses and its signature
        // holds, but the signed record changed after signing.
        var altered = signed
        altered.status = .draft
        altered.points[0].units = Units(40)
        altered = SampleRecords.signed(altered)
        let file = try #require(a.recordFiles().keys.first { $0.contains("signed-two") })
        try Data(try RecordFiles.encode(.session(altered))).write(to: URL(fileURLWithPath: a.path + "/patients/" + file))
        try a.commit(Checkpoint(.saved))
        let refused = try a.run(["sync"])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("signed session was altered"), "\(refused.errors)")
        let remoteHead = try Runner.run("/usr/bin/git", ["-C", practice.remote, "rev-parse", "main"], environment: ["PATH": "/usr/bin:/bin"]).output
        #expect(remoteHead == pushed, "the remote kept what it had")

        // An unreadable file is refused too.
        try Data("{ \"half".utf8).write(to: URL(fileURLWithPath: a.path + "/patients/\(patient)/patient.json"))
        try a.commit(Checkpoint(.saved))
        let unreadable = try a.run(["sync"])
        #expect(unreadable.status != 0)
        #expect(unreadable.errors.contains("cannot be read"), "\(unreadable.errors)")
    }

    @Test func aChairOfflineForADayChartsOnAndSyncsLater() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let patient = try a.addPatient("Gus Seven")
        try a.setup(practice)
        try b.setup(practice)
        let away = practice.remote + ".away"
        try FileManager.default.moveItem(atPath: practice.remote, toPath: away)
        for hour in 0..<8 {
            try b.chartSession("offline-\(hour)", patient: patient, start: dayTime(Double(hour) * 60))
            let attempt = try b.run(["sync"])
            #expect(attempt.status != 0)
            #expect(!attempt.errors.looksLikeACrash)
        }
        #expect(try b.run(["verify"]).status == 0)
        try FileManager.default.moveItem(atPath: away, toPath: practice.remote)
        try b.sync()
        try a.sync()
        #expect(try a.store().sessions(of: patient).count == 8)
        #expect(a.head == b.head)
    }
}

/// Exit statuses written from concurrent threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values = [Int32](repeating: -2, count: 2)

    func set(_ index: Int, _ value: Int32) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    var all: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}

/// A draft signed on one chair and edited on another: the signed version is kept whole.
@Suite struct SignedAgainstDraftTests {
    @Test func aSignedSessionIsNeverMixedWithAnEditOfItsDraft() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        let patient = try a.addPatient("Rae Eighteen")
        let draft = try a.chartSession("shared-draft", patient: patient, start: dayTime(0), signed: false)
        try a.setup(practice)
        try b.setup(practice)
        let storeA = try a.store()
        _ = try storeA.loadSession(patient: patient, session: draft.id)
        try storeA.saveSession(SampleRecords.signed(draft))
        try a.commit(Checkpoint(.signed, patient: patient, session: draft.id))
        try a.sync()
        var edited = draft
        edited.notes = "Edited on room 2 while room 1 signed"
        let storeB = try b.store()
        _ = try storeB.loadSession(patient: patient, session: draft.id)
        try storeB.saveSession(edited)
        try b.commit(Checkpoint(.draft, patient: patient, session: draft.id))
        let result = try b.sync()
        #expect(result.output.contains("was kept whole"), "\(result.output)")
        let kept = try b.store().loadSession(patient: patient, session: draft.id)
        #expect(kept.isSigned && kept.signatureIsIntact && kept.notes == draft.notes)
        let words = result.output.split(whereSeparator: \.isWhitespace)
        let branch = try #require(words.last { $0.hasPrefix("conflicts/") }.map { String($0.dropLast()) }, "\(result.output)")
        #expect(try b.git(["log", "-1", "--format=%H", branch]).isEmpty == false)
        let aside = try b.git(["grep", "-l", "Edited on room 2", branch, "--", "patients"])
        #expect(!aside.isEmpty, "this chair's edit is kept on its branch")
        #expect(b.pendingConflicts.isEmpty)
        #expect(try b.run(["verify"]).status == 0)
    }
}
