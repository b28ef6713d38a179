import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Record text is data, never control: escape codes written into every text field of a record
/// reach no command's output.
@Suite struct RecordTextEndToEndTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-record-text")
    }

    /// A window title, a screen clear, red ink, a bell and a bidirectional override.
    static func evil(_ word: String) -> String {
        "\(word)\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}[31m\u{9B}1m\u{202E}\u{08} Text"
    }

    /// A patient, a signed session with an addendum, its review and a pattern of the user's own,
    /// every text field of which holds escape codes.
    func seed() throws -> (patient: Patient, lot: String) {
        let store = try PatientStore(root: folder.path)
        var patient = SampleRecords.patient(id: "evil-patient", name: Self.evil("Name"))
        patient.notes = Self.evil("Notes")
        try store.createPatient(patient)
        var session = SampleRecords.session(patient: "evil-patient", points: 3)
        let clinician = Clinician(id: RecordID("evil-clinician")!, name: Self.evil("Clinician"), role: Self.evil("Role"))
        session.clinician = clinician
        session.indication.concern = Self.evil("Concern")
        session.vials = [SampleRecords.product(lot: Self.evil("Lot"))]
        session.notes = Self.evil("SessionNotes")
        session.points = session.points.map { point in
            var copy = point
            copy.note = Self.evil("PointNote")
            copy.vial = session.vials[0].id
            return copy
        }
        session.overrides = []
        let signer = Clinician(id: RecordID("evil-signer")!, name: Self.evil("Signer"))
        session = try session.signed(by: signer, at: session.startedAt.adding(seconds: 60), meaning: "administered")
        let author = Clinician(id: RecordID("evil-author")!, name: Self.evil("Author"))
        session = try session.addingAddendum(Self.evil("Addendum"), by: author, at: session.startedAt.adding(seconds: 120))
        try store.saveSession(session)
        var outcome = RegionOutcome(region: session.points[0].region)
        outcome.note = Self.evil("OutcomeNote")
        outcome.wrinklesAtRest = 1
        try store.saveReview(Review(patient: patient.id, session: session.id, createdAt: session.startedAt.adding(seconds: 86_400 * 14),
                                    clinician: clinician, outcomes: [outcome], notes: Self.evil("ReviewNotes")))
        try store.saveUserPattern(TreatmentPattern.fromPoints(
            session.points, key: "user-evil", name: Self.evil("Pattern"), indication: session.indication,
            product: session.primaryVial.product))
        return (patient, session.primaryVial.lot)
    }

    @Test func noCommandPrintsControlCharactersFromARecord() throws {
        let (patient, lot) = try seed()
        let commands: [[String]] = [
            ["patients"], ["show", patient.id.rawValue], ["history", patient.id.rawValue], ["lots"], ["lots", lot], ["templates"],
            ["log", patient.id.rawValue],
        ]
        for arguments in commands {
            let result = try Runner.facechart(arguments, home: folder.path)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
            for (stream, text) in [("stdout", result.output), ("stderr", result.errors)] {
                let controls = text.unicodeScalars.filter {
                    ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                }
                #expect(controls.isEmpty, "\(arguments) \(stream) holds \(controls.map { String(format: "U+%04X", $0.value) })")
            }
            #expect(!result.output.contains("PWNED"), "\(arguments): escape sequences are removed whole")
        }
        let patients = try Runner.facechart(["patients"], home: folder.path).output
        #expect(patients.contains("Name Text"), "the text itself still shows: \(patients)")
        let shown = try Runner.facechart(["show", patient.id.rawValue], home: folder.path).output
        for field in ["Name Text", "Concern Text", "Clinician Text", "Lot Text", "Signer Text", "Addendum Text", "Author Text"] {
            #expect(shown.contains(field), "show prints \(field):\n\(shown)")
        }
        let templates = try Runner.facechart(["templates"], home: folder.path).output
        #expect(templates.contains("Pattern Text"), "\(templates)")
    }
}
