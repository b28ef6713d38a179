import FaceChartCore
import FaceChartUI
import Foundation

/// Sets up a session: indication, the vial (one of the vials opened at this chair today, or a new one:
/// product, lot, expiry, size, saline, mixing time) and the clinician. The focus always starts on the
/// concern, its text selected (typing replaces it); Enter accepts the form from any field once it is
/// complete, so a repeat visit on a working day is one key.
public struct SessionSetupScreen: Equatable, FormScreen {
    public enum Field: Int, FormField, Hashable, Sendable {
        case kind, concern, vial, product, lot, expiry, vialUnits, diluent, clinician, mixedAt

        var label: String {
            switch self {
            case .kind: "Indication"
            case .concern: "Concern / diagnosis"
            case .vial: "Vial"
            case .clinician: "Clinician"
            case .product, .lot, .expiry, .vialUnits, .diluent, .mixedAt: vialField!.label
            }
        }

        /// The vial field this setup field shows, if it shows one.
        var vialField: VialEntry.Field? {
            switch self {
            case .product: .product
            case .lot: .lot
            case .expiry: .expiry
            case .vialUnits: .vialUnits
            case .diluent: .diluent
            case .mixedAt: .mixedAt
            case .kind, .concern, .vial, .clinician: nil
            }
        }
    }

    /// The field the focus starts on, every time.
    public static let firstField = Field.concern

    public var patient: Patient
    public var kind: Indication.Kind
    public var concern: TextField
    /// The vials offered, today's first: one is chosen, or `chosen` is nil and the fields describe a new one.
    public var offers: [VialOffer]
    public var chosen: Int?
    /// The vial's fields: the chosen vial's, or a new vial's as typed.
    public var vial: VialEntry
    public var clinician: TextField
    public var focus: Field
    public var message: StatusMessage?
    /// The session this one repeats, when pre-filled.
    public var previous: Session?
    /// The draft whose header the form corrects, if it does.
    public var correcting: Session?
    /// Whether the new session starts with the previous session's points.
    public var copiesPoints: Bool

    /// A new session for `patient`, from `previous` (its indication; its product and saline for a new vial,
    /// never its lot) with the `offers` (`preferred` chosen when given, else the first of today's).
    public init(
        patient: Patient, previous: Session?, products: [ProductChoice], offers: [VialOffer] = [], preferred: Int? = nil,
        clinician: Clinician? = nil, copiesPoints: Bool = false, timeZone: TimeZone = .current
    ) {
        self.patient = patient
        self.previous = previous
        self.copiesPoints = copiesPoints && previous != nil
        self.offers = offers
        kind = previous?.indication.kind ?? .aesthetic
        concern = TextField(previous?.indication.concern ?? "Glabellar lines", maximumLength: 80)
        chosen = preferred ?? offers.firstIndex { !$0.isEarlier }
        vial = VialEntry(vial: nil, products: products)
        self.clinician = TextField((clinician ?? previous?.clinician)?.name ?? "", maximumLength: 60)
        focus = Self.firstField
        concern.selectAll()
        if let chosen {
            vial = offers[chosen].entry(products: products, timeZone: timeZone)
        } else {
            vial = SessionSetupScreen.newVial(like: previous?.primaryVial, products: products)
        }
        if let previous, self.copiesPoints {
            message = StatusMessage("Starts from the map of \(previous.points.count) points (\(Format.units(previous.summary.total))): Enter accepts.")
        } else if chosen == nil, !offers.contains(where: { !$0.isEarlier }) {
            message = StatusMessage("No vial opened here today yet: type its lot and expiry once; the next sessions offer it.")
        } else if previous != nil {
            message = StatusMessage("Pre-filled from the last session and today's vial: Enter accepts.")
        }
    }

    /// A new vial of `like`'s product and saline (or the first product's usual ones), lot and expiry empty.
    static func newVial(like: Vial?, products: [ProductChoice]) -> VialEntry {
        var entry = VialEntry(vial: like, products: products)
        entry.lot = TextField(maximumLength: 40)
        entry.expiry = TextField(maximumLength: 10)
        entry.mixedAt = TextField(maximumLength: 16)
        return entry
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        updateForm(event, environment: environment)
    }

    var pasteRefusal: String { "\(focus.label) is chosen with the arrows, not typed." }

    /// The indication's kind (a, m or the arrows), the vial offered and the product are chosen.
    mutating func choose(_ key: Key, environment: ScreenEnvironment) {
        switch focus {
        case .kind:
            switch key {
            case .character("a"): kind = .aesthetic
            case .character("m"): kind = .medical
            case .left, .right, .character(" "): kind = kind == .aesthetic ? .medical : .aesthetic
            default: break
            }
        case .vial: chooseVial(key, environment: environment)
        case .product:
            vial.handle(key, in: .product, products: environment.products)
            chosen = nil
        default: break
        }
    }

    /// Applies `edit` to the focused text field and returns it, or nil when the focus is on a choice. A
    /// vial field typed into describes a new vial.
    mutating func editText(_ edit: (inout TextField) -> Void) -> TextField? {
        switch focus {
        case .kind, .vial, .product: return nil
        case .concern:
            edit(&concern)
            return concern
        case .clinician:
            edit(&clinician)
            return clinician
        case .lot, .expiry, .vialUnits, .diluent, .mixedAt:
            let before = vial.edit(focus.vialField!) { _ in }?.text
            let edited = vial.edit(focus.vialField!, edit)
            if edited?.text != before { chosen = nil }
            return edited
        }
    }

    /// What the form describes, once every field is sound.
    struct Header {
        var clinician: Clinician
        var indication: Indication
        var vial: Vial
    }

    /// The header the fields describe, checked as of `day` (today for a new session); `nil` after
    /// saying which field is wrong.
    mutating func validatedHeader(environment: ScreenEnvironment, day: CalendarDate) -> Header? {
        let concernText = concern.text.trimmingCharacters(in: .whitespaces)
        guard !concernText.isEmpty else { return refusal("The concern or diagnosis is required.", at: .concern) }
        let opened: Vial
        switch vial.vial(id: Session.firstVialID, environment: environment, day: day) {
        case .success(let made): opened = made
        case .failure(let problem): return refusal(problem.message, at: Field.allCases.first { $0.vialField == problem.field }!)
        }
        let clinicianText = clinician.text.trimmingCharacters(in: .whitespaces)
        guard !clinicianText.isEmpty else { return refusal("The clinician's name or initials are required.", at: .clinician) }
        return Header(
            clinician: environment.clinician(named: clinicianText),
            indication: Indication(
                kind: kind, concern: concernText, key: environment.rules.indications.key(forConcern: concernText, kind: kind)),
            vial: opened)
    }

    private mutating func refusal(_ text: String, at field: Field) -> Header? {
        message = .error(text)
        focus = field
        return nil
    }

    mutating func submit(environment: ScreenEnvironment) -> ScreenResult {
        if let correcting { return submitCorrection(of: correcting, environment: environment) }
        guard let header = validatedHeader(environment: environment, day: environment.today) else { return .none }
        var session = Session(
            id: environment.makeID(), patient: patient.id, startedAt: environment.timestamp, clinician: header.clinician,
            indication: header.indication, vials: [header.vial])
        if copiesPoints, let previous {
            session.points = previous.points.map { point in
                var copy = point
                copy.id = environment.makeID()
                copy.vial = Session.firstVialID
                return copy
            }
            session.link = Session.Link(kind: .copiedFrom, session: previous.id)
        }
        var effects: [Effect] = [.saveSession(session)]
        if chosen.map({ !offers[$0].isKeptToday }) ?? true {
            effects.append(.keepChairVial(header.vial, openedAt: environment.timestamp, by: header.clinician))
        }
        return ScreenResult(effects: effects, navigation: .sessionCreated(patient, session))
    }
}
