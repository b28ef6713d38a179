import FaceChartCore
import FaceChartUI

extension ChartingScreen {
    /// What the charting keys do.
    enum KeyAction: Hashable, Sendable {
        case cursor(dx: Int, dy: Int)
        case place, nextPoint, previousPoint, more, less, pointDepth, delete, mirror, move, guidance, undo, redo
        case penDepth, nextView, labels, pattern, favourite, savePattern, vials
        case safety, override, sign, addendum, record, correctHeader, sessionNotes, pointNote, void
        case showKeys, back
    }

    /// Whether `key` only looks (moves, selects, shows): all a read-only session answers to.
    static func viewsOnly(_ key: Key) -> Bool {
        switch keys.action(for: key) {
        case .cursor?, .nextPoint?, .previousPoint?, .nextView?, .labels?, .safety?, .record?, .showKeys?, .back?: true
        default: false
        }
    }

    static let keys = KeyTable<KeyAction>(
        "Charting keys", cursorKeys + selectionKeys + editingKeys + penKeys + recordKeys + screenKeys)

    /// Moving, typing, placing.
    private static let cursorKeys: [KeyTable<KeyAction>.Binding] = [
        .init(each: [
            (.left, .cursor(dx: -1, dy: 0)), (.right, .cursor(dx: 1, dy: 0)), (.up, .cursor(dx: 0, dy: -1)), (.down, .cursor(dx: 0, dy: 1)),
            (.character("h"), .cursor(dx: -1, dy: 0)), (.character("l"), .cursor(dx: 1, dy: 0)),
            (.character("k"), .cursor(dx: 0, dy: -1)), (.character("j"), .cursor(dx: 0, dy: 1)),
        ], "move the cursor", label: "arrows h j k l"),
        .init(each: [
            (.shiftLeft, .cursor(dx: -4, dy: 0)), (.shiftRight, .cursor(dx: 4, dy: 0)),
            (.shiftUp, .cursor(dx: 0, dy: -3)), (.shiftDown, .cursor(dx: 0, dy: 3)),
            (.character("H"), .cursor(dx: -4, dy: 0)), (.character("L"), .cursor(dx: 4, dy: 0)),
            (.character("K"), .cursor(dx: 0, dy: -3)), (.character("J"), .cursor(dx: 0, dy: 3)),
        ], "move the cursor faster, 4 across or 3 up or down (or Shift with the arrows)", label: "H J K L"),
        .init(describing: "0-9 .", "type units, shown as typed: the selected point's, else the pen's; Enter or a pause takes them"),
        .init(describing: "Esc Backspace", "while typing: clear / correct the figure"),
        .init([.enter, .character(" ")], "place a point with the pen; on a point, select it", .place),
        .init(describing: "click", "place or select a point there; on the points list, select it"),
    ]

    /// The selected point.
    private static let selectionKeys: [KeyTable<KeyAction>.Binding] = [
        .init([.tab], "select the next point (or the wheel)", .nextPoint),
        .init([.backTab], "select the previous point", .previousPoint),
        .init([.character("+"), .character("=")], "selected point: 0.5 U more", .more),
        .init([.character("-"), .character("_")], "selected point: 0.5 U less", .less),
        .init([.character("D")], "selected point: next depth", .pointDepth),
        .init([.character("x")], "delete the selected point", .delete),
    ]

    /// Changing the points.
    private static let editingKeys: [KeyTable<KeyAction>.Binding] = [
        .init([.character("m")], "mirror the selected point to the other side", .mirror),
        .init([.character("M")], "move the selected point: arrows or h j k l, Enter or Esc when done", .move),
        .init([.character("g")], "guidance (landmark, EMG, stimulation, ultrasound) for the pen and the selected point", .guidance),
        .init([.character("u")], "undo", .undo),
        .init([.control("r")], "redo", .redo),
    ]

    /// The pen, the view, patterns and vials.
    private static let penKeys: [KeyTable<KeyAction>.Binding] = [
        .init([.character("d")], "the pen's depth: next", .penDepth),
        .init([.character("v")], "next view: anterior, posterior, axilla", .nextView),
        .init([.character("#")], "units on the grid, then point numbers, then neither", .labels),
        .init([.character("t")], "apply a treatment pattern: the session's indication first; type to find", .pattern),
        .init((2...9).map { .function($0) }, "apply one of your own patterns at once (F2 the first saved)", .favourite, label: "F2-F9"),
        .init([.character("P")], "save this map as a pattern of your own", .savePattern),
        .init([.character("b")], "the session's vials: switch, or open another", .vials),
    ]

    /// Safety, signing and the record.
    private static let recordKeys: [KeyTable<KeyAction>.Binding] = [
        .init([.character("!")], "safety checks and the limits in force, with their sources", .safety),
        .init([.character("O")], "override a blocking check, with a reason", .override),
        .init([.character("S")], "sign the session (then read-only)", .sign),
        .init([.character("A")], "add a dated addendum to a signed session", .addendum),
        .init([.character("i")], "this record: signature, addenda, overrides, vials, notes", .record),
        .init([.character("E")], "correct the draft's header: clinician, indication, vial", .correctHeader),
        .init([.character("N")], "session notes", .sessionNotes),
        .init([.character("n")], "the selected point's note", .pointNote),
        .init([.character("V")], "void the draft, with a reason (kept, counted nowhere)", .void),
    ]

    /// The screen.
    private static let screenKeys: [KeyTable<KeyAction>.Binding] = [
        .init([.character("?")], "these keys", .showKeys),
        .init(describing: "y c", "confirm a dose above the site's limit / apply a converted pattern, when asked"),
        .init([.character("q"), .escape], "back (everything is already saved)", .back),
        .init(describing: "Ctrl-L", "repaint the screen"),
    ]

    /// A charting key's action.
    mutating func act(_ action: KeyAction, faceView: FaceView, environment: ScreenEnvironment) -> ScreenResult {
        switch action {
        case .cursor(let dx, let dy): moveCursor(dx: dx, dy: dy, in: faceView)
        case .place: return ScreenResult(effects: enterOnCell(cursor, faceView: faceView, environment: environment))
        case .nextPoint: selectNeighbour(step: 1, environment: environment)
        case .previousPoint: selectNeighbour(step: -1, environment: environment)
        case .more: return ScreenResult(effects: adjustSelected(by: Units(hundredths: 50)))
        case .less: return ScreenResult(effects: adjustSelected(by: Units(hundredths: -50)))
        case .pointDepth: return ScreenResult(effects: editSelected { $0.depth = $0.depth.next })
        case .delete: return ScreenResult(effects: deleteSelected())
        case .mirror: return ScreenResult(effects: mirrorSelected(environment: environment))
        case .move: startMoving()
        case .guidance: return ScreenResult(effects: cycleGuidance())
        case .undo: return ScreenResult(effects: undo())
        case .redo: return ScreenResult(effects: redo())
        case .penDepth:
            pen.depth = pen.depth.next
            message = StatusMessage("Pen depth: \(pen.depth.name).")
        case .nextView:
            view = view.next(among: views.keys)
            selected = pointsUnderCursor().first?.id
            message = StatusMessage("\(view.title) view.")
        case .labels:
            let all = FaceGridWidget.Labels.allCases
            labels = all[(all.firstIndex(of: labels)! + 1) % all.count]
            message = StatusMessage(labels == .units ? "Units on the grid." : labels == .numbers ? "Point numbers on the grid, as listed." : "Glyphs only.")
        case .pattern:
            guard session.status == .draft else { return ScreenResult(effects: refuseSigned()) }
            let rules = environment.rules
            mode = .pickingPattern(PatternPicker(
                product: current.product, ingredient: ingredient(environment: environment), indication: rules.indicationKey(of: session),
                recent: Set(history.filter { $0.startedAt < session.startedAt }.map(rules.indicationKey(of:)))))
        case .favourite: break
        case .savePattern:
            if session.points.isEmpty { message = .warning("Nothing to save: place points first.") } else { ask(.savePattern) }
        case .vials: openVials()
        case .safety: mode = .safety(Overlay())
        case .override: startOverride(environment: environment)
        case .sign: startSigning(environment: environment)
        case .addendum:
            if session.isSigned { ask(.addendum) } else { message = StatusMessage("Addenda are for signed sessions; this draft can still be edited.") }
        case .record, .correctHeader, .sessionNotes, .pointNote, .void: return correct(action)
        case .showKeys: mode = .help(Overlay())
        case .back: return ScreenResult(navigation: .back)
        }
        return .none
    }

    /// F2 to F9: the user's own pattern on that key, applied at once.
    mutating func applyFavourite(_ key: Key, environment: ScreenEnvironment) -> [Effect] {
        guard let favourite = PatternPicker.favourites(environment.patterns).first(where: { $0.key == key }) else {
            message = StatusMessage("No pattern of yours on \(key.name): P saves this map as one.")
            return []
        }
        return apply(favourite.pattern, sides: .both, scale: 1, environment: environment)
    }
}
