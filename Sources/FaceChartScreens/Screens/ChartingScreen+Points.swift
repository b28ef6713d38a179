import FaceChartCore
import FaceChartUI
import Foundation

extension ChartingScreen {
    mutating func moveCursor(dx: Int, dy: Int, in faceView: FaceView) {
        var cell = cursor
        cell.column = min(faceView.width - 1, max(0, cell.column + dx))
        cell.row = min(faceView.height - 1, max(0, cell.row + dy))
        cursors[view] = cell
        selected = pointsUnderCursor().first?.id
        message = nil
    }

    /// The points in the cursor's cell on the current view.
    public func pointsUnderCursor() -> [InjectionPoint] { points(at: cursor) }

    func points(at cell: GridCell) -> [InjectionPoint] {
        guard let faceView = views[view] else { return [] }
        return session.points.filter { point in
            guard point.view == view else { return false }
            let (column, row) = faceView.cellCoordinates(of: point.position)
            return column == cell.column && row == cell.row
        }
    }

    /// Enter on a cell: a cell that already holds a point gets that point selected; Enter again on the
    /// selected point asks before a second point goes into the same cell. Never stacks silently.
    mutating func enterOnCell(_ cell: GridCell, faceView: FaceView, environment: ScreenEnvironment) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        let here = points(at: cell)
        guard let first = here.first else { return place(pen.units, at: cell, faceView: faceView, environment: environment) }
        if let selected, here.contains(where: { $0.id == selected }) {
            mode = .confirmingSecondPoint(cell)
            message = .warning("\(first.units) U is already in this cell (\(first.region.name) \(first.side.letter)): "
                + "y adds a second point of \(pen.units) U here, any other key keeps one.")
            return []
        }
        selected = first.id
        message = StatusMessage("Selected the \(first.units) U point already here (\(first.region.name) \(first.side.letter)): "
            + "+ - adjust it, x deletes it; Enter again asks to add a second one.")
        return []
    }

    /// Places a point of `units` in `cell`; a dose above the product-aware threshold for the cell waits for `y`
    /// unless `confirmed`.
    mutating func place(
        _ units: Units, at cell: GridCell, faceView: FaceView, environment: ScreenEnvironment, confirmed: Bool = false
    ) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        guard !isBlocked(environment: environment) else { return [] }
        let info = faceView.cell(column: cell.column, row: cell.row)
        guard let region = info.region else {
            message = .error(info.danger.map { "No injection here: \($0.warning)." } ?? "No injection here: pick a cell over a muscle.")
            return []
        }
        if !confirmed, let limit = confirmThreshold(for: region, environment: environment), let cap = limit.units, units > cap {
            mode = .confirmingDose(DoseConfirmation(cell: cell, units: units))
            message = .warning("\(units) U at one \(region.name) site is above \(cap) U for \(ingredient(environment: environment)): "
                + "\(limit.text) [\(limit.source.gradeText)]. y places it, any other key cancels.")
            return []
        }
        let point = InjectionPoint(
            id: environment.makeID(), view: view, position: faceView.position(column: cell.column, row: cell.row),
            region: region, side: info.side, units: units, depth: pen.depth, vial: currentVial, guidance: pen.guidance)
        return change("Placed \(point.units) U \(point.depth.abbreviation) in \(region.name) \(info.side.letter).") { points in
            points.append(point)
        } select: { _ in point.id }
            .withDangerWarning(info.danger, screen: &self)
    }

    /// Refuses a new point while a safety rule blocks the session; true when blocked.
    mutating func isBlocked(environment: ScreenEnvironment) -> Bool {
        guard let block = SafetyChecker.blocking(currentFindings(environment: environment)).first else { return false }
        let remedy = SafetyRule.isOverridable(block.rule) ? "O overrides with a reason" : "use another vial"
        message = .error("Blocked: \(block.message) (\(remedy); ! lists all)")
        return true
    }

    mutating func adjustSelected(by delta: Units) -> [Effect] {
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

    mutating func deleteSelected() -> [Effect] {
        guard let point = selectedPoint else { return noSelection() }
        return change("Deleted \(point.units) U in \(point.region.name) \(point.side.letter).") { points in
            // One point only, even if a file edited elsewhere gave two points the same id.
            if let index = points.firstIndex(where: { $0.id == point.id }) { points.remove(at: index) }
        } select: { _ in nil }
    }

    mutating func mirrorSelected(environment: ScreenEnvironment) -> [Effect] {
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
            region: region, side: info.side, units: point.units, depth: point.depth, vial: point.vial,
            guidance: point.guidance)
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

    /// M: the selected point moves with the cursor keys until Enter or Esc.
    mutating func startMoving() {
        guard session.status == .draft else {
            _ = refuseSigned()
            return
        }
        guard let point = selectedPoint else {
            _ = noSelection()
            return
        }
        mode = .movingPoint
        message = StatusMessage("Moving \(point.region.name) \(point.side.letter) \(point.units) U: arrows or h j k l, Enter or Esc when done.")
    }

    /// A key while moving: each arrow moves the point a cell (saved, undoable); it never lands off a muscle.
    mutating func handleMoving(_ key: Key, faceView: FaceView) -> [Effect] {
        guard case .cursor(let dx, let dy)? = Self.keys.action(for: key), let point = selectedPoint else {
            mode = .charting
            message = StatusMessage("Moved: \(selectedPoint.map { "\($0.region.name) \($0.side.letter) \($0.units) U" } ?? "done").")
            return []
        }
        var (column, row) = faceView.cellCoordinates(of: point.position)
        column = min(faceView.width - 1, max(0, column + dx.signum()))
        row = min(faceView.height - 1, max(0, row + dy.signum()))
        let info = faceView.cell(column: column, row: row)
        guard let region = info.region else {
            message = .warning(info.danger.map { "Not there: \($0.warning)." } ?? "Not there: no muscle to inject.")
            return []
        }
        cursors[view] = GridCell(column: column, row: row)
        let effects = editSelected {
            $0.position = faceView.position(column: column, row: row)
            $0.region = region
            $0.side = info.side
        }
        if let danger = info.danger { message = .warning("Danger zone: \(danger.warning).") }
        return effects
    }

    mutating func undo() -> [Effect] {
        restore(from: \.undoStack, to: \.redoStack, nothing: "Nothing to undo.") { "Undone (\($0) more to undo)." }
    }

    mutating func redo() -> [Effect] {
        restore(from: \.redoStack, to: \.undoStack, nothing: "Nothing to redo.") { _ in "Redone." }
    }

    /// Puts back the points last kept on `source`, keeping the present ones on `other`, and saves.
    private mutating func restore(
        from source: WritableKeyPath<ChartingScreen, [[InjectionPoint]]>, to other: WritableKeyPath<ChartingScreen, [[InjectionPoint]]>,
        nothing: String, done: (Int) -> String
    ) -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        guard let points = self[keyPath: source].popLast() else {
            message = StatusMessage(nothing)
            return []
        }
        self[keyPath: other].append(session.points)
        session.points = points
        selected = pointsUnderCursor().first?.id
        message = StatusMessage(done(self[keyPath: source].count))
        return [.saveSession(session)]
    }

    /// Records an undo step, applies `edit` to the points and asks for a save.
    mutating func change(
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

    mutating func noSelection() -> [Effect] {
        guard session.status == .draft else { return refuseSigned() }
        message = .warning("No point selected: Tab selects one, or move onto it.")
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
