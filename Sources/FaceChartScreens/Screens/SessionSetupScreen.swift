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
            case .kind, .concern, .clinician: nil
            }
        }
    }

    public var patient: Patient
    public var kind: Indication.Kind
    public var concern: TextField
    /// The vial: product, lot, expiry, size, saline, mixing time.
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

    /// - Parameter keepsVial: the previous session's vial is used again (a top-up): its mixing time is kept
    ///   with it, so the vial-age check measures the vial as it is.
    public init(
        patient: Patient, previous: Session?, products: [ProductChoice], copiesPoints: Bool = false, keepsVial: Bool = false,
        timeZone: TimeZone = .current
    ) {
        self.patient = patient
        self.previous = previous
        self.copiesPoints = copiesPoints && previous != nil
        kind = previous?.indication.kind ?? .aesthetic
        concern = TextField(previous?.indication.concern ?? "Glabellar lines", maximumLength: 80)
        vial = VialEntry(vial: previous?.primaryVial, products: products, keepsMixingTime: keepsVial, timeZone: timeZone)
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
                vial.handle(key, in: VialEntry.Field.product, products: environment.products)
            default: break
            }
        }
        return .none
    }

    /// Applies `edit` to the focused text field and returns it, or nil when the focus is on a choice.
    private mutating func editText(_ edit: (inout TextField) -> Void) -> TextField? {
        switch focus {
        case .kind, .product: return nil
        case .concern:
            edit(&concern)
            return concern
        case .clinician:
            edit(&clinician)
            return clinician
        case .lot, .expiry, .vialUnits, .diluent, .mixedAt: return vial.edit(focus.vialField!, edit)
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
                let name = environment.products[safe: vial.productIndex]?.name ?? "-"
                canvas.put("\(canvas.glyphs.previous) \(name) \(canvas.glyphs.next)", x: x, y: y, style: focused ? .selected : Style(.accent, bold: true))
            case .concern: concern.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .lot: vial.lot.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .expiry: vial.expiry.render(into: &canvas, x: x, y: y, width: 12, focused: focused)
            case .vialUnits: vial.vialUnits.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
            case .diluent: vial.diluent.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
            case .mixedAt: vial.mixedAt.render(into: &canvas, x: x, y: y, width: 17, focused: focused)
            case .clinician: clinician.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            }
        }
        if let strength = vial.strengthText {
            canvas.put(strength, x: labelWidth + 10, y: 2 + Field.diluent.rawValue * 2, style: .muted)
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
