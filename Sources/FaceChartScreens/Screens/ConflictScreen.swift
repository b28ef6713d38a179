import FaceChartCore
import FaceChartUI

/// A record changed in the same field on this chair and on another, waiting for a person: each field
/// with this chair's value and the other chair's, as text.
public struct ConflictItem: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        /// The field as docs/format.md names it, e.g. `notes`, `points[p3].dose`.
        public var name: String
        public var mine: String
        public var theirs: String

        public init(name: String, mine: String, theirs: String) {
            self.name = name
            self.mine = mine
            self.theirs = theirs
        }
    }

    public var id: String
    public var patient: RecordID?
    /// What the record is, e.g. "patient record" or "session k2m4p6q8r0s1".
    public var record: String
    public var fields: [Field]

    public init(id: String, patient: RecordID?, record: String, fields: [Field]) {
        self.id = id
        self.patient = patient
        self.record = record
        self.fields = fields
    }
}

/// What a person chose for each disputed field.
public struct ConflictAnswer: Hashable, Sendable {
    public enum Choice: Hashable, Sendable {
        case mine, theirs
        /// A value typed by the person.
        case edited(String)
    }

    public var id: String
    public var patient: RecordID?
    /// By field name.
    public var choices: [String: Choice]

    public init(id: String, patient: RecordID?, choices: [String: Choice]) {
        self.id = id
        self.patient = patient
        self.choices = choices
    }
}

/// "Changed on another chair": for each field, keep mine (`m`), theirs (`t`) or type a value (`e`);
/// Enter saves the answer as a new version of the record.
public struct ConflictScreen: Hashable, Sendable {
    public var item: ConflictItem
    public var choices: [ConflictAnswer.Choice?]
    public var selection = 0
    public var editing: TextField?
    public var message: StatusMessage?

    public init(item: ConflictItem) {
        self.item = item
        choices = Array(repeating: nil, count: item.fields.count)
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        if case .paste(let text) = event, var field = editing {
            field.paste(text)
            editing = field
            return .none
        }
        guard case .key(let key) = event else { return .none }
        if var field = editing {
            switch key {
            case .enter:
                choices[selection] = .edited(field.text)
                editing = nil
                moveOn()
            case .escape: editing = nil
            default:
                field.handle(key)
                editing = field
            }
            return .none
        }
        message = nil
        switch key {
        case .up, .character("k"): selection = max(0, selection - 1)
        case .down, .character("j"), .tab: selection = min(item.fields.count - 1, selection + 1)
        case .character("m"):
            choices[selection] = .mine
            moveOn()
        case .character("t"):
            choices[selection] = .theirs
            moveOn()
        case .character("e"):
            var field = TextField(item.fields[selection].mine, maximumLength: 2000)
            if case .edited(let text)? = choices[selection] { field = TextField(text, maximumLength: 2000) }
            editing = field
        case .enter:
            guard choices.allSatisfy({ $0 != nil }) else {
                message = .warning("Choose mine (m), theirs (t) or edit (e) for every field first.")
                return .none
            }
            var answer = ConflictAnswer(id: item.id, patient: item.patient, choices: [:])
            for (field, choice) in zip(item.fields, choices) { answer.choices[field.name] = choice }
            return ScreenResult(effects: [.resolveConflict(answer)], navigation: .back)
        case .character("q"), .escape: return ScreenResult(navigation: .back)
        default: break
        }
        return .none
    }

    private mutating func moveOn() {
        if let next = choices.firstIndex(where: { $0 == nil }) { selection = next }
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        var y = 0
        canvas.put("Changed on another chair: \(item.record)" + (item.patient.map { " of patient \($0)" } ?? ""), x: 0, y: y, style: .title, limit: canvas.width)
        y += 1
        y += canvas.putWrapped(
            "This chair and another changed the same fields. For each, keep mine, theirs, or edit; this chair's "
                + "version stays in the history either way.", x: 0, y: y, width: canvas.width, style: .muted, maxRows: 2)
        y += 1
        let labelWidth = min(28, max(12, item.fields.map { ColumnWidth.of($0.name) }.max() ?? 12) + 2)
        for (index, field) in item.fields.enumerated() where y < canvas.height - 3 {
            let chosen = choices[index]
            let marker = index == selection ? "> " : "  "
            canvas.put(marker + field.name, x: 0, y: y, style: index == selection ? .selected : .plain, limit: labelWidth + 2)
            let valueX = labelWidth + 3, width = max(1, canvas.width - valueX)
            canvas.put("mine:   " + field.mine, x: valueX, y: y, style: chosen == .mine ? Style(.ok, bold: true) : .plain, limit: width)
            canvas.put("theirs: " + field.theirs, x: valueX, y: y + 1, style: chosen == .theirs ? Style(.ok, bold: true) : .plain, limit: width)
            y += 2
            if case .edited(let text)? = chosen {
                canvas.put("edited: " + text, x: valueX, y: y, style: Style(.ok, bold: true), limit: width)
                y += 1
            }
            if index == selection, let editing {
                canvas.put("edit:", x: valueX, y: y, style: .plain)
                editing.render(into: &canvas, x: valueX + 8, y: y, width: max(1, width - 8), focused: true)
                y += 1
            }
        }
        let footer = editing == nil
            ? "m mine · t theirs · e edit · j/k field · Enter save · q later"
            : "Enter keep this value · Esc cancel"
        if let message {
            canvas.put(message.text, x: 0, y: canvas.height - 2, style: message.style, limit: canvas.width)
        }
        canvas.put(footer, x: 0, y: canvas.height - 1, style: .muted, limit: canvas.width)
    }
}
