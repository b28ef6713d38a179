import FaceChartCore
import FaceChartUI
import Foundation

/// The fields of one vial as typed in session setup, or when another vial is opened while charting: product,
/// lot, expiry, size, saline and when it was mixed, checked the same way wherever they are typed.
public struct VialEntry: Hashable, Sendable {
    /// The vial's fields, in form order.
    public enum Field: Int, FormField, Hashable, Sendable {
        case product, lot, expiry, vialUnits, diluent, mixedAt

        public var label: String {
            switch self {
            case .product: "Product"
            case .lot: "Lot"
            case .expiry: "Expiry (YYYY-MM-DD)"
            case .vialUnits: "Vial units"
            case .diluent: "Diluent mL"
            case .mixedAt: "Vial mixed (HH:MM)"
            }
        }
    }

    /// Why the fields do not make a vial, and where.
    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        public var field: Field
    }

    public var productIndex: Int
    public var lot: TextField
    public var expiry: TextField
    public var vialUnits: TextField
    public var diluent: TextField
    /// When the vial was reconstituted: `HH:MM` today, or `YYYY-MM-DD HH:MM`; empty when not recorded.
    public var mixedAt: TextField
    /// The lot and mixing time of a vial used again: its mixing time holds while the lot is that vial's.
    private var kept: (lot: String, mixed: String)?

    public static func == (lhs: VialEntry, rhs: VialEntry) -> Bool {
        (lhs.productIndex, lhs.lot, lhs.expiry, lhs.vialUnits, lhs.diluent, lhs.mixedAt)
            == (rhs.productIndex, rhs.lot, rhs.expiry, rhs.vialUnits, rhs.diluent, rhs.mixedAt)
            && lhs.kept?.lot == rhs.kept?.lot && lhs.kept?.mixed == rhs.kept?.mixed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(productIndex)
        hasher.combine(lot)
        hasher.combine(mixedAt)
    }

    /// Pre-filled from `vial` (its product's defaults when there is none). With `keepsMixingTime` the vial's
    /// mixing time is kept too: the same vial, used again (a top-up), is as old as it is.
    public init(vial: Vial?, products: [ProductChoice], keepsMixingTime: Bool = false, timeZone: TimeZone = .current) {
        productIndex = vial.flatMap { used in products.firstIndex { $0.key == used.product } } ?? 0
        let choice = products[safe: productIndex]
        lot = TextField(vial?.lot ?? "", maximumLength: 40)
        expiry = TextField(vial?.expiry?.description ?? "", maximumLength: 10)
        vialUnits = TextField((vial?.vialUnits ?? choice?.vialUnits ?? Units(100)).description, maximumLength: 6)
        let diluentHundredths = vial?.diluentHundredthsML ?? choice?.diluentHundredthsML
        diluent = TextField(diluentHundredths.map { Units(hundredths: $0).description } ?? "", maximumLength: 6)
        let mixed = keepsMixingTime ? vial?.reconstitutedAt.map { Format.dateTime($0.date, timeZone: timeZone) } : nil
        mixedAt = TextField(mixed ?? "", maximumLength: 16)
        kept = mixed.map { (vial?.lot ?? "", $0) }
    }

    /// Another product: its usual vial and saline.
    public mutating func selectProduct(_ index: Int, products: [ProductChoice]) {
        guard let choice = products[safe: index] else { return }
        productIndex = index
        vialUnits = TextField(choice.vialUnits.description, maximumLength: 6)
        diluent = TextField(choice.diluentHundredthsML.map { Units(hundredths: $0).description } ?? "", maximumLength: 6)
    }

    /// A key typed into `field`: arrows and Space choose the product, other keys edit the text.
    /// Returns the field's notice when it is full.
    @discardableResult
    public mutating func handle(_ key: Key, in field: Field, products: [ProductChoice]) -> String? {
        guard field == .product else { return edit(field) { $0.handle(key) }?.limitNotice }
        let count = products.count
        guard count > 0 else { return nil }
        switch key {
        case .left: selectProduct((productIndex + count - 1) % count, products: products)
        case .right, .character(" "): selectProduct((productIndex + 1) % count, products: products)
        default: break
        }
        return nil
    }

    /// Pasted text into `field` (the product is chosen, not typed: a paste there does nothing).
    /// Returns the field's notice when it is full.
    @discardableResult
    public mutating func paste(_ text: String, in field: Field) -> String? {
        edit(field) { $0.paste(text) }?.limitNotice
    }

    /// Applies `change` to the text of `field` and returns the field as it now is; nil for the product,
    /// which is chosen, not typed.
    public mutating func edit(_ field: Field, _ change: (inout TextField) -> Void) -> TextField? {
        switch field {
        case .product: return nil
        case .lot:
            change(&lot)
            // Another lot is another vial: the kept vial's mixing time no longer applies (and comes back with its lot).
            if let kept {
                if lot.text != kept.lot, mixedAt.text == kept.mixed { mixedAt = TextField(maximumLength: 16) }
                if lot.text == kept.lot, mixedAt.text.isEmpty { mixedAt = TextField(kept.mixed, maximumLength: 16) }
            }
            return lot
        case .expiry: change(&expiry); return expiry
        case .vialUnits: change(&vialUnits); return vialUnits
        case .diluent: change(&diluent); return diluent
        case .mixedAt: change(&mixedAt); return mixedAt
        }
    }

    /// `= 4 U per 0.1 mL` for the typed size and saline, when both are figures.
    public var strengthText: String? {
        guard let vial = Units(parsing: vialUnits.text), let volume = Units(parsing: diluent.text), volume > .zero else { return nil }
        return "= \(Format.trimmed(Dilution(vialUnits: vial, diluentHundredthsML: volume.hundredths).unitsPerTenthML)) U per 0.1 mL"
    }

    /// The vial the fields describe, or the first problem: a lot and an unexpired expiry are required, the size
    /// and saline must be figures, and a mixing time must be in the past.
    /// The expiry and a mixing time typed as `HH:MM` are read as of `day` (today for a new vial).
    public func vial(id: RecordID, environment: ScreenEnvironment, day: CalendarDate? = nil) -> Result<Vial, Problem> {
        let day = day ?? environment.today
        guard let choice = environment.products[safe: productIndex] else {
            return .failure(Problem(message: "No product to choose from.", field: .product))
        }
        let lotText = lot.text.trimmingCharacters(in: .whitespaces)
        guard !lotText.isEmpty else {
            return .failure(Problem(message: "The lot number is required: it travels with every injection.", field: .lot))
        }
        guard let expiryDate = CalendarDate(expiry.text.trimmingCharacters(in: .whitespaces)) else {
            return .failure(Problem(message: "Expiry '\(expiry.text)' is not a date in the form YYYY-MM-DD.", field: .expiry))
        }
        guard expiryDate >= day else {
            return .failure(Problem(message: ValidationError.lotExpired(lot: lotText, expiry: expiryDate).message, field: .expiry))
        }
        guard let size = Units(parsing: vialUnits.text), size > .zero, size <= Units(1000) else {
            return .failure(Problem(message: "Vial units '\(vialUnits.text)' must be a figure above 0 and at most 1000.", field: .vialUnits))
        }
        guard let saline = Units(parsing: diluent.text), saline > .zero, saline <= Units(100) else {
            return .failure(Problem(message: "Diluent '\(diluent.text)' must be a volume above 0 mL and at most 100 mL.", field: .diluent))
        }
        var mixed: Timestamp?
        let mixedText = mixedAt.text.trimmingCharacters(in: .whitespaces)
        if !mixedText.isEmpty {
            guard let date = Self.parseTime(mixedText, today: day, timeZone: environment.timeZone),
                  date <= environment.now
            else {
                return .failure(Problem(
                    message: "Mixed at '\(mixedText)' is not a past time (HH:MM today, or YYYY-MM-DD HH:MM).", field: .mixedAt))
            }
            mixed = Timestamp(date, timeZone: environment.timeZone)
        }
        return .success(Vial(
            id: id, product: choice.key, ingredient: environment.rules.ingredient(of: choice.key), lot: lotText,
            expiry: expiryDate, vialUnits: size, diluentHundredthsML: saline.hundredths, reconstitutedAt: mixed))
    }

    /// `HH:MM` on `today`, or `YYYY-MM-DD HH:MM`, in `timeZone`.
    public static func parseTime(_ text: String, today: CalendarDate, timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: " ")
        let day: CalendarDate?
        let clock: Substring
        switch parts.count {
        case 1: (day, clock) = (today, parts[0])
        case 2: (day, clock) = (CalendarDate(String(parts[0])), parts[1])
        default: return nil
        }
        let hourMinute = clock.split(separator: ":")
        guard let day, hourMinute.count == 2, hourMinute[1].count == 2, let hour = Int(hourMinute[0]), let minute = Int(hourMinute[1]),
              (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }
}
