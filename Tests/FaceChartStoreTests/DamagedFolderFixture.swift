import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation

/// A data folder with one patient, one healthy signed session and its review: the record every
/// damaged-file test expects to stay visible and usable.
struct DamagedFolderFixture {
    let folder: TemporaryFolder
    let patient = RecordID("patient-1")!
    let good: Session
    let review: Review
    /// The healthy session's file, relative to the data folder.
    let goodFile: String

    static let sessions = "patients/patient-1/sessions"
    static let reviews = "patients/patient-1/reviews"
    /// Where the corpus files go: the name session-1 would have, so that only their content is wrong.
    static let damagedName = "20240428T122640Z-session-1.json"

    init() throws {
        folder = try TemporaryFolder()
        let store = try PatientStore(root: folder.path)
        try store.createPatient(SampleRecords.patient())
        good = SampleRecords.signed(SampleRecords.session(
            id: "good", startedAt: SampleRecords.awkwardDate.adding(seconds: 10 * 86_400), points: 4))
        try store.saveSession(good)
        review = Review(patient: patient, session: good.id, createdAt: good.startedAt.adding(seconds: 14 * 86_400),
                        clinician: SampleRecords.clinician, notes: "Even result.")
        try store.saveReview(review)
        goodFile = Self.sessions + "/" + (folder.names(in: Self.sessions).first { $0.hasSuffix("-good.json") } ?? "")
    }

    /// The damaged-file corpus: `Tests/FaceChartStoreTests/Corpus`.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// Every file of the corpus, with its name.
    static func corpusFiles() throws -> [(name: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let path = corpus.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
            return (name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    /// The bytes of every file below the patient's folder, by relative path, to prove nothing changed.
    func snapshot() -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let base = folder.file("patients/patient-1")
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let next = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + next, isDirectory: &isFolder), !isFolder.boolValue,
                  next != ".lock"
            else { continue }
            result[next] = folder.bytes("patients/patient-1/" + next) ?? []
        }
        return result
    }
}
