import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartUI
import Foundation

/// Fixed clock, counting ids and UTC, so screen tests are repeatable.
public enum TestEnvironment {
    /// 2026-11-28 10:00:00 UTC.
    public static let now = Date(timeIntervalSince1970: 1_795_860_000)
    /// `now` as records write it.
    public static let timestamp = Timestamp(milliseconds: 1_795_860_000_000, utcOffsetSeconds: 0)

    public static let products = [
        ProductChoice(
            key: "botox-cosmetic", name: "Botox Cosmetic", vialUnits: Units(100), diluentHundredthsML: 250,
            genericName: "onabotulinumtoxinA"),
        ProductChoice(
            key: "dysport", name: "Dysport", vialUnits: Units(300), diluentHundredthsML: 150,
            genericName: "abobotulinumtoxinA"),
        ProductChoice(
            key: "botox", name: "Botox", vialUnits: Units(100), diluentHundredthsML: 200, genericName: "onabotulinumtoxinA"),
    ]

    /// The shipped products, indications and limits.
    public static let rules: ClinicalRules = try! BundledAssets.clinicalRules()

    public static func make(views: [ViewKind: FaceView] = SampleFaceView.views(), now: Date = now) -> ScreenEnvironment {
        make(views: views, clock: { now })
    }

    /// An environment whose clock reads `clock` now (a `TestClock` moves it without sleeping; read the
    /// environment again after moving it, as the app reads the clock into its environment before each event).
    public static func make(views: [ViewKind: FaceView] = SampleFaceView.views(), clock: @escaping @Sendable () -> Date) -> ScreenEnvironment {
        let counter = Counter()
        var environment = ScreenEnvironment(
            now: clock(), makeID: { RecordID("id\(counter.next())")! }, timeZone: TimeZone(identifier: "UTC")!,
            views: views, rules: rules, products: products, user: SampleRecords.clinician)
        environment.outcomes = OutcomeFixtures.catalogue
        return environment
    }
}

/// A clock tests move by hand.
public final class TestClock: @unchecked Sendable {
    private var current: Date
    private let lock = NSLock()

    public init(_ start: Date = TestEnvironment.now) { current = start }

    public var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public func advance(by seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

/// A thread-safe counter for generated ids.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
