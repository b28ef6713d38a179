import FaceChartCore
import Foundation

extension ReviewScreen {
    /// Keys of the side-effects checklist: j k move, Space (or the number) ticks, Enter or Esc closes;
    /// ticking Other asks what it was.
    mutating func handleSideEffect(_ key: Key) -> Outcome {
        if case .editingOtherSideEffect(var field) = focus {
            switch key {
            case .escape: focus = .sideEffects
            case .enter:
                focus = .sideEffects
                review.sideEffectNotes = field.text.trimmingCharacters(in: .whitespaces)
                return Outcome(effects: [.saveReview(review)])
            default:
                field.handle(key)
                focus = .editingOtherSideEffect(field)
            }
            return .none
        }
        let all = SideEffect.allCases
        switch key {
        case .escape, .enter, .character("q"), .character("e"):
            focus = .outcomes
        case .down, .character("j"): sideEffectCursor = min(all.count - 1, sideEffectCursor + 1)
        case .up, .character("k"): sideEffectCursor = max(0, sideEffectCursor - 1)
        case .character(" "): return toggle(all[sideEffectCursor])
        case .character(let character):
            if let number = character.wholeNumberValue, (1...min(9, all.count)).contains(number) {
                sideEffectCursor = number - 1
                return toggle(all[number - 1])
            }
        default: break
        }
        return .none
    }

    private mutating func toggle(_ effect: SideEffect) -> Outcome {
        if review.sideEffects.contains(effect) {
            review.sideEffects.remove(effect)
        } else {
            review.sideEffects.insert(effect)
            if effect == .other { focus = .editingOtherSideEffect(TextField(review.sideEffectNotes, maximumLength: 200)) }
        }
        return Outcome(effects: [.saveReview(review)])
    }

    /// The checklist as lines: a box over the grid.
    func renderSideEffects(into canvas: inout Canvas) {
        let all = SideEffect.allCases
        let width = min(canvas.width - 2, 52)
        let height = min(canvas.height - 2, all.count + 5)
        let rect = Rect(x: (canvas.width - width) / 2, y: max(1, (canvas.height - height) / 2), width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: "Side effects", style: Style(.accent))
        let rows = height - 5
        let first = max(0, min(sideEffectCursor - rows / 2, all.count - rows))
        for (index, effect) in all.enumerated().dropFirst(first).prefix(rows) {
            let number = index < 9 ? "\(index + 1)" : " "
            var line = "\(number) [\(review.sideEffects.contains(effect) ? "x" : " ")] \(effect.name)"
            if effect == .other, !review.sideEffectNotes.isEmpty { line += ": " + review.sideEffectNotes }
            canvas.put(Format.pad(line, rect.width - 4), x: rect.x + 2, y: rect.y + 1 + index - first,
                       style: index == sideEffectCursor ? .selected : .plain)
        }
        let footer: String
        if case .editingOtherSideEffect(let field) = focus {
            canvas.put("Other: ", x: rect.x + 2, y: rect.maxY - 3, style: .title)
            field.render(into: &canvas, x: rect.x + 9, y: rect.maxY - 3, width: rect.width - 11, focused: true)
            footer = "Enter keeps it · Esc cancels"
        } else {
            footer = "j k move · Space or 1-9 tick · Enter done"
        }
        canvas.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: .muted, limit: rect.width - 4)
    }
}
