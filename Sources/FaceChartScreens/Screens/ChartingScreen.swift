import FaceChartCore
import FaceChartUI
import Foundation

/// The charting screen: the face grid beside a sidebar; a cursor, a pen (units and depth for the next
/// point), points placed, selected, adjusted, mirrored, undone and redone; signing and addenda.
///
/// The keys of each mode live beside it: the pen in `+Pen`, points in `+Points`, text prompts in
/// `+Prompts`, patterns in `+Patterns`, drawing in `+Render`.
public struct ChartingScreen: Equatable {
    /// A grid cell on one view.
    public struct GridCell: Hashable, Sendable {
        public var column: Int
        public var row: Int

        public init(column: Int, row: Int) {
            self.column = column
            self.row = row
        }
    }

    /// What the next placed point will be.
    public struct Pen: Hashable, Sendable {
        public var units: Units
        public var depth: Depth
        /// How the points placed next are guided, when set (`g`).
        public var guidance: Guidance?

        public init(units: Units, depth: Depth, guidance: Guidance? = nil) {
            self.units = units
            self.depth = depth
            self.guidance = guidance
        }

        public var label: String { "Pen \(units) U · \(depth.abbreviation)" + (guidance.map { " · \($0.abbreviation)" } ?? "") }
    }

    /// What the keyboard is doing besides charting.
    public enum Mode: Hashable, Sendable {
        case charting
        case help(Overlay)
        /// Who signs; then, with warnings open, the one reason for signing past them.
        case signing(TextField)
        case signingReason(signer: String, reason: TextField)
        /// The addendum's text; then who writes it (pre-filled, Enter confirms).
        case addendum(TextField)
        case addendumAuthor(text: String, author: TextField)
        case pickingPattern(PatternPicker)
        /// A pattern in another ingredient's units, shown converted before it lands.
        case convertingPattern(PatternConversion)
        case overriding(rule: String, reason: TextField)
        /// The safety checks and the limits in force, scrolled.
        case safety(Overlay)
        case savingPattern(TextField)
        /// A typed dose above the product-aware threshold for the cell, waiting for `y`.
        case confirmingDose(DoseConfirmation)
        /// Enter on a cell that already holds the selected point: `y` adds a second one.
        case confirmingSecondPoint(GridCell)
        /// The session's vials, one selected.
        case vials(selection: Int)
        /// Another vial being typed in.
        case addingVial(VialEntry, focus: VialEntry.Field)
        /// The record overlay: signature, addenda, overrides, vials, notes.
        case recordInfo(Overlay)
        case editingNotes(TextField)
        case editingPointNote(point: RecordID, note: TextField)
        /// Voiding the draft: its reason.
        case voiding(TextField)
    }

    public var patient: Patient
    public var session: Session
    /// The drawings, fixed for the life of the screen.
    public let views: [ViewKind: FaceView]
    /// Points of the treatment this session tops up, drawn beneath this session's own.
    public var priorPoints: [InjectionPoint] = []
    /// The patient's other sessions, for the interval and cumulative-dose checks.
    public var history: [Session] = []
    public var view: ViewKind
    public var cursors: [ViewKind: GridCell]
    public var pen: Pen
    /// The vial new points are drawn from (`Vial.id`): the latest opened, until `b` chooses another.
    public var currentVial: RecordID
    /// What is being typed for the pen, exactly as typed, until a key, Enter or a pause takes it.
    public var penEntry: PenEntry?
    public var selected: RecordID?
    public var undoStack: [[InjectionPoint]]
    public var redoStack: [[InjectionPoint]]
    public var mode: Mode
    public var message: StatusMessage?
    /// The safety rules already shown as findings, so a change announces only what it raised.
    public var announcedRules: Set<String>?

    public init(patient: Patient, session: Session, views: [ViewKind: FaceView], pen: Pen = Pen(units: Units(4), depth: .intramuscular)) {
        self.patient = patient
        self.session = session
        self.pen = pen
        self.views = views
        view = .anterior
        cursors = [:]
        for (kind, faceView) in views {
            cursors[kind] = ChartingScreen.startCell(in: faceView)
        }
        penEntry = nil
        currentVial = session.vials.last?.id ?? Session.firstVialID
        selected = nil
        undoStack = []
        redoStack = []
        mode = .charting
        message = session.isSigned
            ? StatusMessage("Signed session: read-only. A adds a dated addendum; i shows the record.")
            : session.isVoided ? .warning("Voided session: kept on record, counted nowhere. i shows why.") : nil
    }

    /// Where the cursor starts: the first procerus cell (the centre of the glabella), else the centre.
    static func startCell(in view: FaceView) -> GridCell {
        for row in 0..<view.height {
            let info = view.cell(column: view.midlineColumn, row: row)
            if info.region == .procerus, info.danger == nil { return GridCell(column: view.midlineColumn, row: row) }
        }
        return GridCell(column: view.width / 2, row: view.height / 2)
    }

    public var cursor: GridCell { cursors[view] ?? GridCell(column: 0, row: 0) }

    /// Whether the patient had no full treatment before this session (toxin-naive).
    public var isToxinNaive: Bool { !history.contains { $0.isTreatment && $0.startedAt < session.startedAt } }

    /// Whether the screen needs clock ticks: a typed figure is waiting for its pause to end.
    public var wantsTicks: Bool { penEntry != nil }

    // MARK: - Update

    /// Applies one event; returns what the program must save and where to go.
    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> Outcome {
        let before = announcedRules ?? Set(findings(environment: environment).map(\.rule))
        announcedRules = before
        let outcome = handle(event, environment: environment)
        if !outcome.effects.isEmpty {
            // The checks run again only after a change, and only what the change raised is announced.
            let after = findings(environment: environment)
            announcedRules = Set(after.map(\.rule))
            let fresh = after.filter { !before.contains($0.rule) && !$0.isOverridden }
            if let worst = fresh.first {
                message = StatusMessage("\(worst.severity.name): \(worst.message) [\(worst.source.gradeText)] (! lists all)",
                                        kind: worst.severity == .caution ? .info : worst.severity == .warning ? .warning : .error)
            }
        }
        return outcome
    }

    /// The safety findings for the session as it stands.
    public func findings(environment: ScreenEnvironment) -> [SafetyFinding] {
        SafetyChecker.findings(
            for: session, patient: patient, history: history, views: views, rules: environment.rules,
            now: environment.now(), timeZone: environment.timeZone)
    }

    /// The active ingredient of the vial new points are drawn from.
    func ingredient(environment: ScreenEnvironment) -> String { environment.rules.ingredient(of: current) }

    private mutating func handle(_ event: Event, environment: ScreenEnvironment) -> Outcome {
        guard let faceView = views[view] else { return .none }
        switch event {
        case .tick:
            endTypingAfterPause(environment: environment)
            return .none
        case .key(let key) where mode == .charting && penEntry == nil && (key == .character("q") || key == .escape):
            return Outcome(navigation: .back)
        case .key(let key):
            if let outcome = handleCorrectionMode(key, environment: environment) { return outcome }
            if mode == .charting {
                // A figure being typed is taken (or refused) first, then the key does what it does.
                if let effects = handlePenKey(key, faceView: faceView, environment: environment) { return Outcome(effects: effects) }
                if let outcome = correctionKey(key, environment: environment) { return outcome }
            }
            return Outcome(effects: handle(key, faceView: faceView, environment: environment))
        case .mouse(let mouse): return Outcome(effects: handle(mouse, faceView: faceView, environment: environment))
        case .paste(let text):
            paste(text)
            return .none
        case .resized, .inputEnded: return .none
        }
    }

    private mutating func handle(_ key: Key, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
        switch mode {
        case .charting: return handleCharting(key, faceView: faceView, environment: environment)
        case .help(var overlay):
            let rows = Overlay.keyRows(ChartingScreen.helpKeys, screenWidth: environment.screenSize.width).count
            mode = overlay.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? .help(overlay) : .charting
            return []
        case .safety(var overlay):
            let rows = safetyRows(environment: environment).count
            mode = overlay.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? .safety(overlay) : .charting
            return []
        case .pickingPattern(var picker):
            switch picker.handle(key, patterns: environment.patterns, rules: environment.rules) {
            case .none: mode = .pickingPattern(picker)
            case .cancel: mode = .charting
            case .apply(let pattern, let sides, let scale):
                mode = .charting
                return apply(pattern, sides: sides, scale: scale, environment: environment)
            }
            return []
        case .convertingPattern(let pending):
            mode = .charting
            guard key == .character("c") else {
                message = StatusMessage("Not applied: \(pending.pattern.name) stays unconverted.")
                return []
            }
            return applyConverted(pending, environment: environment)
        case .confirmingDose(let pending):
            mode = .charting
            guard key == .character("y") else {
                message = StatusMessage("Not placed: \(pending.units) U was not confirmed.")
                return []
            }
            return place(pending.units, at: pending.cell, faceView: faceView, environment: environment, confirmed: true)
        case .confirmingSecondPoint(let cell):
            mode = .charting
            guard key == .character("y") else {
                message = StatusMessage("One point kept in this cell.")
                return []
            }
            return place(pen.units, at: cell, faceView: faceView, environment: environment)
        case .vials(let selection): return handleVials(key, selection: selection, environment: environment)
        case .addingVial(let entry, let focus): return handleAddingVial(key, entry: entry, focus: focus, environment: environment)
        case .signing, .signingReason, .addendum, .addendumAuthor, .overriding, .savingPattern:
            return handlePrompt(key, environment: environment)
        case .recordInfo, .editingNotes, .editingPointNote, .voiding:
            return []
        }
    }

    private mutating func handleCharting(_ key: Key, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
        switch key {
        case .up, .character("k"): moveCursor(dx: 0, dy: -1, in: faceView)
        case .down, .character("j"): moveCursor(dx: 0, dy: 1, in: faceView)
        case .left, .character("h"): moveCursor(dx: -1, dy: 0, in: faceView)
        case .right, .character("l"): moveCursor(dx: 1, dy: 0, in: faceView)
        case .shiftUp, .character("K"): moveCursor(dx: 0, dy: -3, in: faceView)
        case .shiftDown, .character("J"): moveCursor(dx: 0, dy: 3, in: faceView)
        case .shiftLeft, .character("H"): moveCursor(dx: -4, dy: 0, in: faceView)
        case .shiftRight, .character("L"): moveCursor(dx: 4, dy: 0, in: faceView)
        case .character("d"):
            pen.depth = pen.depth.next
            message = StatusMessage("Pen depth: \(pen.depth.name).")
        case .character("v"):
            view = view.next(among: views.keys)
            selected = pointsUnderCursor().first?.id
            message = StatusMessage("\(view.title) view.")
        case .tab: selectNeighbour(step: 1, environment: environment)
        case .backTab: selectNeighbour(step: -1, environment: environment)
        case .character("?"): mode = .help(Overlay())
        case .character("!"): mode = .safety(Overlay())
        case .character("t"):
            if session.status != .draft { return refuseSigned() }
            mode = .pickingPattern(PatternPicker(product: current.product, ingredient: ingredient(environment: environment)))
        case .character("b"): openVials()
        case .character("P"):
            if session.points.isEmpty {
                message = .warning("Nothing to save: place points first.")
            } else {
                mode = .savingPattern(TextField(maximumLength: 60))
            }
        case .character("O"): startOverride(environment: environment)
        case .enter, .character(" "): return enterOnCell(cursor, faceView: faceView, environment: environment)
        case .character("+"), .character("="): return adjustSelected(by: Units(hundredths: 50))
        case .character("-"), .character("_"): return adjustSelected(by: Units(hundredths: -50))
        case .character("D"): return editSelected { $0.depth = $0.depth.next }
        case .character("x"): return deleteSelected()
        case .character("m"): return mirrorSelected(environment: environment)
        case .character("g"): return cycleGuidance()
        case .character("u"): return undo()
        case .control("r"): return redo()
        case .character("S"): startSigning(environment: environment)
        case .character("A"):
            if session.isSigned {
                mode = .addendum(TextField(maximumLength: 500))
            } else {
                message = StatusMessage("Addenda are for signed sessions; this draft can still be edited.")
            }
        default: break
        }
        return []
    }

    /// Refuses an edit of a signed or voided session, saying what can be done instead.
    mutating func refuseSigned() -> [Effect] {
        message = .warning(session.isSigned
            ? ValidationError.signedSessionIsReadOnly.message + " (A)"
            : ValidationError.notADraft(session.status.name).message)
        return []
    }
}
