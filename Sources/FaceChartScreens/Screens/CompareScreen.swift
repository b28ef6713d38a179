import FaceChartCore
import FaceChartUI
import Foundation

/// Two visits of one patient side by side: their face grids (both when the terminal is wide enough, else
/// one at a time with Tab), and the units per region and side with the differences B-A. A visit is a
/// treatment with the top-ups given at its review, whose points show with their own glyph. Read-only.
public struct CompareScreen: Equatable {
    /// One of the two visits compared.
    public enum Slot: Hashable, Sendable {
        case a, b

        /// The other slot.
        public var other: Slot { self == .a ? .b : .a }

        /// `A` or `B`.
        public var letter: String { self == .a ? "A" : "B" }
    }

    public var patient: Patient
    /// Oldest first.
    public private(set) var visits: [Visit]
    public var views: [ViewKind: FaceView]
    /// Index in `visits` of A (the left grid) and B (the right grid).
    public private(set) var indexA: Int
    public private(set) var indexB: Int
    /// The visit `[` and `]` change; in the narrow layout, the one shown.
    public var focus: Slot
    public var view: ViewKind
    /// The keys, while shown.
    public var help: Overlay?
    public var message: StatusMessage?

    /// Compares the visit of `left` (A) with that of `right` (B), given by the id of the treatment or of a
    /// top-up. A missing `right` means the latest visit; a missing `left` the visit before B (or after it,
    /// when B is the first).
    public init(patient: Patient, sessions: [Session], left: RecordID?, right: RecordID?, views: [ViewKind: FaceView]) {
        self.patient = patient
        let visits = Visit.visits(of: sessions)
        self.visits = visits
        self.views = views
        func index(of id: RecordID?) -> Int? {
            guard let id else { return nil }
            return visits.firstIndex { $0.id == id || $0.topUps.contains { $0.id == id } }
        }
        let indexB = index(of: right) ?? max(0, visits.count - 1)
        var indexA = index(of: left) ?? (indexB - 1)
        if indexA < 0 || indexA >= visits.count || indexA == indexB { indexA = indexB > 0 ? indexB - 1 : min(indexB + 1, max(0, visits.count - 1)) }
        self.indexA = indexA
        self.indexB = indexB
        focus = .b
        view = .anterior
        help = nil
        message = visits.count < 2 ? StatusMessage.warning("Comparing needs two visits; this patient has \(visits.count).") : nil
    }

    /// Visit A (the left grid).
    public var visitA: Visit? { visits[safe: indexA] }
    /// Visit B (the right grid).
    public var visitB: Visit? { visits[safe: indexB] }

    /// Columns between the two grids in the wide layout.
    public static let gap = 3
    /// The narrowest table of differences worth putting beside the grids.
    public static let minimumTableWidth = 30

    /// The drawing of the current view (the next available one when this one is missing).
    public var faceView: FaceView? { views[view] ?? views[view.next(among: views.keys)] }

    /// Whether both grids are drawn, for a canvas `width` x `height`: two grids and a gap must fit, with
    /// the table beside them or below them.
    public func isWide(width: Int, height: Int, timeZone: TimeZone) -> Bool {
        guard let face = faceView else { return false }
        let gridsWidth = 2 * face.width + CompareScreen.gap
        guard width >= gridsWidth else { return false }
        if width - gridsWidth - 2 >= CompareScreen.minimumTableWidth { return true }
        return height >= 2 + face.height + 1 + tableLines(width: width, timeZone: timeZone).count + 1
    }

    private func tableLines(width: Int, timeZone: TimeZone) -> [(String, Style)] {
        guard let a = visitA, let b = visitB else { return [] }
        return DoseDifferenceWidget(a: a.combined, b: b.combined, timeZone: timeZone).lines(width: width)
    }

    // MARK: Update

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        guard case .key(let key) = event else { return .none }
        if Overlay.take(key, by: &help, keys: Self.keys, environment: environment) { return .none }
        message = nil
        switch Self.keys.action(for: key) {
        case .switchSlot?: focus = focus.other
        case .earlier?: move(focus, by: -1)
        case .later?: move(focus, by: 1)
        case .pairEarlier?: shiftPair(by: -1)
        case .pairLater?: shiftPair(by: 1)
        case .nextView?:
            let next = view.next(among: views.keys)
            if next != view { view = next } else { message = StatusMessage.warning("No other drawing.") }
        case .showKeys?: help = Overlay()
        case .back?: return ScreenResult(navigation: .back)
        case nil: break
        }
        return .none
    }

    /// Moves one slot to the next earlier or later visit, stepping over the other slot's visit.
    private mutating func move(_ slot: Slot, by step: Int) {
        let other = slot == .a ? indexB : indexA
        var index = (slot == .a ? indexA : indexB) + step
        if index == other { index += step }
        guard visits.indices.contains(index) else {
            message = StatusMessage(step < 0 ? "No earlier visit." : "No later visit.")
            return
        }
        if slot == .a { indexA = index } else { indexB = index }
    }

    /// Moves both visits one step earlier or later together.
    private mutating func shiftPair(by step: Int) {
        guard visits.indices.contains(indexA + step), visits.indices.contains(indexB + step) else {
            message = StatusMessage(step < 0 ? "No earlier pair." : "No later pair.")
            return
        }
        indexA += step
        indexB += step
    }

    // MARK: Render

    /// `A 2026-08-20 12+2 U signed`: the visit's day, the treatment's units (plus its top-ups') and status.
    private func header(_ slot: Slot, visit: Visit, environment: ScreenEnvironment) -> String {
        let session = visit.treatment
        let status = session.isSigned ? "signed" : session.isVoided ? "voided" : "draft"
        let units = visit.topUps.isEmpty ? Format.units(session.summary.total)
            : "\(session.summary.total)+\(visit.topUpPoints.map(\.units).total()) U"
        let topUp = session.link?.kind == .topUp ? " top-up" : ""
        return "\(slot.letter) \(session.day(in: environment.timeZone)) \(units) \(status)\(topUp)"
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        x += canvas.put("Compare ", x: x, y: 0, style: Style(.title, bold: true))
        x += canvas.put(patient.name, x: x, y: 0, style: .plain, limit: canvas.width - x)
        if let face = faceView { x += canvas.put(" · \(face.kind.title)", x: x, y: 0, style: .muted, limit: canvas.width - x) }
        if visits.count >= 2 {
            let position = "A \(indexA + 1), B \(indexB + 1) of \(visits.count)"
            if canvas.width - x > position.count + 1 {
                canvas.put(position, x: canvas.width - position.count, y: 0, style: .muted)
            }
        }
        let footerY = canvas.height - 1
        if let a = visitA, let b = visitB, visits.count >= 2, let face = faceView {
            if isWide(width: canvas.width, height: canvas.height, timeZone: environment.timeZone) {
                renderWide(into: &canvas, a: a, b: b, face: face, environment: environment)
            } else {
                renderNarrow(into: &canvas, a: a, b: b, face: face, environment: environment)
            }
        }
        let keys = "Tab switch · [ ] other visit · h l move pair · v view · ? keys · q back"
        let footer = message ?? StatusMessage(keys)
        canvas.put(footer.text, x: 0, y: footerY, style: message == nil ? .muted : footer.style, limit: canvas.width)
        if let help {
            help.render(into: &canvas, keys: Self.keys)
        }
    }

    /// A visit's grid: the treatment's points and its top-ups', which have their own glyph.
    private func grid(_ visit: Visit, face: FaceView) -> FaceGridWidget {
        FaceGridWidget(view: face, points: visit.combined.points, topUps: Set(visit.topUpPoints.map(\.id)))
    }

    private func renderWide(into canvas: inout Canvas, a: Visit, b: Visit, face: FaceView, environment: ScreenEnvironment) {
        let rightX = face.width + CompareScreen.gap
        for (slot, visit, originX) in [(Slot.a, a, 0), (Slot.b, b, rightX)] {
            let style: Style = slot == focus ? Style(.accent, bold: true, reverse: true) : Style(.accent, bold: true)
            canvas.put(header(slot, visit: visit, environment: environment), x: originX, y: 1, style: style,
                       limit: face.width + CompareScreen.gap - 1)
            grid(visit, face: face).render(into: &canvas, at: (originX, 2))
        }
        let besideX = rightX + face.width + 2
        let table = DoseDifferenceWidget(a: a.combined, b: b.combined, timeZone: environment.timeZone)
        if canvas.width - besideX >= CompareScreen.minimumTableWidth {
            let y = renderDetails(into: &canvas, a: a, b: b, x: besideX, y: 2, environment: environment)
            table.render(into: &canvas, rect: Rect(x: besideX, y: y + 1, width: canvas.width - besideX, height: canvas.height - 2 - y))
        } else {
            let top = 2 + face.height + 1
            table.render(into: &canvas, rect: Rect(x: 0, y: top, width: min(canvas.width, 60), height: canvas.height - 1 - top))
        }
    }

    /// Each visit's date, indication, product and top-up days from (`x`, `y`); returns the row after them.
    private func renderDetails(
        into canvas: inout Canvas, a: Visit, b: Visit, x: Int, y: Int, environment: ScreenEnvironment
    ) -> Int {
        var y = y
        for (slot, visit) in [(Slot.a, a), (Slot.b, b)] {
            let session = visit.treatment
            let line = "\(slot.letter) \(session.day(in: environment.timeZone)) \(session.indication.concern)"
            canvas.put(line, x: x, y: y, style: slot == focus ? Style(.accent, bold: true) : .plain, limit: canvas.width - x)
            let topUps = visit.topUps.map { " · \(FaceGridWidget.topUpGlyph) top-up \($0.day(in: environment.timeZone))" }.joined()
            canvas.put("  " + environment.productName(session.primaryVial.product) + topUps, x: x, y: y + 1, style: .muted,
                       limit: canvas.width - x)
            y += 2
        }
        return y
    }

    private func renderNarrow(into canvas: inout Canvas, a: Visit, b: Visit, face: FaceView, environment: ScreenEnvironment) {
        let shown = focus == .a ? a : b
        let hidden = focus == .a ? b : a
        let title = "Showing " + header(focus, visit: shown, environment: environment)
        let hint = " · Tab: \(focus.other.letter) \(hidden.treatment.day(in: environment.timeZone))"
        let written = canvas.put(title, x: 0, y: 1, style: Style(.accent, bold: true), limit: canvas.width)
        canvas.put(hint, x: written, y: 1, style: .muted, limit: canvas.width - written)
        grid(shown, face: face).render(into: &canvas, at: (0, 2))
        let table = DoseDifferenceWidget(a: a.combined, b: b.combined, timeZone: environment.timeZone)
        let besideX = face.width + 2
        if canvas.width - besideX >= CompareScreen.minimumTableWidth {
            let y = renderDetails(into: &canvas, a: a, b: b, x: besideX, y: 2, environment: environment)
            table.render(into: &canvas, rect: Rect(x: besideX, y: y + 1, width: canvas.width - besideX, height: canvas.height - 2 - y))
        } else {
            let top = 2 + face.height + 1
            table.render(into: &canvas, rect: Rect(x: 0, y: top, width: canvas.width, height: canvas.height - 1 - top))
        }
    }

    /// What the compare screen's keys do.
    enum KeyAction: Hashable, Sendable {
        case switchSlot, earlier, later, pairEarlier, pairLater, nextView, showKeys, back
    }

    static let keys = KeyTable<KeyAction>("Compare keys", [
        .init([.tab, .backTab, .character(" ")], "switch A and B (the one shown when narrow)", .switchSlot),
        .init([.character("[")], "the chosen visit: earlier", .earlier),
        .init([.character("]")], "the chosen visit: later", .later),
        .init([.character("h"), .left], "both visits: earlier", .pairEarlier),
        .init([.character("l"), .right], "both visits: later", .pairLater),
        .init([.character("v")], "next view", .nextView),
        .init([.character("?")], "these keys", .showKeys),
        .init([.character("q"), .escape], "back", .back),
    ])
}
