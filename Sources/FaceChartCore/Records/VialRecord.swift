/// A vial as record files write it: its size as a dose on its ingredient's scale and its saline as a
/// volume (docs/format.md). Shared by sessions and the chair's open vials.
struct VialRecord: Codable {
    var id: RecordID
    var product: String
    var ingredient: String
    var lot: String
    var expiry: CalendarDate?
    var size: Quantity
    var diluent: Quantity
    var reconstitutedAt: Timestamp?

    init(_ vial: Vial) {
        id = vial.id
        product = vial.product
        ingredient = vial.ingredient
        lot = vial.lot
        expiry = vial.expiry
        size = .dose(vial.vialUnits, scale: vial.ingredient)
        diluent = .volume(hundredthsML: vial.diluentHundredthsML)
        reconstitutedAt = vial.reconstitutedAt
    }

    /// The vial, checking the units of its size and saline.
    func vial() throws(RecordProblem) -> Vial {
        Vial(
            id: id, product: product, ingredient: ingredient, lot: lot, expiry: expiry,
            vialUnits: try size.units(expectingScale: ingredient), diluentHundredthsML: try diluent.hundredthsML(),
            reconstitutedAt: reconstitutedAt)
    }
}
