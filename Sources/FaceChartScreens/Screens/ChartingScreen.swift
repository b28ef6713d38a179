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
        /// A question at the foot of the screen: who signs, an addendum, a reason, a name, a note.
        case prompt(Prompt, for: PromptPurpose)
        case pickingPattern(PatternPicker)
        /// A pattern in another ingredient's units, shown converted before it lands.
        case convertingPattern(PatternConversion)
        /// The safety checks and the limits in force, scrolled.
        case safety(Overlay)
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
        /// The selected point moves with the arrows until Enter or Esc.
        case movingPoint
    }

    public var patient: Patient { didSet { findingsAreCurrent = false } }
    public var session: Session { didSet { findingsAreCurrent = false } }
    /// The drawings, fixed for the life of the screen.
    public let views: [ViewKind: FaceView]
    /// Points of the treatment this session tops up, drawn beneath this session's own.
    public var priorPoints: [InjectionPoint] = []
    /// The patient's other sessions, for the interval and cumulative-dose checks.
    public var history: [Session] = [] { didSet { findingsAreCurrent = false } }
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
    /// What the grid writes beside each point (`#`).
    public var labels: FaceGridWidget.Labels = .none
    /// The safety rules already shown as findings, so a change announces only what it raised.
    public var announcedRules: Set<String>?
    /// Why this session can only be viewed (the patient could not be locked for charting), or nil.
    public var readOnly: String? {
        didSet { if let readOnly { message = .warning("Read-only: \(readOnly). Viewing only.") } }
    }
    /// The safety findings for the session as it stands: worked out once per change (and once a minute,
    /// for a vial's age), never while drawing.
    public private(set) var findings: [SafetyFinding] = []
    /// Whether `findings` answer the patient, session and history as they stand.
    private var findingsAreCurrent = false
    /// The minute `findings` were worked out in.
    private var findingsMinute: Int?

    /// The screen for `session`; with `environment`, its safety findings are worked out at once (the app
    /// gives it; a screen made without one works them out on its first event).
    public init(
        patient: Patient, session: Session, views: [ViewKind: FaceView], pen: Pen = Pen(units: Units(4), depth: .intramuscular),
        history: [Session] = [], environment: ScreenEnvironment? = nil
    ) {
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
        if !session.isSigned, !session.isVoided {
            // Selection, edits and deletion go by id: points sharing one (a file edited outside
            // FaceChart) each get their own, saved with the next change.
            let (points, renamed) = Self.withUniqueIDs(session.points)
            if renamed > 0 {
                self.session.points = points
                message = .warning("\(renamed) point\(renamed == 1 ? "" : "s") shared an id with another; "
                    + "each now has its own (saved with the next change).")
            }
        }
        self.history = history
        if let environment { refreshFindings(environment: environment) }
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
    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        refreshFindings(environment: environment)
        let before = announcedRules ?? Set(findings.map(\.rule))
        announcedRules = before
        let result = handle(event, environment: environment)
        refreshFindings(environment: environment)
        if !result.effects.isEmpty {
            // Only what the change raised is announced.
            announcedRules = Set(findings.map(\.rule))
            let fresh = findings.filter { !before.contains($0.rule) && !$0.isOverridden }
            if let worst = fresh.first {
                message = StatusMessage("\(worst.severity.name): \(worst.message) [\(worst.source.gradeText)] (! lists all)",
                                        kind: worst.severity == .caution ? .info : worst.severity == .warning ? .warning : .error)
            }
        }
        return result
    }

    /// Works the safety findings out again when the patient, session or history changed, or the minute
    /// did (a vial's age, an expiry at midnight).
    mutating func refreshFindings(environment: ScreenEnvironment) {
        let minute = Int(environment.now.timeIntervalSince1970 / 60)
        guard !findingsAreCurrent || findingsMinute != minute else { return }
        findings = SafetyChecker.findings(
            for: session, patient: patient, history: history, views: views, rules: environment.rules,
            now: environment.now, timeZone: environment.timeZone)
        findingsAreCurrent = true
        findingsMinute = minute
    }

    /// The findings as the session stands now, mid-event.
    mutating func currentFindings(environment: ScreenEnvironment) -> [SafetyFinding] {
        refreshFindings(environment: environment)
        return findings
    }

    /// The active ingredient of the vial new points are drawn from.
    func ingredient(environment: ScreenEnvironment) -> String { environment.rules.ingredient(of: current) }

    private mutating func handle(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        guard let faceView = views[view] else { return .none }
        switch event {
        case .tick:
            return ScreenResult(effects: endTypingAfterPause(environment: environment))
        case .key(let key):
            if let result = handleCorrectionMode(key, environment: environment) { return result }
            if mode == .charting, readOnly != nil, !Self.viewsOnly(key) {
                message = .warning("Read-only here: nothing can be changed.")
                return .none
            }
            guard mode == .charting else { return ScreenResult(effects: handle(key, faceView: faceView, environment: environment)) }
            // A figure being typed is taken (or refused) first, then the key does what it does.
            let wasTyping = penEntry != nil
            let taken: [Effect]
            switch handlePenKey(key, faceView: faceView, environment: environment) {
            case .handled(let effects): return ScreenResult(effects: effects)
            case .continues(let effects): taken = effects
            }
            guard let action = Self.keys.action(for: key), !(wasTyping && action == .back) else { return ScreenResult(effects: taken) }
            if action == .favourite { return ScreenResult(effects: taken + applyFavourite(key, environment: environment)) }
            var result = act(action, faceView: faceView, environment: environment)
            result.effects = taken + result.effects
            return result
        case .mouse(let mouse): return ScreenResult(effects: handle(mouse, faceView: faceView, environment: environment))
        case .paste(let text):
            paste(text)
            return .none
        case .resized, .inputEnded: return .none
        }
    }

    private mutating func handle(_ key: Key, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
        switch mode {
        case .charting: return []
        case .movingPoint: return handleMoving(key, faceView: faceView)
        case .help(var overlay):
            let rows = Overlay.keyRows(Self.keys.helpRows, screenWidth: environment.screenSize.width).count
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
        case .prompt(let prompt, let purpose):
            return answer(prompt, for: purpose, key: key, environment: environment)
        case .recordInfo:
            return []
        }
    }

    /// Refuses an edit of a signed or voided session, saying what can be done instead.
    mutating func refuseSigned() -> [Effect] {
        message = .warning(session.isSigned
            ? ValidationError.signedSessionIsReadOnly.message + " (A)"
            : ValidationError.notADraft(session.status.name).message)
        return []
    }
}
