import FaceChartCore
import FaceChartUI
import Foundation

/// A vial the setup form offers: one opened at this chair (today, or on an earlier day and so chosen only
/// on purpose), or the vial of the treatment a top-up tops up.
public struct VialOffer: Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        case openedToday(at: Timestamp, by: Clinician)
        case openedEarlier(at: Timestamp, by: Clinician)
        /// The treatment's own vial, for its top-up.
        case treatment(day: CalendarDate)
    }

    public var vial: Vial
    public var origin: Origin

    public init(vial: Vial, origin: Origin) {
        self.vial = vial
        self.origin = origin
    }

    /// A vial from an earlier day: never chosen for the user.
    public var isEarlier: Bool {
        if case .openedEarlier = origin { true } else { false }
    }

    /// Whether choosing it leaves the chair's vials as they are: today's are kept already, and a
    /// treatment's vial is not a vial of the day.
    var isKeptToday: Bool {
        if case .openedEarlier = origin { false } else { true }
    }

    /// The chair's vials as offers: today's, newest first, then those of the week before.
    static func offers(from vials: ChairVials, today: CalendarDate, timeZone: TimeZone) -> [VialOffer] {
        vials.opened(on: today, timeZone: timeZone).map { VialOffer(vial: $0.vial, origin: .openedToday(at: $0.openedAt, by: $0.openedBy)) }
            + vials.opened(before: today, timeZone: timeZone).map {
                VialOffer(vial: $0.vial, origin: .openedEarlier(at: $0.openedAt, by: $0.openedBy))
            }
    }

    /// The vial's fields: the same vial, so its mixing time is kept and its age is checked as it is.
    func entry(products: [ProductChoice], timeZone: TimeZone) -> VialEntry {
        VialEntry(vial: vial, products: products, keepsMixingTime: true, timeZone: timeZone)
    }

    /// `Botox Cosmetic lot C1234 · opened 09:12`: the vial as the chooser names it.
    func label(productName: (String) -> String, timeZone: TimeZone) -> String {
        let vialText = "\(productName(vial.product)) lot \(vial.lot)"
        switch origin {
        case .openedToday(let at, _): return vialText + " · opened " + Format.dateTime(at, timeZone: timeZone).suffix(5)
        case .openedEarlier(let at, _): return vialText + " · opened \(at.localDay(fallback: timeZone)), not today"
        case .treatment(let day): return vialText + " · the treatment's, \(day)"
        }
    }
}

extension SessionSetupScreen {
    /// Left, Right and Space step through the offers and a new vial; a digit chooses that offer.
    mutating func chooseVial(_ key: Key, environment: ScreenEnvironment) {
        let count = offers.count + 1
        let position = chosen ?? offers.count
        switch key {
        case .left: choose((position + count - 1) % count, environment: environment)
        case .right, .character(" "): choose((position + 1) % count, environment: environment)
        case .character(let character):
            guard let number = character.wholeNumberValue, (1...offers.count).contains(number) else { return }
            choose(number - 1, environment: environment)
        default: break
        }
    }

    /// Chooses offer `index`, or a new vial (of the product shown) for `offers.count`.
    private mutating func choose(_ index: Int, environment: ScreenEnvironment) {
        guard index < offers.count else {
            let product = environment.products[safe: vial.productIndex]?.key
            let like = product.map { key in offers.first { $0.vial.product == key }?.vial ?? previous?.primaryVial } ?? nil
            vial = Self.newVial(like: like, products: environment.products)
            vial.selectProduct(vial.productIndex, products: environment.products)
            chosen = nil
            message = StatusMessage("A new vial: type its lot and expiry; the next sessions offer it.")
            return
        }
        chosen = index
        let offer = offers[index]
        vial = offer.entry(products: environment.products, timeZone: environment.timeZone)
        message = offer.isEarlier
            ? .warning("Opened on an earlier day: check it is the vial in your hand (its mixing time is kept and checked).")
            : nil
    }

    /// What the vial row shows: the chosen offer and where it stands among them, or a new vial.
    func vialChoiceText(environment: ScreenEnvironment) -> String {
        guard let chosen else { return offers.isEmpty ? "New vial" : "New vial (\(offers.count) opened here: arrows)" }
        return "\(chosen + 1)/\(offers.count) "
            + offers[chosen].label(productName: environment.productName, timeZone: environment.timeZone)
    }
}
