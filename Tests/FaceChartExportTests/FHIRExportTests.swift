import FaceChartCore
import FaceChartExport
import FaceChartTestSupport
import Foundation
import Testing

/// The FHIR R4 Bundle: stable bytes, the mapping, and validation against the R4 models.
@Suite struct FHIRExportTests {
    func export(_ record: SessionRecord, system: String = FHIRExport.defaultIdentifierSystem) -> FHIRExport {
        FHIRExport(record: record, productName: ExportFixtures.productName, identifierSystem: system, timeZone: ExportFixtures.utc)
    }

    func resources(_ json: String) throws -> [[String: Any]] {
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        return entries.compactMap { $0["resource"] as? [String: Any] }
    }

    @Test func versionFiveUUIDsMatchTheRFC() {
        #expect(StableUUID.v5(namespace: StableUUID.dnsNamespace, name: "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }

    @Test func theSameRecordExportsToTheSameBytes() throws {
        let record = try ExportFixtures.glabellarRecord()
        let first = export(record).json(), second = export(try ExportFixtures.glabellarRecord()).json()
        #expect(first == second)
        var other = record
        other.session.id = RecordID("session-2")!
        let ids = { (json: String) in Set(json.matches(of: #/urn:uuid:[0-9a-f-]{36}/#).map { String($0.0) }) }
        let shared = ids(first).intersection(ids(export(other).json()))
        #expect(shared.count == 3, "only the patient, the clinician and the reviewer are shared: \(shared)")
    }

    @Test func theMappingOfASignedReviewedSession() throws {
        let record = try ExportFixtures.glabellarRecord()
        let all = try resources(export(record).json())
        let types = all.compactMap { $0["resourceType"] as? String }
        #expect(types.filter { $0 == "MedicationAdministration" }.count == 5)
        #expect(types.filter { $0 == "Observation" }.count == 5, "rest, maximum, symmetry and satisfaction per region, satisfaction per visit")
        let visit = try #require(all.first { ($0["code"] as? [String: Any])?["text"] as? String == "Patient satisfaction: patient satisfaction with this treatment" })
        #expect((visit["valueCodeableConcept"] as? [String: Any])?["text"] != nil, "a labelled item is written by its label")
        #expect(types.filter { $0 == "Provenance" }.count == 2, "the signature and the addendum")
        #expect(types.filter { $0 == "Practitioner" }.count == 2)
        let administration = try #require(all.first { $0["resourceType"] as? String == "MedicationAdministration" })
        let dosage = try #require(administration["dosage"] as? [String: Any])
        let dose = try #require(dosage["dose"] as? [String: Any])
        #expect(dose["code"] as? String == "[USP'U]" && dose["value"] as? Double == 4)
        #expect(((dosage["route"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String == "78421000")
        let procedure = try #require(all.first { $0["resourceType"] as? String == "Procedure" })
        #expect(procedure["status"] as? String == "completed")
        #expect((procedure["complication"] as? [[String: Any]])?.first?["text"] as? String == "Bruising, right, mild, from day 1: settled")
        let medication = try #require(all.first { $0["resourceType"] as? String == "Medication" })
        #expect(((medication["batch"] as? [String: Any])?["lotNumber"]) as? String == "C1234A")
        let provenance = try #require(all.first { $0["resourceType"] as? String == "Provenance" })
        #expect((provenance["target"] as? [Any])?.count == 6, "the procedure and its five administrations")
    }

    @Test func aTopUpIsPartOfTheTreatmentItTopsUpAndAVoidedDraftIsEnteredInError() throws {
        let treatment = try ExportFixtures.glabellarRecord()
        var topUp = ExportFixtures.topUpRecord(of: treatment)
        let json = export(topUp, system: "https://clinic.example/ids/").json()
        #expect(json.contains("\"reference\": \"Procedure?identifier=https://clinic.example/ids/session|session-1\""))
        #expect(!json.contains("108890005\"") || json.contains("abobotulinumtoxinA"))
        #expect(json.contains("\"code\": \"78421000\""), "deep is intramuscular")
        #expect(json.contains("\"method\": {\n") && json.contains("\"text\": \"EMG guided\""))
        topUp.session = try topUp.session.voided(reason: "charted on the wrong patient", by: SampleRecords.clinician,
                                                at: topUp.session.startedAt.adding(seconds: 60))
        let voided = try resources(export(topUp).json())
        let procedure = try #require(voided.first { $0["resourceType"] as? String == "Procedure" })
        #expect(procedure["status"] as? String == "entered-in-error")
        #expect((procedure["statusReason"] as? [String: Any])?["text"] as? String == "charted on the wrong patient")
    }

    @Test func anIntraglandularPointHasARouteInTextOnly() throws {
        var record = try ExportFixtures.glabellarRecord()
        record.session.points[0].depth = .intraglandular
        let administration = try #require(try resources(export(record).json()).first { $0["resourceType"] as? String == "MedicationAdministration" })
        let route = try #require((administration["dosage"] as? [String: Any])?["route"] as? [String: Any])
        #expect(route["text"] as? String == "intraglandular")
        #expect(route["coding"] == nil, "no route code was found in a public value set: none is made up")
    }

    @Test func bundlesValidateAsFHIRR4WithVerifiedCodesAndResolvedReferences() throws {
        guard ExportFixtures.hasProgram("python3"),
              (try? ExportFixtures.run("python3", ["-c", "import fhir.resources"]))?.status == 0 else {
            if ExportFixtures.isCI { Issue.record("CI must install fhir.resources==6.4.0 (see .ci/run)") }
            return
        }
        let folder = try TemporaryFolder(prefix: "facechart-fhir")
        let treatment = try ExportFixtures.glabellarRecord(patient: SampleRecords.patient(name: "Zoë \u{7} <x>"))
        var voided = ExportFixtures.topUpRecord(of: treatment)
        voided.session = try voided.session.voided(reason: "wrong patient", by: SampleRecords.clinician,
                                                  at: voided.session.startedAt.adding(seconds: 60))
        let lines = [treatment, ExportFixtures.topUpRecord(of: treatment), voided].map { export($0).line() }
        #expect(!lines.joined().contains("\\u0007"), "control characters are dropped, not escaped")
        try folder.write(Array(lines.joined(separator: "\n").utf8), to: "bundles.ndjson")
        try folder.write(Array(export(treatment).json().utf8), to: "one.json")
        let result = try ExportFixtures.run(
            "python3", [ExportFixtures.fixture("validate_fhir.py"), folder.file("bundles.ndjson"), folder.file("one.json")])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("ok 4 bundles"), "\(result.output)")
    }
}
