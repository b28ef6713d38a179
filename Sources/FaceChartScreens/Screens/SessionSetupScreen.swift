import FaceChartCore
import FaceChartUI
import Foundation

/// Sets up a session: indication, product, lot, expiry, vial and diluent, clinician. Pre-filled from
/// the patient's last session, so a repeat visit is accepted with Enter.
public struct SessionSetupScreen: Equatable {
    public enum Field: Int, FormField, Hashable, Sendable {
        case kind, concern, product, lot, expiry, vialUnits, diluent, clinician, mixedAt

        var label: String {
            switch self {
            case .kind: "Indication"
            case .concern: "Concern / diagnosis"
            case .product: "Product"
            case .lot: "Lot"
            case .expiry: "Expiry (YYYY-MM-DD)"
            case .vialUnits: "Vial units"
            case .diluent: "Diluent mL"
            case .mixedAt: "Vial mixed (HH:MM)"
            case .clinician: "Clinician"
            }
        }
    }

    public var patient: Patient
    public var kind: Indication.Kind
    public var concern: TextField
    public var productIndex: Int
    public var lot: TextField
    public var expiry: TextField
    public var vialUnits: TextField
    public var diluent: TextField
    /// When the vial was reconstituted: `HH:MM` today, or `YYYY-MM-DD HH:MM`; empty when not recorded.
    public var mixedAt: TextField
    public var clinician: TextField
    public var focus: Field
    public var message: StatusMessage?
    /// The session this one repeats, when pre-filled.
    public var previous: Session?
    /// The draft whose header the form corrects, if it does.
    public var correcting: Session?
    /// Whether the new session starts with the previous session's points.
    public var copiesPoints: Bool

    public init(patient: Patient, previous: Session?, products: [ProductChoice], copiesPoints: Bool = false) {
        self.patient = patient
        self.previous = previous
        self.copiesPoints = copiesPoints && previous != nil
        let product = previous?.primaryVial
        kind = previous?.indication.kind ?? .aesthetic
        concern = TextField(previous?.indication.concern ?? "Glabellar lines", maximumLength: 80)
        productIndex = product.flatMap { used in products.firstIndex { $0.key == used.product } } ?? 0
        let choice = products[safe: productIndex]
        lot = TextField(product?.lot ?? "", maximumLength: 40)
        expiry = TextField(product?.expiry?.description ?? "", maximumLength: 10)
        vialUnits = TextField((product?.vialUnits ?? choice?.vialUnits ?? Units(100)).description, maximumLength: 6)
        let diluentHundredths = product?.diluentHundredthsML ?? choice?.diluentHundredthsML
        diluent = TextField(diluentHundredths.map { Units(hundredths: $0).description } ?? "", maximumLength: 6)
        mixedAt = TextField("", maximumLength: 16)
        clinician = TextField(previous?.clinician.name ?? "", maximumLength: 60)
        focus = previous == nil ? .concern : .clinician
        if let previous, self.copiesPoints {
            message = StatusMessage("Starts from the map of \(previous.points.count) points (\(Format.units(previous.summary.total))): Enter accepts.")
        } else {
            message = previous.map { _ in StatusMessage("Pre-filled from the last session: Enter accepts.") }
        }
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> Outcome {
        if case .paste(let text) = event {
            if let edited = editText({ $0.paste(text) }) {
                message = edited.limitNotice.map { .warning($0) }
            } else {
                message = .warning("Paste ignored: \(focus.label) is chosen with the arrows, not typed.")
            }
            return .none
        }
        guard case .key(let key) = event else { return .none }
        if let field = focus.next(after: key) {
            focus = field
            return .none
        }
        switch key {
        case .escape: return Outcome(navigation: .back)
        case .enter: return submit(environment: environment)
        default:
            message = nil
            if let edited = editText({ $0.handle(key) }) {
                message = edited.limitNotice.map { .warning($0) }
                return .none
            }
            switch focus {
            case .kind:
                switch key {
                case .character("a"): kind = .aesthetic
                case .character("m"): kind = .medical
                case .left, .right, .character(" "): kind = kind == .aesthetic ? .medical : .aesthetic
                default: break
                }
            case .product:
                let count = environment.products.count
                guard count > 0 else { break }
                switch key {
                case .left: selectProduct((productIndex + count - 1) % count, environment: environment)
                case .right, .character(" "): selectProduct((productIndex + 1) % count, environment: environment)
                default: break
                }
            default: break
            }
        }
        return .none
    }

    /// Applies `edit` to the focused text field and returns it, or nil when the focus is on a choice.
    private mutating func editText(_ edit: (inout TextField) -> Void) -> TextField? {
        func apply(_ field: inout TextField) -> TextField {
            edit(&field)
            return field
        }
        switch focus {
        case .kind, .product: return nil
        case .concern: return apply(&concern)
        case .lot: return apply(&lot)
        case .expiry: return apply(&expiry)
        case .vialUnits: return apply(&vialUnits)
        case .diluent: return apply(&diluent)
        case .mixedAt: return apply(&mixedAt)
        case .clinician: return apply(&clinician)
        }
    }

    private mutating func selectProduct(_ index: Int, environment: ScreenEnvironment) {
        productIndex = index
        let choice = environment.products[index]
        vialUnits = TextField(choice.vialUnits.description, maximumLength: 6)
        diluent = TextField(choice.diluentHundredthsML.map { Units(hundredths: $0).description } ?? "", maximumLength: 6)
    }

    /// `HH:MM` on `today`, or `YYYY-MM-DD HH:MM`, in `timeZone`.
    static func parseTime(_ text: String, today: CalendarDate, timeZone: TimeZone) -> Date? {
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
        guard let choice = environment.products[safe: productIndex] else { return refusal("No product to choose from.", at: .product) }
        let lotText = lot.text.trimmingCharacters(in: .whitespaces)
        guard !lotText.isEmpty else { return refusal("The lot number is required: it travels with every injection.", at: .lot) }
        guard let expiryDate = CalendarDate(expiry.text.trimmingCharacters(in: .whitespaces)) else {
            return refusal("Expiry '\(expiry.text)' is not a date in the form YYYY-MM-DD.", at: .expiry)
        }
        guard expiryDate >= day else {
            return refusal(ValidationError.lotExpired(lot: lotText, expiry: expiryDate).message, at: .expiry)
        }
        guard let vial = Units(parsing: vialUnits.text), vial > .zero, vial <= Units(1000) else {
            return refusal("Vial units '\(vialUnits.text)' must be a figure above 0 and at most 1000.", at: .vialUnits)
        }
        guard let diluentML = Units(parsing: diluent.text), diluentML > .zero, diluentML <= Units(100) else {
            return refusal("Diluent '\(diluent.text)' must be a volume above 0 mL and at most 100 mL.", at: .diluent)
        }
        var mixed: Timestamp?
        let mixedText = mixedAt.text.trimmingCharacters(in: .whitespaces)
        if !mixedText.isEmpty {
            guard let date = Self.parseTime(mixedText, today: day, timeZone: environment.timeZone),
                  date <= environment.now()
            else {
                return refusal("Mixed at '\(mixedText)' is not a past time (HH:MM today, or YYYY-MM-DD HH:MM).", at: .mixedAt)
            }
            mixed = Timestamp(date, timeZone: environment.timeZone)
        }
        let clinicianText = clinician.text.trimmingCharacters(in: .whitespaces)
        guard !clinicianText.isEmpty else { return refusal("The clinician's name or initials are required.", at: .clinician) }
        return Header(
            clinician: environment.clinician(named: clinicianText),
            indication: Indication(
                kind: kind, concern: concernText, key: IndicationKeys.key(forConcern: concernText, kind: kind)),
            vial: Vial(
                product: choice.key, ingredient: choice.ingredient, lot: lotText, expiry: expiryDate, vialUnits: vial,
                diluentHundredthsML: diluentML.hundredths, reconstitutedAt: mixed))
    }

    private mutating func refusal(_ text: String, at field: Field) -> Header? {
        message = .error(text)
        focus = field
        return nil
    }

    private mutating func submit(environment: ScreenEnvironment) -> Outcome {
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
        return Outcome(effects: [.saveSession(session)], navigation: .sessionCreated(patient, session))
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        canvas.put("FaceChart", x: 0, y: 0, style: .title)
        let title = correcting != nil ? " Correct the session header, for "
            : copiesPoints ? " New session from an earlier map, for " : " New session for "
        canvas.put(title + patient.name, x: 9, y: 0, limit: canvas.width - 9)
        let labelWidth = 21
        for (index, field) in Field.allCases.enumerated() {
            let y = 2 + index * 2
            let focused = field == focus
            canvas.put(field.label, x: 0, y: y, style: focused ? Style(.accent, bold: true) : .muted)
            let x = labelWidth + 1, width = min(40, canvas.width - x - 1)
            switch field {
            case .kind:
                var column = x
                for option in Indication.Kind.allCases {
                    let style: Style = option == kind ? (focused ? .selected : Style(.accent, bold: true)) : .muted
                    column += canvas.put(" \(option.rawValue) ", x: column, y: y, style: style) + 1
                }
            case .product:
                let name = environment.products[safe: productIndex]?.name ?? "-"
                canvas.put("\(canvas.glyphs.previous) \(name) \(canvas.glyphs.next)", x: x, y: y, style: focused ? .selected : Style(.accent, bold: true))
            case .concern: concern.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .lot: lot.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .expiry: expiry.render(into: &canvas, x: x, y: y, width: 12, focused: focused)
            case .vialUnits: vialUnits.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
            case .diluent: diluent.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
            case .mixedAt: mixedAt.render(into: &canvas, x: x, y: y, width: 17, focused: focused)
            case .clinician: clinician.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            }
        }
        if let vial = Units(parsing: vialUnits.text), let volume = Units(parsing: diluent.text), volume > .zero {
            let dilution = Dilution(vialUnits: vial, diluentHundredthsML: volume.hundredths)
            canvas.put("= \(Format.trimmed(dilution.unitsPerTenthML)) U per 0.1 mL", x: labelWidth + 10, y: 2 + Field.diluent.rawValue * 2, style: .muted)
        }
        let hint: String
        switch focus {
        case .kind: hint = "a m or arrows choose"
        case .product: hint = "arrows choose"
        default: hint = "type"
        }
        let enter = correcting == nil ? "Enter start charting" : "Enter save (what it replaces is kept)"
        let footer = message ?? StatusMessage("\(hint) · Tab next field · \(enter) · Esc cancel")
        canvas.putMessage(footer.text, bottom: canvas.height - 1, style: message == nil ? .muted : footer.style)
    }
}
