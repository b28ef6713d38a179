import FaceChartCore
import FaceChartStore
import Foundation

/// Opening a patient whose one session holds 100,000 points: `readRecords` (read, strict JSON,
/// checksum, decode, identity and rule checks), then its parts on the same bytes, against `cat` of
/// the same file as the floor.
enum LargeSessionBenchmark {
    /// The `record` member of an envelope.
    private struct Body: Decodable { var record: Session }

    static func rows(base: String) throws -> [(String, [Double])] {
        let root = base + "/large"
        let store = try PatientStore(root: root)
        try store.createPatient(patient("large")).unlock()
        let big = session("big", patient: "large", points: 100_000, start: created)
        try store.saveSession(big)
        let file = try FileManager.default.contentsOfDirectory(atPath: root + "/patients/large/sessions")
            .first { $0.hasSuffix(".json") }.map { root + "/patients/large/sessions/" + $0 } ?? ""
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        let open = try measure(5) {
            let records = try PatientStore(root: root, access: .viewing).readRecords(of: RecordID("large")!)
            precondition(records.sessions.first?.points.count == 100_000 && records.issues.isEmpty)
        }
        let parse = try measure(5) { _ = try JSONParser.parse(bytes) }
        let document = try JSONParser.parse(bytes)
        let checksum = try measure(5) { _ = CanonicalJSON.sha256Hex(CanonicalJSON.serialize(document.removing(["checksum"]))) }
        let decode = try measure(5) { _ = try JSONDecoder().decode(Body.self, from: Data(bytes)) }
        let floor = try measure(5) { try catToNull(file) }
        return [
            ("open 100,000-point session (\(bytes.count / 1_000_000) MB)", open),
            ("  of which: strict JSON parse", parse),
            ("  of which: canonical form + SHA-256", checksum),
            ("  of which: JSONDecoder", decode),
            ("  floor: cat of the same file", floor),
        ]
    }

    /// Runs `/bin/cat FILE > /dev/null`.
    private static func catToNull(_ file: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/cat")
        process.arguments = [file]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}
