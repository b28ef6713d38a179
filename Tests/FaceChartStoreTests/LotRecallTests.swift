import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct LotRecallTests {
    let folder: TemporaryFolder
    let store: PatientStore

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
    }

    static func vial(_ lot: String, id: String = "v1", product: String = "botox-cosmetic") -> Vial {
        Vial(
            id: RecordID(id)!, product: product, ingredient: "onabotulinumtoxinA", lot: lot,
            expiry: CalendarDate(year: 2027, month: 6, day: 30), vialUnits: Units(100), diluentHundredthsML: 250)
    }

    /// A session of `points` doses; a dose with a lot is drawn from a vial of that lot, the others from
    /// the session's first vial.
    static func session(
        _ id: String, patient: String, lot: String, day: Int, points: [(units: Units, lot: String?)]
    ) -> Session {
        var vials = [vial(lot)]
        let list = points.enumerated().map { index, point in
            var vialID = Session.firstVialID
            if let lot = point.lot {
                if let known = vials.first(where: { $0.lot == lot }) {
                    vialID = known.id
                } else {
                    vialID = RecordID("v\(vials.count + 1)")!
                    vials.append(vial(lot, id: vialID.rawValue))
                }
            }
            return InjectionPoint(
                id: RecordID("p\(index)")!, view: .anterior, position: FacePoint(x: 0.5, y: 0.3), region: .procerus,
                side: .midline, units: point.units, depth: .intramuscular, vial: vialID)
        }
        return Session(
            id: RecordID(id)!, patient: RecordID(patient)!, startedAt: .utc(1_700_000_000 + Double(day) * 86_400),
            clinician: SampleRecords.clinician, indication: SampleRecords.glabellarLines, vials: vials, points: list)
    }

    /// Three patients: C1234 at session level, a near-identical C12345, and C1234 on two points only.
    func seed() throws {
        for (id, name) in [("pat-a", "Ann A"), ("pat-b", "Ben B"), ("pat-c", "Cy C")] {
            try store.createPatient(SampleRecords.patient(id: id, name: name))
        }
        try store.saveSession(Self.session("s-a1", patient: "pat-a", lot: "C1234", day: 0,
                                           points: Array(repeating: (Units(4), nil), count: 5)))
        try store.saveSession(Self.session("s-a2", patient: "pat-a", lot: "C1234", day: 100,
                                           points: [(Units(hundredths: 250), nil)]))
        try store.saveSession(Self.session("s-b1", patient: "pat-b", lot: "C12345", day: 1,
                                           points: Array(repeating: (Units(4), nil), count: 3)))
        try store.saveSession(Self.session("s-c1", patient: "pat-c", lot: "D999", day: 2, points: [
            (Units(4), nil), (Units(hundredths: 250), " c1234 "), (Units(4), nil), (Units(hundredths: 250), "C1234"),
        ]))
    }

    @Test func recallFindsExactlyTheSessionsOfALot() throws {
        try seed()
        let report = try store.lotUses()
        #expect(report.problems.isEmpty)
        let uses = report.uses(ofLot: "  c1234 ")
        #expect(uses.map(\.session.rawValue) == ["s-a1", "s-c1", "s-a2"])
        #expect(uses.map(\.units) == [Units(20), Units(5), Units(hundredths: 250)])
        #expect(uses.map(\.patientName) == ["Ann A", "Cy C", "Ann A"])
        #expect(uses.allSatisfy { $0.product == "botox-cosmetic" && $0.expiry == CalendarDate(year: 2027, month: 6, day: 30) })
        #expect(uses[1].file.hasPrefix("patients/pat-c/sessions/") && uses[1].file.hasSuffix("-s-c1.json"))

        #expect(report.uses(ofLot: "C12345").map(\.session.rawValue) == ["s-b1"])
        #expect(report.uses(ofLot: "C12345").map(\.units) == [Units(12)])
        #expect(report.uses(ofLot: "D999").map(\.units) == [Units(8)])
        #expect(report.uses(ofLot: "C123").isEmpty)
        #expect(report.uses(ofLot: "  ").isEmpty)
    }

    @Test func summaryTotalsEachLot() throws {
        try seed()
        let summaries = try store.lotUses().summaryByLot()
        #expect(summaries.map(\.lot) == ["C1234", "C12345", "D999"])
        let c1234 = summaries[0]
        #expect(c1234.totalUnits == Units(hundredths: 2_750))
        #expect(c1234.patientCount == 2)
        #expect(c1234.sessionCount == 3)
        #expect(c1234.expiries == [CalendarDate(year: 2027, month: 6, day: 30)!])
        #expect(c1234.firstUse == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(c1234.lastUse == Date(timeIntervalSince1970: 1_700_000_000 + 100 * 86_400))
        #expect(summaries[1].totalUnits == Units(12))
        #expect(summaries[1].patientCount == 1)
    }

    @Test func anUnreadableSessionFileIsAProblemNamingTheFile() throws {
        try seed()
        let broken = "patients/pat-b/sessions/20240101T000000Z-broken.json"
        try folder.write(Array("{\"schemaVersion\":2,\"kind\":\"session\",\"record\":{".utf8), to: broken)
        let report = try store.lotUses()
        #expect(report.problems == [RecordIssue(.unreadable(file: broken, problem: .truncated))])
        #expect(report.problems[0].message.contains(broken))
        #expect(!report.problems[0].message.contains("Ben"))
        #expect(report.uses(ofLot: "C12345").count == 1)
    }

    @Test func aNewerSchemaFileIsRefusedNotSkipped() throws {
        try seed()
        let sessions = folder.names(in: "patients/pat-b/sessions")
        let name = try #require(sessions.first { $0.hasSuffix("-s-b1.json") })
        let relative = "patients/pat-b/sessions/" + name
        let text = String(decoding: try #require(folder.bytes(relative)), as: UTF8.self)
        try folder.write(Array(text.replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 3").utf8),
                         to: relative)
        let report = try store.lotUses()
        #expect(report.problems == [RecordIssue(.newerSchema(file: relative, version: 3, supported: RecordCodec.schemaVersion))])
        #expect(report.uses(ofLot: "C12345").isEmpty)
    }

    @Test func aDuplicatedDoseOrAMisplacedFileIsAProblem() throws {
        try seed()
        let name = try #require(folder.names(in: "patients/pat-b/sessions").first { $0.hasSuffix("-s-b1.json") })
        let relative = "patients/pat-b/sessions/" + name
        let text = String(decoding: try #require(folder.bytes(relative)), as: UTF8.self)
        try folder.write(Array(text.replacingOccurrences(of: "\"value\" : 4", with: "\"value\" : 4, \"value\" : 40").utf8),
                         to: relative)
        // A session file copied into another patient's folder does not belong there.
        let copied = "patients/pat-c/sessions/20240101T000000Z-s-b1.json"
        try folder.write(Array(text.utf8), to: copied)
        let report = try store.lotUses()
        #expect(report.problems.count == 2)
        #expect(report.problems.contains {
            if case .unusable(.unreadable(relative, .duplicateKey(key: "value", at: _))) = $0.problem { true } else { false }
        })
        #expect(report.problems.contains(RecordIssue(.unreadable(file: copied, problem: .identifierMismatch))))
    }

    @Test func anUnreadablePatientFileKeepsTheSessionsWithoutAName() throws {
        try seed()
        try folder.write(Array("not json".utf8), to: "patients/pat-a/patient.json")
        let report = try store.lotUses()
        #expect(report.problems.count == 1)
        #expect(report.problems[0].message.contains("patients/pat-a/patient.json"))
        #expect(report.uses(ofLot: "C1234").filter { $0.patient.rawValue == "pat-a" }.map(\.patientName) == [nil, nil])
    }
}
