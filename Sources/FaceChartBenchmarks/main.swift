import FaceChartCore
@_spi(Fuzzing) import FaceChartStore
import Foundation

// Prints median, min and max wall time of text entry and of the store's hot paths, in a throwaway
// temp folder. `FaceChartBenchmarks text-entry` runs only the text-entry cases.

/// Runs `body` `repetitions` times after `setUp`, returning each run's seconds.
func measure(_ repetitions: Int, setUp: () throws -> Void = {}, _ body: () throws -> Void) rethrows -> [Double] {
    try setUp()
    try body()  // a first run to warm caches, not counted
    var times: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
        try setUp()
        let elapsed = try clock.measure(body)
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return times.sorted()
}

func milliseconds(_ seconds: Double) -> String { String(format: "%9.2f ms", seconds * 1000) }

// `FaceChartBenchmarks generate FOLDER COUNT` writes a practice; `keys` breaks a keystroke down.
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "generate", arguments.count == 3, let count = Int(arguments[arguments.startIndex + 2]) {
    do {
        let started = Date()
        try PracticeGenerator.generate(root: arguments[arguments.startIndex + 1], count: count)
        print("generated \(count) patients in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        exit(0)
    } catch {
        print("\(error)")
        exit(1)
    }
}
if arguments.first == "keys-patient", arguments.count == 2 {
    // A patient `keys-100` with a 100-point draft session, saved durably, for the key-to-frame case.
    do {
        let store = try PatientStore(root: arguments[arguments.startIndex + 1])
        let id = RecordID("keys-100")!
        if (try? store.loadPatient(id)) == nil {
            try store.createPatient(Patient(
                id: id, name: "Keystroke Hundred", dateOfBirth: nil, sex: .unspecified,
                createdAt: Timestamp(milliseconds: 1_700_000_000_000, utcOffsetSeconds: 0)))
            try store.saveSession(KeystrokeBreakdown.hundredPointSession(patient: id))
        }
        exit(0)
    } catch {
        print("\(error)")
        exit(1)
    }
}
if arguments.first == "keys" {
    do {
        try KeystrokeBreakdown.run()
        exit(0)
    } catch {
        print("\(error)")
        exit(1)
    }
}

try TextEntryBenchmark.run()
print("")
if CommandLine.arguments.dropFirst().first == "text-entry" { exit(0) }

let utc = TimeZone(identifier: "UTC")!
let created = Timestamp(Date(timeIntervalSince1970: 1_714_300_000.25), timeZone: utc)
let product = Vial(product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "C1234A",
                   expiry: CalendarDate("2027-06-30"), vialUnits: Units(100), diluentHundredthsML: 250)

func patient(_ id: String) -> Patient {
    Patient(id: RecordID(id)!, name: "Bench Patient \(id)", dateOfBirth: CalendarDate("1980-01-01"), sex: .female,
            flags: [.anticoagulants], notes: "Benchmark record.", createdAt: created)
}

func session(_ id: String, patient: String, points: Int, start: Timestamp) -> Session {
    let regions = Region.allCases
    let list = (0..<points).map { index in
        InjectionPoint(id: RecordID("p\(index)")!, view: .anterior,
                       position: FacePoint(x: Double(index % 10) / 10, y: Double(index % 17) / 17),
                       region: regions[index % regions.count], side: .left, units: Units(hundredths: 250),
                       depth: .intramuscular, note: index % 4 == 0 ? "note" : "")
    }
    return Session(id: RecordID(id)!, patient: RecordID(patient)!, startedAt: start,
                   clinician: Clinician(name: "Dr Bench"),
                   indication: Indication(kind: .aesthetic, concern: "Glabellar lines"), vials: [product],
                   points: list, notes: "Benchmark.")
}

let base = FileManager.default.temporaryDirectory.appendingPathComponent("facechart-bench-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: base) }
var rows: [(String, [Double])] = []

do {
    // 1. Durable save of a 100-point session.
    let store = try PatientStore(root: base + "/save")
    try store.createPatient(patient("saver"))
    var record = session("s100", patient: "saver", points: 100, start: created)
    try store.saveSession(record)
    var counter = 0
    rows.append(("durable save, 100-point session", try measure(15, setUp: {
        counter += 1
        record.notes = "Benchmark run \(counter)."
    }) { try store.saveSession(record) }))

    // 2. Loading a patient with 200 sessions (20 points each), in a freshly opened store.
    let heavyRoot = base + "/heavy"
    let heavy = try PatientStore(root: heavyRoot)
    try heavy.createPatient(patient("heavy"))
    for index in 0..<200 {
        try heavy.saveSession(session("s\(index)", patient: "heavy", points: 20,
                                      start: created.adding(seconds: Double(index) * 86_400)))
    }
    var fresh: PatientStore?
    rows.append(("load patient + 200 sessions", try measure(11, setUp: { fresh = try PatientStore(root: heavyRoot) }) {
        _ = try fresh!.loadPatient(RecordID("heavy")!)
        let sessions = try fresh!.sessions(of: RecordID("heavy")!)
        precondition(sessions.count == 200)
    }))

    // 3. Listing 10,000 patients. Set-up writes the files directly (not durably) to keep it quick.
    // Each record is the store's own encoding (its checksum matches), written without syncing.
    let listRoot = base + "/list"
    _ = try PatientStore(root: listRoot)
    let manager = FileManager.default
    for index in 0..<10_000 {
        let id = String(format: "t%07d", index)
        let folder = listRoot + "/patients/" + id
        try? manager.createDirectory(atPath: folder + "/sessions", withIntermediateDirectories: true)
        guard let bytes = DecoderFuzzing.encoded(patient(id)) else { throw StoreError.invalidIdentifier }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/patient.json"))
        for visit in 0..<(index % 4) {
            _ = manager.createFile(atPath: folder + "/sessions/2024050\(visit + 1)T093000Z-v\(visit).json", contents: Data())
        }
    }
    rows.append(("open store (temp-file sweep), 10,000", try measure(5) { _ = try PatientStore(root: listRoot) }))
    var lister: PatientStore?
    rows.append(("list 10,000 patients", try measure(5, setUp: { lister = try PatientStore(root: listRoot) }) {
        let list = try lister!.listPatients()
        precondition(list.count == 10_000 && list.allSatisfy { $0.problem == nil })
    }))
    // 4. A patient whose one session holds 100,000 points.
    rows += try LargeSessionBenchmark.rows(base: base)
} catch let error as StoreError {
    print("benchmark failed: \(error.message)")
    exit(1)
}

print("FaceChart store benchmarks (\(rows.count) cases)")
print("case".padding(toLength: 38, withPad: " ", startingAt: 0) + "   runs      median          min          max")
for (name, times) in rows {
    print(name.padding(toLength: 38, withPad: " ", startingAt: 0)
          + String(format: "%7d", times.count)
          + milliseconds(times[times.count / 2]) + "  " + milliseconds(times.first!) + "  " + milliseconds(times.last!))
}

print("")
do {
    try LotRecallBenchmark.run()
} catch {
    print("lot recall benchmark failed: \(error)")
    exit(1)
}
