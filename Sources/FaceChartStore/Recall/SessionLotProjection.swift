import FaceChartCore
import Foundation

/// The part of a session file that lot recall reads: who, when, and the units drawn from each vial.
/// Decoding this instead of a whole `Session` skips the fields recall does not need.
struct SessionLotProjection: Decodable {
    /// The vial fields of a `ProductUse`.
    struct Vial: Decodable {
        var product: String
        var lot: String
        var expiry: CalendarDate?
    }

    /// The dose fields of an `InjectionPoint`.
    struct Point: Decodable {
        var units: Units
        var product: Vial?
    }

    var id: RecordID
    var patient: RecordID
    var startedAt: Date
    var product: Vial
    var points: [Point]

    /// Why the doses cannot be trusted, with the same limits as `InjectionPoint.problem`.
    var problem: ValidationError? {
        for point in points {
            if point.units <= .zero { return .unitsNotPositive(point.units) }
            if point.units > InjectionPoint.maximumUnits {
                return .unitsTooLarge(point.units, maximum: InjectionPoint.maximumUnits)
            }
        }
        return nil
    }

    /// Units per vial (product, lot, expiry), in the order the vials first appear; points without a
    /// product of their own were drawn from the session's vial.
    var unitsByVial: [(vial: Vial, units: Units)] {
        struct Key: Hashable {
            var product: String
            var lot: String
            var expiry: CalendarDate?
        }
        var order: [Key] = []
        var totals: [Key: (vial: Vial, units: Units)] = [:]
        for point in points {
            let vial = point.product ?? product
            let key = Key(product: vial.product, lot: LotUse.normalized(vial.lot), expiry: vial.expiry)
            if let existing = totals[key] {
                totals[key] = (existing.vial, existing.units + point.units)
            } else {
                order.append(key)
                totals[key] = (vial, point.units)
            }
        }
        return order.map { totals[$0]! }
    }
}
