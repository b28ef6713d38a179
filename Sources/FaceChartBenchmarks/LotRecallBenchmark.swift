import FaceChartCore
import FaceChartStore
import Foundation

/// Lot recall over a large store: `lotUses()` plus `summaryByLot()` on 10,000 patients with two
/// sessions of ten points each (four lots, one point per session from a second vial).
///
/// Environment: FACECHART_BENCH_PATIENTS (default 10000); FACECHART_BENCH_DIR to keep the generated
/// store between runs (a store that already holds the patients is reused, not rewritten).
enum LotRecallBenchmark {
    static func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["FACECHART_BENCH_PATIENTS"].flatMap(Int.init) ?? 10_000
        let kept = environment["FACECHART_BENCH_DIR"]
        let root = kept ?? NSTemporaryDirectory() + "facechart-lot-bench-\(UUID().uuidString)"
        defer { if kept == nil { try? FileManager.default.removeItem(atPath: root) } }

        let store = try PatientStore(root: root)
        let existing = try store.listPatients().count
        if existing < count {
            let started = Date()
            try populate(store, from: existing, to: count)
            let seconds = Date().timeIntervalSince(started)
            print("lot recall: wrote \(count - existing) patients, \(2 * (count - existing)) sessions through "
                + "PatientStore (durable saves) in \(String(format: "%.1f", seconds)) s")
        }

        var timings: [Double] = []
        var rows = 0
        var lots = 0
        for _ in 0..<5 {
            let started = DispatchTime.now().uptimeNanoseconds
            let report = try PatientStore(root: root).lotUses()
            let summaries = report.summaryByLot()
            timings.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
            guard report.problems.isEmpty else { throw BenchmarkFailure("\(report.problems.count) problems") }
            rows = report.uses.count
            lots = summaries.count
        }
        let median = timings.sorted()[timings.count / 2]
        print("lot recall: \(count) patients, \(rows) rows, \(lots) lots: median of 5 lotUses()+summaryByLot() "
            + "\(String(format: "%.0f", median)) ms (runs: \(timings.map { String(format: "%.0f", $0) }.joined(separator: ", ")) ms)")
    }

    private static func populate(_ store: PatientStore, from start: Int, to end: Int) throws {
        let lots = ["C1234A", "C5678B", "D9012C", "E3456D"]
        let base = Timestamp(milliseconds: 1_700_000_000_000, utcOffsetSeconds: 0)
        for index in start..<end {
            let id = RecordID(String(format: "bench-%06d", index))!
            try store.createPatient(Patient(
                id: id, name: "Bench Patient \(index)", dateOfBirth: nil, sex: .unspecified, createdAt: base))
            for visit in 0..<2 {
                let lot = lots[(index + visit) % lots.count]
                let points = (0..<10).map { point in
                    InjectionPoint(
                        id: RecordID("p\(point)")!, view: .anterior,
                        position: FacePoint(x: 0.3 + Double(point) * 0.04, y: 0.25), region: .frontalis,
                        side: point < 5 ? .right : .left, units: Units(4), depth: .intramuscular,
                        vial: point == 9 ? RecordID("v2")! : Session.firstVialID)
                }
                try store.saveSession(Session(
                    id: RecordID("s\(visit)")!, patient: id,
                    startedAt: base.adding(seconds: Double(index % 365 + visit * 120) * 86_400),
                    clinician: Clinician(name: "Dr Bench"),
                    indication: Indication(kind: .aesthetic, concern: "Forehead lines"),
                    vials: [vial(lot, id: "v1"), vial(lots[(index + visit + 1) % lots.count], id: "v2")],
                    points: points))
            }
        }
    }

    private static func vial(_ lot: String, id: String) -> Vial {
        Vial(
            id: RecordID(id)!, product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: lot,
            expiry: CalendarDate(year: 2027, month: 6, day: 30), vialUnits: Units(100), diluentHundredthsML: 250)
    }
}

/// A benchmark whose data did not come out as generated.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
