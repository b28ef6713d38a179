import FaceChartCore
import FaceChartUI
import Foundation

/// The charting screen: the face grid beside a sidebar; a cursor, a pen (units and depth for the next
/// point), points placed, selected, adjusted, mirrored, undone and redone; signing and addenda.
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
        case signing(TextField)
        /// The addendum's text; then who writes it (pre-filled, Enter confirms).
        case addendum(TextField)
        case addendumAuthor(text: String, author: TextField)
        case pickingPattern(PatternPicker)
        case overriding(rule: String, reason: TextField)
        case safety(Overlay)
        case savingPattern(TextField)
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
    /// Digits typed for the pen, while typing.
    public var penEntry: String?
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
            for: session, patient: patient, history: history, views: views,
            reconstitutionLifetimeHours: environment.products.first { $0.key == session.primaryVial.product }?.useWithinHours,
            now: environment.now(), timeZone: environment.timeZone,
            activeIngredient: { key in environment.products.first { $0.key == key }?.genericName })
    }

    private mutating func handle(_ event: Event, environment: ScreenEnvironment) -> Outcome {
        guard let faceView = views[view] else { return .none }
        switch event {
        case .key(let key) where mode == .charting && (key == .character("q") || key == .escape):
            return Outcome(navigation: .back)
        case .key(let key):
            if let outcome = handleCorrectionMode(key, environment: environment) { return outcome }
            if mode == .charting, penEntry == nil, let outcome = correctionKey(key, environment: environment) { return outcome }
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
        case .help(var overlay):
            let rows = Overlay.keyRows(ChartingScreen.helpKeys, screenWidth: environment.screenSize.width).count
            mode = overlay.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? .help(overlay) : .charting
            return []
        case .signing(var field):
            switch key {
            case .escape:
                mode = .charting
                message = StatusMessage("Not signed.")
            case .enter:
                do {
                    let unsigned = session
                    session = try session.signed(
                        by: environment.clinician(named: field.text), at: environment.timestamp,
                        meaning: "administered and documented")
                    mode = .charting
                    selected = nil
                    message = StatusMessage("Signed by \(session.signature!.signer.name). The session is now read-only.")
                    return saving(from: unsigned, environment: environment)
                } catch {
                    message = .error(error.message)
                }
            default:
                field.handle(key)
                if let notice = field.limitNotice { message = .warning(notice) }
                mode = .signing(field)
            }
            return []
        case .addendum(var field):
            switch key {
            case .escape:
                mode = .charting
                message = StatusMessage("No addendum added.")
            case .enter:
                if field.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    message = .error(ValidationError.emptyField("The addendum").message)
                } else {
                    mode = .addendumAuthor(text: field.text, author: TextField(environment.user.name, maximumLength: 60))
                }
            default:
                field.handle(key)
                if let notice = field.limitNotice { message = .warning(notice) }
                mode = .addendum(field)
            }
            return []
        case .addendumAuthor(let text, var author):
            switch key {
            case .escape:
                mode = .addendum(TextField(text, maximumLength: 500))
            case .enter:
                do {
                    let before = session
                    session = try session.addingAddendum(
                        text, by: environment.clinician(named: author.text), at: environment.timestamp)
                    mode = .charting
                    message = StatusMessage("Addendum added.")
                    return saving(from: before, environment: environment)
                } catch {
                    message = .error(error.message)
                }
            default:
                author.handle(key)
                if let notice = author.limitNotice { message = .warning(notice) }
                mode = .addendumAuthor(text: text, author: author)
            }
            return []
        case .pickingPattern(var picker):
            switch picker.handle(key, patterns: environment.patterns) {
            case .none: mode = .pickingPattern(picker)
            case .cancel: mode = .charting
            case .apply(let pattern, let sides, let scale):
                mode = .charting
                return apply(pattern, sides: sides, scale: scale, environment: environment)
            }
            return []
        case .overriding(let rule, var reason):
            switch key {
            case .escape:
                mode = .charting
                message = StatusMessage("Not overridden.")
            case .enter:
                do {
                    let before = session
                    session = try session.overriding(rule: rule, reason: reason.text, at: environment.timestamp, by: environment.user)
                    mode = .charting
                    message = StatusMessage("Override recorded with its reason.")
                    return saving(from: before, environment: environment)
                } catch {
                    message = .error(error.message)
                }
            default:
                reason.handle(key)
                if let notice = reason.limitNotice { message = .warning(notice) }
                mode = .overriding(rule: rule, reason: reason)
            }
            return []
        case .safety(var overlay):
            let rows = safetyRows(environment: environment).count
            mode = overlay.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? .safety(overlay) : .charting
            return []
        case .savingPattern(var name):
            switch key {
            case .escape: mode = .charting
            case .enter:
                let title = name.text.trimmingCharacters(in: .whitespaces)
                guard !title.isEmpty else {
                    message = .error("The pattern needs a name.")
                    return []
                }
                mode = .charting
                let pattern = TreatmentPattern.fromPoints(
                    session.points, key: "user-" + environment.makeID().rawValue, name: title,
                    indication: session.indication, product: session.primaryVial.product)
                message = StatusMessage("Saved \"\(title)\" as a pattern: t applies it.")
                return [.savePattern(pattern)]
            default:
                name.handle(key)
                if let notice = name.limitNotice { message = .warning(notice) }
                mode = .savingPattern(name)
            }
            return []
        case .charting, .recordInfo, .editingNotes, .editingPointNote, .voiding:
            break
        }

        if case .character(let character) = key, character.isASCII, character.isNumber || character == "." {
            return typePen(character)
        }
        if key == .backspace, var entry = penEntry {
            entry.removeLast()
            penEntry = entry.isEmpty ? nil : entry
            if let units = Units(parsing: entry) { pen.units = units }
            return []
        }
        penEntry = nil

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
            mode = .pickingPattern(PatternPicker(product: session.primaryVial.product))
        case .character("P"):
            if session.points.isEmpty {
                message = .warning("Nothing to save: place points first.")
            } else {
                mode = .savingPattern(TextField(maximumLength: 60))
            }
        case .character("O"):
            let overridable = findings(environment: environment).filter { $0.isBlocking && SafetyRule.isOverridable($0.rule) }
            if session.status != .draft {
                return refuseSigned()
            } else if let finding = overridable.first {
                mode = .overriding(rule: finding.rule, reason: TextField(maximumLength: 200))
                message = .warning("Override: \(finding.message)")
            } else {
                message = StatusMessage("Nothing to override.")
            }
        case .enter, .character(" "): return placePoint(at: cursor, faceView: faceView, environment: environment)
        case .character("+"), .character("="): return adjustSelected(by: Units(hundredths: 50))
        case .character("-"), .character("_"): return adjustSelected(by: Units(hundredths: -50))
        case .character("D"): return editSelected { $0.depth = $0.depth.next }
        case .character("x"): return deleteSelected()
        case .character("m"): return mirrorSelected(environment: environment)
        case .character("g"): return cycleGuidance()
        case .character("u"): return undo()
        case .control("r"): return redo()
        case .character("S"):
            if session.isSigned {
                message = StatusMessage("Already signed by \(session.signature!.signer).")
            } else if session.isVoided {
                _ = refuseSigned()
            } else if session.points.isEmpty {
                message = .warning("Nothing to sign: place at least one point.")
            } else if let block = SafetyChecker.blocking(findings(environment: environment)).first {
                message = .error("Cannot sign: \(block.message) (! lists all, O overrides)")
            } else {
                mode = .signing(TextField(session.clinician.name))
                let open = findings(environment: environment).filter { !$0.isOverridden }.count
                if open > 0 { message = .warning("\(open) safety finding\(open == 1 ? "" : "s") open: Esc then ! lists them.") }
            }
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

    private mutating func typePen(_ character: Character) -> [Effect] {
        let entry = (penEntry ?? "") + String(character)
        guard entry.count <= 6 else { return [] }
        if entry == "." {
            penEntry = entry
            return []
        }
        guard let units = Units(parsing: entry) else {
            message = .error("'\(entry)' is not a dose: use up to two decimals, e.g. 2.5.")
            return []
        }
        guard units <= InjectionPoint.maximumUnits else {
            message = .error(ValidationError.unitsTooLarge(units, maximum: InjectionPoint.maximumUnits).message)
            return []
        }
        penEntry = entry
        if units > .zero {
            pen.units = units
            message = nil
        }
        return []
    }

    private mutating func moveCursor(dx: Int, dy: Int, in faceView: FaceView) {
        var cell = cursor
        cell.column = min(faceView.width - 1, max(0, cell.column + dx))
        cell.row = min(faceView.height - 1, max(0, cell.row + dy))
        cursors[view] = cell
        selected = pointsUnderCursor().first?.id
        message = nil
    }

    /// The points in the cursor's cell on the current view.
    public func pointsUnderCursor() -> [InjectionPoint] { points(at: cursor) }

    private func points(at cell: GridCell) -> [InjectionPoint] {
        guard let faceView = views[view] else { return [] }
        return session.points.filter { point in
            guard point.view == view else { return false }
            let (column, row) = faceView.cellCoordinates(of: point.position)
            return column == cell.column && row == cell.row
        }
    }

    /// Refuses a new point while a safety rule blocks the session; true when blocked.
    private mutating func isBlocked(environment: ScreenEnvironment) -> Bool {
        guard let block = SafetyChecker.blocking(findings(environment: environment)).first else { return false }
        let remedy = SafetyRule.isOverridable(block.rule) ? "O overrides with a reason" : "use another vial"
        message = .error("Blocked: \(block.message) (\(remedy); ! lists all)")
        return true
    }

    private mutating func apply(_ pattern: TreatmentPattern, sides: PatternSides, scale: Double, environment: ScreenEnvironment) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        guard !isBlocked(environment: environment) else { return [] }
        let points = pattern.points(sides: sides, scale: scale) { environment.makeID() }
        guard !points.isEmpty else {
            message = .warning("That pattern has no \(sides.rawValue)-side sites.")
            return []
        }
        let total = points.map(\.units).total()
        let effects = change("Applied \(pattern.name): \(points.count) points, \(Format.units(total)). Edit any point: Tab, + -, x.") { list in
            list.append(contentsOf: points)
        } select: { _ in points.first?.id }
        if let first = points.first, first.view != view { view = first.view }
        if let first = points.first, let faceView = views[first.view] {
            let (column, row) = faceView.cellCoordinates(of: first.position)
            cursors[first.view] = GridCell(column: column, row: row)
        }
        if !pattern.applies(to: session.primaryVial.product), !effects.isEmpty {
            message = .warning("Applied a pattern written in other units: check every dose for \(environment.productName(session.primaryVial.product)).")
        } else if pattern.grade.needsJudgement, !effects.isEmpty {
            message = .warning("Applied \(pattern.name): \(pattern.grade.note) (\(pattern.grade.letter)).")
        }
        return effects
    }

    mutating func placePoint(at cell: GridCell, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        guard !isBlocked(environment: environment) else { return [] }
        let info = faceView.cell(column: cell.column, row: cell.row)
        guard let region = info.region else {
            message = .error(info.danger.map { "No injection here: \($0.warning)." } ?? "No injection here: pick a cell over a muscle.")
            return []
        }
        let point = InjectionPoint(
            id: environment.makeID(), view: view, position: faceView.position(column: cell.column, row: cell.row),
            region: region, side: info.side, units: pen.units, depth: pen.depth, guidance: pen.guidance)
        return change("Placed \(point.units) U \(point.depth.abbreviation) in \(region.name) \(info.side.letter).") { points in
            points.append(point)
        } select: { _ in point.id }
            .withDangerWarning(info.danger, screen: &self)
    }

    private mutating func adjustSelected(by delta: Units) -> [Effect] {
        guard let point = selectedPoint else { return noSelection() }
        let units = point.units + delta
        guard units > .zero else {
            message = .error("A point needs more than 0 U: press x to delete it instead.")
            return []
        }
        guard units <= InjectionPoint.maximumUnits else {
            message = .error(ValidationError.unitsTooLarge(units, maximum: InjectionPoint.maximumUnits).message)
            return []
        }
        return editSelected { $0.units = units }
    }

    mutating func editSelected(_ edit: (inout InjectionPoint) -> Void) -> [Effect] {
        guard let point = selectedPoint else { return noSelection() }
        var edited = point
        edit(&edited)
        return change("\(edited.region.name) \(edited.side.letter): \(edited.units) U \(edited.depth.abbreviation).") { points in
            if let index = points.firstIndex(where: { $0.id == point.id }) { points[index] = edited }
        } select: { _ in point.id }
    }

    private mutating func deleteSelected() -> [Effect] {
        guard let point = selectedPoint else { return noSelection() }
        return change("Deleted \(point.units) U in \(point.region.name) \(point.side.letter).") { points in
            points.removeAll { $0.id == point.id }
        } select: { _ in nil }
    }

    private mutating func mirrorSelected(environment: ScreenEnvironment) -> [Effect] {
        guard let point = selectedPoint else { return noSelection() }
        guard !isBlocked(environment: environment) else { return [] }
        guard let faceView = views[point.view] else { return [] }
        let mirroredPosition = point.position.mirrored
        let info = faceView.cell(at: mirroredPosition)
        guard let region = info.region else {
            message = .error("The mirror cell is not injectable.")
            return []
        }
        guard info.side != point.side else {
            message = .warning("A midline point has no mirror.")
            return []
        }
        let (column, row) = faceView.cellCoordinates(of: mirroredPosition)
        let mirrored = InjectionPoint(
            id: environment.makeID(), view: point.view, position: faceView.position(column: column, row: row),
            region: region, side: info.side, units: point.units, depth: point.depth, vial: point.vial, guidance: point.guidance)
        let alreadyMirrored = session.points.contains {
            $0.view == mirrored.view && $0.position == mirrored.position && $0.units == mirrored.units && $0.depth == mirrored.depth
        }
        guard !alreadyMirrored else {
            message = .warning("Already mirrored: \(region.name) \(info.side.letter) has the same point.")
            return []
        }
        // The cursor stays on the original so that the next point on this side is one move away.
        return change("Mirrored to \(region.name) \(info.side.letter): \(mirrored.units) U \(mirrored.depth.abbreviation).") { points in
            points.append(mirrored)
        } select: { _ in point.id }
            .withDangerWarning(info.danger, screen: &self)
    }

    private mutating func undo() -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        guard let previous = undoStack.popLast() else {
            message = StatusMessage("Nothing to undo.")
            return []
        }
        redoStack.append(session.points)
        session.points = previous
        selected = pointsUnderCursor().first?.id
        message = StatusMessage("Undone (\(undoStack.count) more to undo).")
        return [.saveSession(session)]
    }

    private mutating func redo() -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        guard let next = redoStack.popLast() else {
            message = StatusMessage("Nothing to redo.")
            return []
        }
        undoStack.append(session.points)
        session.points = next
        selected = pointsUnderCursor().first?.id
        message = StatusMessage("Redone.")
        return [.saveSession(session)]
    }

    /// Records an undo step, applies `edit` to the points and asks for a save.
    private mutating func change(
        _ description: String, _ edit: (inout [InjectionPoint]) -> Void, select: ([InjectionPoint]) -> RecordID?
    ) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        let before = session.points
        edit(&session.points)
        guard session.points != before else { return [] }
        undoStack.append(before)
        redoStack.removeAll()
        selected = select(session.points)
        message = StatusMessage(description)
        return [.saveSession(session)]
    }

    mutating func selectNeighbour(step: Int, environment: ScreenEnvironment) {
        let points = session.points
        guard !points.isEmpty else {
            message = StatusMessage("No points yet: Enter places one at the cursor.")
            return
        }
        let current = selected.flatMap { id in points.firstIndex { $0.id == id } }
        select(at: current.map { ($0 + step + points.count) % points.count } ?? (step > 0 ? 0 : points.count - 1))
    }

    /// Selects the point at `index` in the session, bringing its view and cell under the cursor.
    mutating func select(at index: Int) {
        let points = session.points
        let point = points[index]
        selected = point.id
        view = point.view
        if let faceView = views[point.view] {
            let (column, row) = faceView.cellCoordinates(of: point.position)
            cursors[point.view] = GridCell(column: column, row: row)
        }
        message = StatusMessage("Point \(index + 1) of \(points.count): \(point.region.name) \(point.side.letter) \(point.units) U \(point.depth.abbreviation).")
    }

    var selectedPoint: InjectionPoint? {
        guard let selected else { return nil }
        return session.points.first { $0.id == selected }
    }

    private mutating func noSelection() -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        message = .warning("No point selected: Tab selects one, or move onto it.")
        return []
    }

    /// Refuses an edit of a signed or voided session, saying what can be done instead.
    private mutating func refuseSigned() -> [Effect] {
        message = .warning(session.isSigned
            ? ValidationError.signedSessionIsReadOnly.message + " (A)"
            : ValidationError.notADraft(session.status.name).message)
        return []
    }
}

private extension Array where Element == Effect {
    /// Adds a danger-zone warning to the screen's message when the change placed a point in one.
    func withDangerWarning(_ danger: DangerZone?, screen: inout ChartingScreen) -> [Effect] {
        if let danger, !isEmpty {
            screen.message = .warning("Danger zone: \(danger.warning). Point placed; x removes it.")
        }
        return self
    }
}
