import FaceChartCore
import FaceChartUI

extension ReviewScreen {
    /// What the review's keys do on the scores table.
    enum KeyAction: Hashable, Sendable {
        case nextRegion, previousRegion, nextRow, previousRow, nextItem, previousItem, type, step, clear, noteOrKeep, sideEffects, nextView, topUp
        case showKeys, back
    }

    static let keys = KeyTable<KeyAction>("Review keys", [
        .init((0...9).map { .character(Character("\($0)")) } + [.character("+"), .character("-")],
              "type the score: it is kept and the next item comes up (Enter keeps a number more digits could extend)",
              .type, label: "0-9 + -"),
        .init([.tab], "the next treated region (then the scales of the visit), from its first item", .nextRegion),
        .init([.backTab], "the previous region, from its first item", .previousRegion),
        .init([.character("j"), .down], "next row", .nextRow),
        .init([.character("k"), .up], "previous row", .previousRow),
        .init([.character("l"), .right], "next item of the row", .nextItem),
        .init([.character("h"), .left], "previous item of the row", .previousItem),
        .init([.character(" ")], "step a named value: symmetry, Minor's test", .step),
        .init([.character("x"), .backspace, .delete], "clear the item", .clear),
        .init([.enter], "edit the note of the region (or of the review)", .noteOrKeep),
        .init([.character("e")], "side effects: one key ticks each, Enter closes", .sideEffects),
        .init([.character("v")], "next view, with the units of its points", .nextView),
        .init([.character("t")], "top up: Enter keeps the treatment's vial, then chart the points", .topUp),
        .init([.character("?")], "these keys", .showKeys),
        .init([.character("q"), .escape], "back (everything is already saved; Esc first drops a half-typed score)", .back),
    ])

    /// A key on the scores table.
    mutating func handleKey(_ key: Key, environment: ScreenEnvironment) -> ScreenResult {
        if key == .escape, !entry.isEmpty {
            entry = ""
            message = StatusMessage("Typing cancelled.")
            return .none
        }
        message = nil
        switch Self.keys.action(for: key) {
        case .type?:
            if case .character(let character) = key { return type(character) }
        case .nextRegion?:
            moveRow(by: 1)
            column = 0
        case .previousRegion?:
            moveRow(by: -1)
            column = 0
        case .nextRow?: moveRow(by: 1)
        case .previousRow?: moveRow(by: -1)
        case .nextItem?: moveColumn(by: 1)
        case .previousItem?: moveColumn(by: -1)
        case .step?: return cycleValue()
        case .clear?:
            if !entry.isEmpty {
                entry.removeLast()
                return .none
            }
            return setCurrent(nil)
        case .noteOrKeep?:
            if !entry.isEmpty { return commitEntry() }
            startNote()
        case .sideEffects?: focus = .sideEffects
        case .nextView?:
            view = view.next(among: views.keys)
            let count = original.points(on: view).count
            message = StatusMessage("\(view.title) view: \(count) treated point\(count == 1 ? "" : "s").")
        case .topUp?:
            if topUp != nil {
                focus = .topUp
                return .none
            }
            let day = dayCount(environment: environment)
            if day < Timeline.earliestTopUpDay {
                focus = .confirmingEarlyTopUp
                message = .warning("Day \(day): top-ups are given at the review, not before day \(Timeline.earliestTopUpDay). "
                    + "Press y to top up anyway, any other key to wait.")
                return .none
            }
            return startTopUp(environment: environment)
        case .showKeys?: focus = .help(Overlay())
        case .back?: return ScreenResult(navigation: .back)
        case nil: break
        }
        return .none
    }

    /// What the side-effects checklist's keys do.
    enum SideEffectAction: Hashable, Sendable {
        case tickItem, tickCursor, next, previous, side, severity, onsetDay, note, close
    }

    /// The key that ticks each side effect: 1-9, then letters that no other key of the list takes.
    static let sideEffectKeys: [Character] = Array("123456789abcdfg")

    static let sideEffectKeyTable = KeyTable<SideEffectAction>("Side effects keys", [
        .init(sideEffectKeys.map { .character($0) }, "tick or untick that side effect (its key shows beside it)", .tickItem,
              label: "1-9 a-d f g"),
        .init([.character(" ")], "tick or untick the one under the cursor", .tickCursor),
        .init([.character("j"), .down], "next side effect", .next),
        .init([.character("k"), .up], "previous side effect", .previous),
        .init([.character("s")], "a ticked effect's side: R, L, midline", .side),
        .init([.character("v")], "a ticked effect's severity", .severity),
        .init([.character("o")], "a ticked effect's onset day", .onsetDay),
        .init([.character("n")], "a ticked effect's note (Other asks for it at once)", .note),
        .init([.enter, .escape, .character("q"), .character("e")], "close the list (each tick is already saved)", .close),
    ])
}
