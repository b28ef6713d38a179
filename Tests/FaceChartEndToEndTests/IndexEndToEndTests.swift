import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// The commands answer from the index only once it has been checked against the folders, and a
/// command about one patient reads that patient's folder only.
@Suite struct IndexEndToEndTests {
    let folder: TemporaryFolder
    let data: DataFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-index")
        data = DataFolder(path: folder.path)
        let store = try PatientStore(root: folder.path)
        for index in 0..<3 {
            try store.createPatient(SampleRecords.patient(id: "patient-\(index)", name: "Person \(index) Example"))
            try store.saveSession(SampleRecords.session(id: "s\(index)", patient: "patient-\(index)", points: 3))
        }
    }

    /// Another chair's copy of the data folder, changed there and copied back over one file, as a
    /// sync would: the command's check sees the new file before it answers.
    @Test func lotsAndNamesAreAnsweredFromTheFilesAsTheyAreNow() throws {
        #expect(try Runner.facechart(["lots", "C1234A"], home: folder.path).output.contains("patient-1"))
        let chair = try TemporaryFolder(prefix: "facechart-e2e-chair")
        try FileManager.default.removeItem(atPath: chair.path)
        try FileManager.default.copyItem(atPath: folder.path, toPath: chair.path)
        let other = try PatientStore(root: chair.path)
        var session = try other.loadSession(patient: RecordID("patient-1")!, session: RecordID("s1")!)
        session.vials[0].lot = "RECALLED-9"
        try other.saveSession(session)
        var patient = try other.loadPatient(RecordID("patient-1")!)
        patient.name = "Renamed Elsewhere"
        try other.savePatient(patient)
        for file in ["patients/patient-1/patient.json"] + data.sessionFiles(of: "patient-1") {
            try FileManager.default.removeItem(atPath: folder.file(file))
            try FileManager.default.copyItem(atPath: chair.file(file), toPath: folder.file(file))
        }

        let recall = try Runner.facechart(["lots", "recalled-9"], home: folder.path)
        #expect(recall.status == 0, "\(recall.errors)")
        #expect(recall.output.contains("patient-1") && recall.output.contains("Renamed Elsewhere"), "\(recall.output)")
        #expect(!(try Runner.facechart(["lots", "C1234A"], home: folder.path).output.contains("patient-1 ")))
        let history = try Runner.facechart(["history", "renamed else"], home: folder.path)
        #expect(history.status == 0, "\(history.errors)")
        #expect(history.output.contains("Renamed Elsewhere"))
    }

    @Test(.enabled(if: straceWorks, "strace is missing or cannot trace here"))
    func showByIdOpensThatPatientsFolderAndNoOther() throws {
        let trace = folder.file("trace.txt")
        let result = try Runner.straced(
            ["-e", "trace=open,openat,stat,lstat,newfstatat,statx,getdents64", "-o", trace], ["show", "patient-1"],
            home: folder.path)
        #expect(result.status == 0, "\(result.errors)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.contains("patients/patient-1/") })
        #expect(!lines.contains { $0.contains("patients/patient-0") || $0.contains("patients/patient-2") }, "\(lines)")
    }

    @Test(.enabled(if: straceWorks, "strace is missing or cannot trace here"))
    func showByNameOpensTheIndexAndThatPatientsFolderOnly() throws {
        #expect(try Runner.facechart(["patients"], home: folder.path).status == 0)
        let trace = folder.file("trace.txt")
        let result = try Runner.straced(
            ["-e", "trace=open,openat,stat,lstat,newfstatat,statx,getdents64", "-o", trace], ["show", "person 1"],
            home: folder.path)
        #expect(result.status == 0, "\(result.errors)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains { $0.contains(PracticeIndex.relativePath) })
        #expect(lines.contains { $0.contains("patients/patient-1/") })
        #expect(!lines.contains { $0.contains("patients/patient-0") || $0.contains("patients/patient-2") }, "\(lines)")
    }
}
