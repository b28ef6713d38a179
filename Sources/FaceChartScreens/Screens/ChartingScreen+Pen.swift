import FaceChartCore
import FaceChartUI
import Foundation

/// A figure typed for the pen, kept exactly as typed until Enter, another key or a pause takes it.
public struct PenEntry: Hashable, Sendable {
    /// The characters typed, as typed.
    public var text: String
    /// When the last character was typed, for the pause that ends typing.
    public var lastKeyAt: Date

    public init(text: String, lastKeyAt: Date) {
        self.text = text
        self.lastKeyAt = lastKeyAt
    }

    /// The dose, when the text is one a point may hold.
    public var units: Units? {
        guard refusal == nil, let units = Units(parsing: text), units > .zero else { return nil }
        return units
    }

    /// Why the text cannot be a dose, or `nil` (also while it is still being typed, like `.` or `0`).
    public var refusal: String? {
        if text == "." || Units(parsing: text) == .zero { return nil }
        guard let units = Units(parsing: text) else { return "'\(text)' is not a dose: use up to two decimals, e.g. 2.5." }
        if units > InjectionPoint.maximumUnits {
            return ValidationError.unitsTooLarge(units, maximum: InjectionPoint.maximumUnits).message
        }
        return nil
    }
}

/// A dose above the threshold for its cell, waiting for the clinician to confirm it.
public struct DoseConfirmation: Hashable, Sendable {
    public var cell: ChartingScreen.GridCell
    public var units: Units
}

extension ChartingScreen {
    /// A pause this long after the last digit ends typing: the figure is taken (or dropped, if refused)
    /// and the next digit starts a new one. Driven by `.tick` events, never by sleeping.
    public static let typingPause: TimeInterval = 1.5
    /// The longest figure that can be typed.
    public static let maximumTypedLength = 7

    /// What a key did to a figure being typed.
    enum PenKey {
        /// The key was the figure's (a digit, Backspace, Esc, or refused): nothing else happens.
        case handled([Effect])
        /// The figure, if any, was taken (into the selected point, with its save); the key then acts.
        case continues([Effect])
    }

    /// Digits, `.`, Backspace and Esc while typing, and Enter on a refused figure. Any other key first takes a
    /// figure being typed: into the selected point when one is selected (Enter then only takes it), else into
    /// the pen.
    mutating func handlePenKey(_ key: Key, faceView: FaceView, environment: ScreenEnvironment) -> PenKey {
        if case .character(let character) = key, character.isASCII, character.isNumber || character == "." {
            return .handled(type(character, environment: environment))
        }
        guard let entry = penEntry else { return .continues([]) }
        switch key {
        case .backspace:
            var text = entry.text
            text.removeLast()
            penEntry = text.isEmpty ? nil : PenEntry(text: text, lastKeyAt: environment.now)
            message = penEntry.map { typingMessage($0) } ?? StatusMessage("Typing cleared: the pen stays at \(pen.units) U.")
            return .handled([])
        case .escape:
            penEntry = nil
            message = StatusMessage("Typing cancelled: the pen stays at \(pen.units) U.")
            return .handled([])
        default:
            return takeFigure(before: key)
        }
    }

    /// Takes a figure being typed before other input acts: `.handled` when it is refused (nothing else
    /// happens), or when Enter set the selected point's units (Enter does no more).
    mutating func takeFigure(before key: Key?) -> PenKey {
        guard let entry = penEntry else { return .continues([]) }
        if let refusal = entry.refusal {
            // A refused figure stays refused: nothing is placed and no other input acts until it is dealt with.
            message = .error("\(refusal) Nothing done: Backspace corrects it, Esc clears it.")
            return .handled([])
        }
        guard entry.units != nil else {
            penEntry = nil
            message = .error("'\(entry.text)' is not a dose: the pen stays at \(pen.units) U.")
            return .handled([])
        }
        let intoPoint = typesIntoSelectedPoint
        let effects = take(entry, afterPause: false)
        return intoPoint && key == .enter ? .handled(effects) : .continues(effects)
    }

    /// Whether a typed figure goes into the selected point (a draft's) rather than the pen.
    private var typesIntoSelectedPoint: Bool { selectedPoint != nil && session.status == .draft }

    private mutating func type(_ character: Character, environment: ScreenEnvironment) -> [Effect] {
        let now = environment.now
        var effects: [Effect] = []
        if let entry = penEntry, entry.refusal == nil, now.timeIntervalSince(entry.lastKeyAt) >= Self.typingPause {
            // The pause ended the last figure even if no tick arrived in between: never run two figures together.
            effects = take(entry, afterPause: true)
        }
        let text = (penEntry?.text ?? "") + String(character)
        guard text.count <= Self.maximumTypedLength else {
            message = .error("A dose has at most \(Self.maximumTypedLength) characters: '\(penEntry?.text ?? "")' is kept.")
            return effects
        }
        let entry = PenEntry(text: text, lastKeyAt: now)
        penEntry = entry
        message = typingMessage(entry)
        return effects
    }

    private func typingMessage(_ entry: PenEntry) -> StatusMessage {
        if let refusal = entry.refusal { return .error("\(refusal) Backspace corrects it, Esc clears it.") }
        if typesIntoSelectedPoint { return StatusMessage("Typing \(entry.text) U for the selected point: Enter or a pause sets it.") }
        return StatusMessage("Typing \(entry.text) U: Enter places it; a pause or another key sets the pen.")
    }

    /// On a clock tick: ends typing once the pause has passed. A refused figure is not ended by a pause: it
    /// stays on screen, refused, until Backspace corrects it or Esc clears it.
    mutating func endTypingAfterPause(environment: ScreenEnvironment) -> [Effect] {
        guard let entry = penEntry, entry.refusal == nil,
              environment.now.timeIntervalSince(entry.lastKeyAt) >= Self.typingPause
        else { return [] }
        return take(entry, afterPause: true)
    }

    /// Ends typing: a valid figure becomes the selected point's units (saved), or the pen's; anything else
    /// (`.` alone) is dropped, saying so.
    private mutating func take(_ entry: PenEntry, afterPause: Bool) -> [Effect] {
        penEntry = nil
        guard let units = entry.units else {
            message = .error("\(entry.refusal ?? "'\(entry.text)' is not a dose.") Dropped: the pen stays at \(pen.units) U.")
            return []
        }
        if typesIntoSelectedPoint { return editSelected { $0.units = units } }
        pen.units = units
        if afterPause { message = StatusMessage("Pen set to \(units) U after a pause; the next digit starts a new figure.") }
        return []
    }

    /// The per-site figure above which a dose in `region` needs confirming, for the session's ingredient.
    func confirmThreshold(for region: Region, environment: ScreenEnvironment) -> DoseLimit? {
        let rules = environment.rules
        return rules.limits.confirmThreshold(
            ingredient: ingredient(environment: environment), region: region, indication: rules.indicationKey(of: session))
    }

    /// The pen as the sidebar shows it: exactly what is being typed, marked as typing or refused.
    public func penText(glyphs: Glyphs = .unicode) -> String {
        guard let entry = penEntry else { return pen.label + " " + String(glyphs.point(pen.depth)) }
        let state = entry.refusal != nil ? "REFUSED" : "typing…"
        let guidance = pen.guidance.map { " · \($0.abbreviation)" } ?? ""
        return "Pen \(entry.text)\(glyphs.isASCII ? "_" : "▏") U · \(pen.depth.abbreviation)\(guidance)  \(state)"
    }

    /// The pen's style: reversed while typing, in danger colours when refused.
    var penStyle: Style {
        penEntry?.refusal != nil ? Style(.danger, bold: true, reverse: true)
            : penEntry != nil ? Style(.accent, bold: true, reverse: true) : Style(.accent, bold: true)
    }
}
