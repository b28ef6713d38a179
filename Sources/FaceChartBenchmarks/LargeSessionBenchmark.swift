import FaceChartCore
import FaceChartStore
import Foundation

/// Opening a patient whose one session holds 100,000 points: `readRecords` (read, strict JSON check,
/// decode, identity and rule checks), against `cat` of the same file as the floor.
enum LargeSessionBenchmark {
    static func rows(base: String) throws -> [(String, [Double])] {
        let root = base + "/large"
        let store = try PatientStore(root: root)
        try store.createPatient(patient("large")).unlock()
        let big = session("big", patient: "large", points: 100_000, start: created)
        try store.saveSession(big)
        let file = try FileManager.default.contentsOfDirectory(atPath: root + "/patients/large/sessions")
            .first { $0.hasSuffix(".json") }.map { root + "/patients/large/sessions/" + $0 } ?? ""
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
        let open = try measure(5) {
            let records = try PatientStore(root: root, access: .viewing).readRecords(of: RecordID("large")!)
            precondition(records.sessions.first?.points.count == 100_000 && records.issues.isEmpty)
        }
        let floor = try measure(5) { try catToNull(file) }
        return [("open 100,000-point session (\(size / 1_000_000) MB)", open), ("  floor: cat of the same file", floor)]
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
