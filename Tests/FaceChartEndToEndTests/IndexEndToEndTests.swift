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

    /// The list's rows come from the index: the last total and the review due of a glabellar treatment
    /// two weeks old; the filter finds names by the start of their words.
    @Test func theListShowsWhatTheIndexKeepsAndFollowsASave() throws {
        let store = try PatientStore(root: folder.path)
        let twoWeeksAgo = Timestamp(Date().addingTimeInterval(-14 * 86_400), timeZone: TimeZone(identifier: "UTC")!)
        try store.saveSession(SampleRecords.session(id: "s-recent", patient: "patient-2", startedAt: twoWeeksAgo, points: 4))
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder.path))
        var screen = try tmux.waitFor("Patients (3)")
        let row = try #require(screen.split(separator: "\n").first { $0.hasPrefix("Person 2 Example") }, "\(screen)")
        #expect(row.contains("DUE"), "\(screen)")
        #expect(row.contains("\(SampleRecords.session(points: 4).summary.total) U"), "\(row)")
        try tmux.send("/")
        try tmux.sendLiteral("person 0")
        screen = try tmux.waitFor("Filter: person 0")
        #expect(!screen.contains("Person 1 Example") && screen.contains("Person 0 Example"), "\(screen)")
        try tmux.send("Escape")
        try tmux.waitFor("Person 1 Example")
        try tmux.send("q")
        try tmux.waitFor("EXIT=0")
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
