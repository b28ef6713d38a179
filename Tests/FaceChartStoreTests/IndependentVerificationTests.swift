import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Anyone can check a FaceChart record: a few lines of Python written from RFC 8785 alone
/// (Tests/Fixtures/verify_format2.py) recompute the checksum and the signature digest of files written here.
@Suite struct IndependentVerificationTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/verify_format2.py").path

    func verify(_ files: [String]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script] + files
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func pythonRecomputesTheChecksumsAndTheSignatureDigest() throws {
        let folder = try TemporaryFolder()
        let store = try PatientStore(root: folder.path)
        var patient = SampleRecords.patient()
        patient.name = "Zoë \"Quote\" \\ Ünïcode\t😀"
        try store.createPatient(patient)
        var session = SampleRecords.session(points: 30)
        session.notes = "Line\nbreak, control \u{1} and €"
        let signed = SampleRecords.signed(session)
        try store.saveSession(signed)
        let sessionFile = try #require(folder.names(in: "patients/patient-1/sessions").first)
        let results = try verify([folder.file("patients/patient-1/patient.json"), folder.file("patients/patient-1/sessions/" + sessionFile)])
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0["checksum"] as? Bool == true })
        #expect(results[1]["signature"] as? Bool == true)
        #expect(results[1]["digest"] as? String == signed.signature?.digest.value)
    }

    @Test func pythonSeesATamperedFile() throws {
        let folder = try TemporaryFolder()
        let store = try PatientStore(root: folder.path)
        try store.createPatient(SampleRecords.patient())
        try store.saveSession(SampleRecords.signed(SampleRecords.session(points: 3)))
        let relative = "patients/patient-1/sessions/" + (try #require(folder.names(in: "patients/patient-1/sessions").first))
        let text = String(decoding: try #require(folder.bytes(relative)), as: UTF8.self)
        try folder.write(Array(text.replacingOccurrences(of: "\"value\" : 1.25", with: "\"value\" : 1.5").utf8), to: relative)
        let result = try #require(try verify([folder.file(relative)]).first)
        #expect(result["checksum"] as? Bool == false)
        #expect(result["signature"] as? Bool == false)
    }
}
