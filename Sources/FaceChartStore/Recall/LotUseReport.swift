import FaceChartCore
import Foundation

/// Every session's use of every lot in the store, with the files that could not be read beside them:
/// a recall is only as complete as its list of problems is empty.
public struct LotUseReport: Equatable, Sendable {
    /// One row per session and lot (and product and expiry), oldest session first.
    public let uses: [LotUse]
    /// Files or folders that could not be read or were not counted; their sessions are missing from `uses`.
    public let problems: [RecordIssue]

    public init(uses: [LotUse], problems: [RecordIssue]) {
        self.uses = uses
        self.problems = problems
    }

    /// The rows of `lot`, compared without surrounding spaces and ignoring case; none for an empty lot.
    public func uses(ofLot lot: String) -> [LotUse] {
        let wanted = LotUse.normalized(lot)
        guard !wanted.isEmpty else { return [] }
        return uses.filter { LotUse.normalized($0.lot) == wanted }
    }

    /// One summary per lot and product, ordered by lot then product. Units of different products are
    /// never added together, so a lot number recorded under two products gives two summaries.
    public func summaryByLot() -> [LotSummary] {
        struct Key: Hashable {
            var lot: String
            var product: String
        }
        struct Tally {
            var lot: String
            var expiries: Set<CalendarDate> = []
            var total = Units.zero
            var patients: Set<RecordID> = []
            var sessions: Set<SessionKey> = []
            var first: Date
            var last: Date

            mutating func add(_ use: LotUse) {
                if let expiry = use.expiry { expiries.insert(expiry) }
                total = total + use.units
                patients.insert(use.patient)
                sessions.insert(SessionKey(patient: use.patient, session: use.session))
                first = min(first, use.startedAt)
                last = max(last, use.startedAt)
            }
        }
        struct SessionKey: Hashable {
            var patient: RecordID
            var session: RecordID
        }
        var tallies: [Key: Tally] = [:]
        for use in uses {
            let key = Key(lot: LotUse.normalized(use.lot), product: use.product)
            // Mutated in place: copying a tally out and back would copy its sets for every row.
            tallies[key, default: Tally(lot: use.lot, first: use.startedAt, last: use.startedAt)].add(use)
        }
        return tallies.sorted { ($0.key.lot, $0.key.product) < ($1.key.lot, $1.key.product) }.map { key, tally in
            LotSummary(
                lot: tally.lot, product: key.product, expiries: tally.expiries.sorted(), totalUnits: tally.total,
                patientCount: tally.patients.count, sessionCount: tally.sessions.count, firstUse: tally.first,
                lastUse: tally.last)
        }
    }
}
