import FaceChartCore
import FaceChartUI
import Foundation

extension ReviewScreen {
    /// A detail of a recorded side effect being typed.
    public struct SideEffectEdit: Hashable, Sendable {
        public enum Detail: Hashable, Sendable {
            case onsetDay
            case note
        }

        public var effect: SideEffect
        public var detail: Detail
        public var field: TextField
    }

    /// `Neck weakness (R, moderate, from day 3: note)`: a recorded side effect in words.
    static func describe(_ entry: ObservedSideEffect) -> String {
        var details: [String] = []
        if let side = entry.side { details.append(side.letter) }
        if let severity = entry.severity { details.append(severity.rawValue) }
        if let day = entry.onsetDay { details.append("from day \(day)") }
        var text = entry.effect.name
        if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
        if !entry.note.isEmpty { text += ": " + entry.note }
        return text
    }

    /// Keys of the side-effects checklist (`sideEffectKeyTable`): one key ticks each effect; on a ticked
    /// effect `s` steps the side, `v` the severity, `o` types the onset day and `n` a note (ticking Other
    /// asks for it); Enter closes.
    mutating func handleSideEffect(_ key: Key) -> ScreenResult {
        if case .editingSideEffect(var edit) = focus {
            switch key {
            case .escape:
                focus = .sideEffects
            case .enter:
                focus = .sideEffects
                return keep(edit)
            default:
                if edit.detail == .onsetDay, case .character(let character) = key, !character.isNumber { return .none }
                edit.field.handle(key)
                message = edit.field.limitNotice.map { .warning($0) }
                focus = .editingSideEffect(edit)
            }
            return .none
        }
        let all = SideEffect.allCases
        let effect = all[sideEffectCursor]
        switch Self.sideEffectKeyTable.action(for: key) {
        case .close?: focus = .outcomes
        case .next?: sideEffectCursor = min(all.count - 1, sideEffectCursor + 1)
        case .previous?: sideEffectCursor = max(0, sideEffectCursor - 1)
        case .tickCursor?: return toggle(effect)
        case .tickItem?:
            guard case .character(let character) = key, let index = Self.sideEffectKeys.firstIndex(of: character),
                  index < all.count
            else { break }
            sideEffectCursor = index
            return toggle(all[index])
        case .side?:
            return changeRecorded(effect) { entry in
                let sides: [Side?] = [nil, .right, .left, .midline]
                entry.side = sides[((sides.firstIndex(of: entry.side) ?? 0) + 1) % sides.count]
            }
        case .severity?:
            return changeRecorded(effect) { entry in
                let severities: [ObservedSideEffect.Severity?] = [nil] + ObservedSideEffect.Severity.allCases
                entry.severity = severities[((severities.firstIndex(of: entry.severity) ?? 0) + 1) % severities.count]
            }
        case .onsetDay?, .note?:
            guard let entry = recorded(effect) else { return notTicked(effect) }
            let detail: SideEffectEdit.Detail = key == .character("o") ? .onsetDay : .note
            let text = detail == .onsetDay ? entry.onsetDay.map(String.init) ?? "" : entry.note
            focus = .editingSideEffect(SideEffectEdit(effect: effect, detail: detail, field: TextField(text, maximumLength: detail == .note ? 200 : 3)))
        case nil: break
        }
        return .none
    }

    private func recorded(_ effect: SideEffect) -> ObservedSideEffect? { review.sideEffects.first { $0.effect == effect } }

    private mutating func notTicked(_ effect: SideEffect) -> ScreenResult {
        message = .warning("Tick \(effect.name) first (Space).")
        return .none
    }

    /// Changes a recorded side effect and saves the review.
    private mutating func changeRecorded(_ effect: SideEffect, _ change: (inout ObservedSideEffect) -> Void) -> ScreenResult {
        guard let index = review.sideEffects.firstIndex(where: { $0.effect == effect }) else { return notTicked(effect) }
        change(&review.sideEffects[index])
        return ScreenResult(effects: [.saveReview(review)])
    }

    private mutating func toggle(_ effect: SideEffect) -> ScreenResult {
        review.toggleSideEffect(effect)
        if effect == .other, review.hasSideEffect(.other) {
            focus = .editingSideEffect(SideEffectEdit(effect: .other, detail: .note, field: TextField(maximumLength: 200)))
        }
        return ScreenResult(effects: [.saveReview(review)])
    }

    /// Keeps a typed onset day (refusing one before the treatment's day or past today) or note.
    private mutating func keep(_ edit: SideEffectEdit) -> ScreenResult {
        let text = edit.field.text.trimmingCharacters(in: .whitespaces)
        switch edit.detail {
        case .note:
            return changeRecorded(edit.effect) { $0.note = text }
        case .onsetDay:
            guard text.isEmpty || Int(text) != nil else { return .none }
            return changeRecorded(edit.effect) { $0.onsetDay = Int(text) }
        }
    }

    /// The checklist: a box over the grid.
    func renderSideEffects(into canvas: inout Canvas) {
        let all = SideEffect.allCases
        let width = min(canvas.width - 2, 64)
        let height = min(canvas.height - 2, all.count + 5)
        let rect = Rect(x: (canvas.width - width) / 2, y: max(1, (canvas.height - height) / 2), width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: "Side effects", style: Style(.accent))
        let rows = height - 5
        let first = max(0, min(sideEffectCursor - rows / 2, all.count - rows))
        for (index, effect) in all.enumerated().dropFirst(first).prefix(rows) {
            let number = Self.sideEffectKeys[safe: index].map(String.init) ?? " "
            let entry = recorded(effect)
            let line = "\(number) [\(entry == nil ? " " : "x")] " + (entry.map(ReviewScreen.describe) ?? effect.name)
            canvas.put(Format.pad(line, rect.width - 4), x: rect.x + 2, y: rect.y + 1 + index - first,
                       style: index == sideEffectCursor ? .selected : .plain)
        }
        let footer: String
        if case .editingSideEffect(let edit) = focus {
            let label = edit.detail == .onsetDay ? "Onset day: " : "Note: "
            canvas.put(label, x: rect.x + 2, y: rect.maxY - 3, style: .title)
            edit.field.render(into: &canvas, x: rect.x + 2 + label.count, y: rect.maxY - 3, width: rect.width - 4 - label.count, focused: true)
            footer = "Enter keeps it · Esc cancels"
        } else {
            footer = "1-9 a-g tick · j k move · s side · v severity · o onset day · n note · Enter done"
        }
        canvas.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: .muted, limit: rect.width - 4)
    }
}
