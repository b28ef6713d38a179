import Dispatch
import FaceChartCore
import FaceChartStore
import Foundation

/// Writes a practice of `count` patients in FaceChart's exact format, through the store (so every
/// envelope, checksum and name is what FaceChart writes), on every core: two sessions per patient with
/// 8 to 23 points from one or two vials, one of 400 lots per vial, and a scored review of the first
/// session for every other patient. Saves are not synced (a generated folder is not a record).
enum PracticeGenerator {
    static let lots = (0..<400).map { String(format: "L%05dX", $0 * 37 % 100_000) }
    static let names = ["Ada", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Inès", "Jon", "Kai", "Lena"]
    static let surnames = ["Martin", "Nguyen", "Okafor", "Petrov", "Quinn", "Rossi", "Søndergaard", "Tanaka", "Usman"]

    /// The patient folder name of patient `index`.
    static func id(_ index: Int) -> RecordID { RecordID(String(format: "p%07d", index))! }

    static func generate(root: String, count: Int) throws {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                let store = try PatientStore.forGeneratingData(root: root)
                for index in stride(from: worker, to: count, by: workers) { try write(index, to: store) }
            } catch {
                failures.add("\(error)")
            }
        }
        if let first = failures.first { throw BenchmarkFailure("generating failed: \(first)") }
    }

    private static func write(_ index: Int, to store: PatientStore) throws {
        var random = SplitMix(seed: UInt64(index))
        let id = id(index)
        let base = Timestamp(milliseconds: 1_640_000_000_000 + Int64(random.next() % 1_000) * 86_400_000, utcOffsetSeconds: 3_600)
        try store.createPatient(Patient(
            id: id, name: "\(names[index % names.count]) \(surnames[index / names.count % surnames.count]) \(index)",
            dateOfBirth: CalendarDate(year: 1950 + index % 50, month: 1 + index % 12, day: 1 + index % 28),
            sex: index % 3 == 0 ? .male : .female, createdAt: base))
        for visit in 0..<2 {
            let started = base.adding(seconds: Double(visit * 120 + Int(random.next() % 20)) * 86_400)
            let vials = (0..<(1 + Int(random.next() % 2))).map { number in
                Vial(
                    id: RecordID("v\(number + 1)")!, product: "botox-cosmetic", ingredient: "onabotulinumtoxinA",
                    lot: lots[Int(random.next() % UInt64(lots.count))], expiry: CalendarDate(year: 2027, month: 6, day: 30),
                    vialUnits: Units(100), diluentHundredthsML: 250, reconstitutedAt: started.adding(seconds: -1_800))
            }
            let regions: [Region] = [.procerus, .corrugator, .frontalis, .orbicularisOculiLateral]
            let points = (0..<(8 + Int(random.next() % 16))).map { number in
                let x: Double = 0.2 + Double(number % 12) * 0.05
                let y: Double = 0.2 + Double(number / 12) * 0.1
                let sides: [Side] = [.right, .left, .midline]
                let hundredths: Int = 200 + Int(random.next() % 5) * 50
                return InjectionPoint(
                    id: RecordID("pt\(number)")!, view: .anterior, position: FacePoint(x: x, y: y),
                    region: regions[number % regions.count], side: sides[number % 3],
                    units: Units(hundredths: hundredths), depth: .intramuscular, vial: vials[number % vials.count].id)
            }
            try store.saveSession(Session(
                id: RecordID("s\(index)x\(visit)")!, patient: id, startedAt: started,
                clinician: Clinician(id: RecordID("dr-bench")!, name: "Dr Bench"),
                indication: Indication(kind: .aesthetic, concern: "Glabellar lines", key: "glabellar-lines"),
                vials: vials, points: points, notes: "Generated for a benchmark."))
            if visit == 0, index % 2 == 0 {
                try store.saveReview(Review(
                    patient: id, session: RecordID("s\(index)x\(visit)")!, createdAt: started.adding(seconds: 14 * 86_400),
                    clinician: Clinician(id: RecordID("dr-bench")!, name: "Dr Bench"),
                    outcomes: [RegionOutcome(region: .procerus, wrinklesAtRest: 0, wrinklesAtMaximum: 1)]))
            }
        }
    }
}

/// A small fast generator, so that a practice comes out the same on every run.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Errors collected from worker threads.
private final class Failures: @unchecked Sendable {
    private var messages: [String] = []
    private let lock = NSLock()

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return messages.first
    }
}
