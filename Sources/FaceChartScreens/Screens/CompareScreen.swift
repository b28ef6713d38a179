import FaceChartCore
import FaceChartUI
import Foundation

/// Two sessions of one patient side by side: their face grids (both when the terminal is wide enough,
/// else one at a time with Tab), and the units per region and side with the differences B-A. Read-only.
public struct CompareScreen: Equatable {
    /// One of the two sessions compared.
    public enum Slot: Hashable, Sendable {
        case a, b

        /// The other slot.
        public var other: Slot { self == .a ? .b : .a }

        /// `A` or `B`.
        public var letter: String { self == .a ? "A" : "B" }
    }

    public var patient: Patient
    /// Oldest first.
    public private(set) var sessions: [Session]
    public var views: [ViewKind: FaceView]
    /// Index in `sessions` of A (the left grid) and B (the right grid).
    public private(set) var indexA: Int
    public private(set) var indexB: Int
    /// The session `[` and `]` change; in the narrow layout, the one shown.
    public var focus: Slot
    public var view: ViewKind
    /// The keys, while shown.
    public var help: Overlay?
    public var message: StatusMessage?

    /// Compares `left` (A) with `right` (B), given by id. A missing `right` means the latest session;
    /// a missing `left` the last full treatment (not a top-up) before B, else the session before B (or
    /// after it, when B is the first).
    public init(patient: Patient, sessions: [Session], left: RecordID?, right: RecordID?, views: [ViewKind: FaceView]) {
        self.patient = patient
        let sorted = sessions.sorted { $0.startedAt < $1.startedAt }
        self.sessions = sorted
        self.views = views
        let indexB = right.flatMap { id in sorted.firstIndex { $0.id == id } } ?? max(0, sorted.count - 1)
        let previousFull = sorted.indices.last { $0 < indexB && sorted[$0].link?.kind != .topUp }
        var indexA = left.flatMap { id in sorted.firstIndex { $0.id == id } } ?? previousFull ?? (indexB - 1)
        if indexA < 0 || indexA >= sorted.count || indexA == indexB { indexA = indexB > 0 ? indexB - 1 : min(indexB + 1, max(0, sorted.count - 1)) }
        self.indexA = indexA
        self.indexB = indexB
        focus = .b
        view = .anterior
        help = nil
        message = sorted.count < 2 ? StatusMessage.warning("Comparing needs two sessions; this patient has \(sorted.count).") : nil
    }

    /// Session A (the left grid).
    public var sessionA: Session? { sessions[safe: indexA] }
    /// Session B (the right grid).
    public var sessionB: Session? { sessions[safe: indexB] }

    /// The session in a slot.
    public func session(_ slot: Slot) -> Session? { slot == .a ? sessionA : sessionB }

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
        guard let a = sessionA, let b = sessionB else { return [] }
        return DoseDifferenceWidget(a: a, b: b, timeZone: timeZone).lines(width: width)
    }

    // MARK: Update

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> Outcome {
        guard case .key(let key) = event else { return .none }
        if Overlay.take(key, by: &help, keys: Self.helpKeys, environment: environment) { return .none }
        message = nil
        switch key {
        case .tab, .backTab, .character(" "): focus = focus.other
        case .character("["): move(focus, by: -1)
        case .character("]"): move(focus, by: 1)
        case .left, .character("h"): shiftPair(by: -1)
        case .right, .character("l"): shiftPair(by: 1)
        case .character("v"):
            let next = view.next(among: views.keys)
            if next != view { view = next } else { message = StatusMessage.warning("No other drawing.") }
        case .character("?"): help = Overlay()
        case .character("q"), .escape: return Outcome(navigation: .back)
        default: break
        }
        return .none
    }

    /// Moves one slot to the next earlier or later session, stepping over the other slot's session.
    private mutating func move(_ slot: Slot, by step: Int) {
        let other = slot == .a ? indexB : indexA
        var index = (slot == .a ? indexA : indexB) + step
        if index == other { index += step }
        guard sessions.indices.contains(index) else {
            message = StatusMessage(step < 0 ? "No earlier session." : "No later session.")
            return
        }
        if slot == .a { indexA = index } else { indexB = index }
    }

    /// Moves both sessions one step earlier or later together.
    private mutating func shiftPair(by step: Int) {
        guard sessions.indices.contains(indexA + step), sessions.indices.contains(indexB + step) else {
            message = StatusMessage(step < 0 ? "No earlier pair." : "No later pair.")
            return
        }
        indexA += step
        indexB += step
    }

    // MARK: Render

    private func header(_ slot: Slot, session: Session, environment: ScreenEnvironment) -> String {
        let status = session.isSigned ? "signed" : "draft"
        let topUp = session.link?.kind == .topUp ? " top-up" : ""
        return "\(slot.letter) \(session.day(in: environment.timeZone)) \(Format.units(session.summary.total)) \(status)\(topUp)"
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        x += canvas.put("Compare ", x: x, y: 0, style: Style(.title, bold: true))
        x += canvas.put(patient.name, x: x, y: 0, style: .plain, limit: canvas.width - x)
        if let face = faceView { x += canvas.put(" · \(face.kind.title)", x: x, y: 0, style: .muted, limit: canvas.width - x) }
        if sessions.count >= 2 {
            let position = "A \(indexA + 1), B \(indexB + 1) of \(sessions.count)"
            if canvas.width - x > position.count + 1 {
                canvas.put(position, x: canvas.width - position.count, y: 0, style: .muted)
            }
        }
        let footerY = canvas.height - 1
        if let a = sessionA, let b = sessionB, sessions.count >= 2, let face = faceView {
            if isWide(width: canvas.width, height: canvas.height, timeZone: environment.timeZone) {
                renderWide(into: &canvas, a: a, b: b, face: face, environment: environment)
            } else {
                renderNarrow(into: &canvas, a: a, b: b, face: face, environment: environment)
            }
        }
        let keys = "Tab switch · [ ] other session · h l move pair · v view · ? keys · q back"
        let footer = message ?? StatusMessage(keys)
        canvas.put(footer.text, x: 0, y: footerY, style: message == nil ? .muted : footer.style, limit: canvas.width)
        if let help {
            help.render(into: &canvas, title: "Compare keys", keys: Self.helpKeys)
        }
    }

    private func renderWide(into canvas: inout Canvas, a: Session, b: Session, face: FaceView, environment: ScreenEnvironment) {
        let rightX = face.width + CompareScreen.gap
        for (slot, session, originX) in [(Slot.a, a, 0), (Slot.b, b, rightX)] {
            let style: Style = slot == focus ? Style(.accent, bold: true, reverse: true) : Style(.accent, bold: true)
            canvas.put(header(slot, session: session, environment: environment), x: originX, y: 1, style: style,
                       limit: face.width + CompareScreen.gap - 1)
            FaceGridWidget(view: face, points: session.points).render(into: &canvas, at: (originX, 2))
        }
        let besideX = rightX + face.width + 2
        let table = DoseDifferenceWidget(a: a, b: b, timeZone: environment.timeZone)
        if canvas.width - besideX >= CompareScreen.minimumTableWidth {
            let y = renderDetails(into: &canvas, a: a, b: b, x: besideX, y: 2, environment: environment)
            table.render(into: &canvas, rect: Rect(x: besideX, y: y + 1, width: canvas.width - besideX, height: canvas.height - 2 - y))
        } else {
            let top = 2 + face.height + 1
            table.render(into: &canvas, rect: Rect(x: 0, y: top, width: min(canvas.width, 60), height: canvas.height - 1 - top))
        }
    }

    /// Each session's date, indication and product from (`x`, `y`); returns the row after them.
    private func renderDetails(
        into canvas: inout Canvas, a: Session, b: Session, x: Int, y: Int, environment: ScreenEnvironment
    ) -> Int {
        var y = y
        for (slot, session) in [(Slot.a, a), (Slot.b, b)] {
            let line = "\(slot.letter) \(session.day(in: environment.timeZone)) \(session.indication.concern)"
            canvas.put(line, x: x, y: y, style: slot == focus ? Style(.accent, bold: true) : .plain, limit: canvas.width - x)
            canvas.put("  " + environment.productName(session.primaryVial.product), x: x, y: y + 1, style: .muted,
                       limit: canvas.width - x)
            y += 2
        }
        return y
    }

    private func renderNarrow(into canvas: inout Canvas, a: Session, b: Session, face: FaceView, environment: ScreenEnvironment) {
        let shown = focus == .a ? a : b
        let hidden = focus == .a ? b : a
        let title = "Showing " + header(focus, session: shown, environment: environment)
        let hint = " · Tab: \(focus.other.letter) \(hidden.day(in: environment.timeZone))"
        let written = canvas.put(title, x: 0, y: 1, style: Style(.accent, bold: true), limit: canvas.width)
        canvas.put(hint, x: written, y: 1, style: .muted, limit: canvas.width - written)
        FaceGridWidget(view: face, points: shown.points).render(into: &canvas, at: (0, 2))
        let table = DoseDifferenceWidget(a: a, b: b, timeZone: environment.timeZone)
        let besideX = face.width + 2
        if canvas.width - besideX >= CompareScreen.minimumTableWidth {
            let y = renderDetails(into: &canvas, a: a, b: b, x: besideX, y: 2, environment: environment)
            table.render(into: &canvas, rect: Rect(x: besideX, y: y + 1, width: canvas.width - besideX, height: canvas.height - 2 - y))
        } else {
            let top = 2 + face.height + 1
            table.render(into: &canvas, rect: Rect(x: 0, y: top, width: canvas.width, height: canvas.height - 1 - top))
        }
    }

    static let helpKeys: [(String, String)] = [
        ("Tab space", "switch A and B (the one shown when narrow)"),
        ("[ ]", "the chosen session: earlier / later"),
        ("h l arrows", "both sessions: earlier / later"),
        ("v", "anterior / posterior view"),
        ("q Esc", "back"),
    ]
}
