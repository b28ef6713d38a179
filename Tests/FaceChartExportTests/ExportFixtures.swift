import FaceChartAssets
import FaceChartCore
import FaceChartExport
import FaceChartTestSupport
import Foundation
import Testing

/// Records and tools shared by the export tests.
enum ExportFixtures {
    static let views: [ViewKind: FaceView] = [
        .anterior: try! BundledAssets.faceView(.anterior), .posterior: try! BundledAssets.faceView(.posterior),
    ]
    static let utc = TimeZone(identifier: "UTC")!
    static let catalogue = try! BundledAssets.productCatalogue()
    static let outcomes = try! BundledAssets.outcomeCatalogue()
    static let rules = try! BundledAssets.clinicalRules()
    static func productName(_ key: String) -> String { catalogue.product(key)?.name ?? key }

    /// The Botox Cosmetic glabellar pattern (p1...p5), signed, with an override, an addendum and a
    /// reviewed outcome with a side effect.
    static func glabellarRecord(patient: Patient = SampleRecords.patient()) throws -> SessionRecord {
        let pattern = try #require(try BundledAssets.patternLibrary().pattern("glabellar-botox-cosmetic"))
        var counter = 0
        var session = SampleRecords.session(points: 0)
        session.vials = [SampleRecords.product()]
        session.points = pattern.points(sides: .both, scale: 1) {
            counter += 1
            return RecordID("p\(counter)")!
        }
        session.points[1].note = "medial, \"deep\" & firm <b>"
        session = SampleRecords.signed(session)
        session = try session.addingAddendum(
            "Lot checked against the box: C1234A.\nSecond line of the addendum, long enough to wrap on any page.",
            by: SampleRecords.clinician, at: session.startedAt.adding(seconds: 7_200))
        let review = Review(
            patient: patient.id, session: session.id, createdAt: session.startedAt.adding(seconds: 14 * 86_400),
            clinician: Clinician(name: "Nurse Reviewer", role: "nurse"),
            outcomes: [RegionOutcome(region: .corrugator, wrinklesAtRest: 0, wrinklesAtMaximum: 1, symmetry: .even, satisfaction: 5,
                                     note: "happy")],
            scores: [ScaleScore(scale: "satisfaction", item: "satisfaction", value: 4)],
            sideEffects: [ObservedSideEffect(effect: .bruising, side: .right, severity: .mild, onsetDay: 1, note: "settled")])
        return SessionRecord(patient: patient, session: session, review: review, reviewPlan: outcomes.plan(for: session, rules: rules), rules: rules)
    }

    /// A top-up of `record`'s session on a second vial of another product, a posterior point, a draft.
    static func topUpRecord(of record: SessionRecord) -> SessionRecord {
        var session = SampleRecords.session(id: "top-up-1", startedAt: record.session.startedAt.adding(seconds: 14 * 86_400), points: 0)
        session.link = Session.Link(kind: .topUp, session: record.session.id)
        session.vials = [
            SampleRecords.product(),
            Vial(id: RecordID("v2")!, product: "dysport", ingredient: "abobotulinumtoxinA", lot: "=HYPERLINK(\"x\")",
                 expiry: nil, vialUnits: Units(300), diluentHundredthsML: 150),
        ]
        session.points = [
            InjectionPoint(id: RecordID("t1")!, view: .anterior, position: FacePoint(x: 0.4, y: 0.3), region: .corrugator,
                           side: .right, units: Units(hundredths: 250), depth: .intramuscular, note: "+1 touch"),
            InjectionPoint(id: RecordID("t2")!, view: .posterior, position: FacePoint(x: 0.3, y: 0.4), region: .trapezius,
                           side: .left, units: Units(20), depth: .deep, vial: RecordID("v2")!, guidance: .emg,
                           note: "-odd, \"quoted\""),
        ]
        return SessionRecord(patient: record.patient, session: session, review: nil, toppedUp: record.session, rules: rules)
    }

    /// Whether `name` is a program on PATH.
    static func hasProgram(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Whether CI runs the tests: then a missing tool is a failure, not a skip.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Runs a program to completion; standard output and error together.
    static func run(_ program: String, _ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(input)
            try inputPipe.fileHandleForWriting.close()
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// The path of a file in Tests/Fixtures.
    static func fixture(_ name: String, filePath: String = #filePath) -> String {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)").path
    }
}
