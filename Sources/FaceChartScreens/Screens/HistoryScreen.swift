import FaceChartCore
import FaceChartUI
import Foundation

/// One patient's history (the `HistoryReport`), scrolled a line or a page at a time. Read-only.
public struct HistoryScreen: Equatable {
    public var patient: Patient
    /// Oldest first.
    public var sessions: [Session]
    public var reviews: [Review]
    /// The first report line shown.
    public private(set) var offset: Int
    /// Rows of the terminal, used for paging; the app may set it, and a `.resized` event updates it.
    public var viewportHeight: Int
    /// The keys, while shown.
    public var help: Overlay?
    /// Files left out of the history or needing a look, listed at its top.
    public var notices: [String] = []

    public init(patient: Patient, sessions: [Session], reviews: [Review], viewportHeight: Int = 24) {
        self.patient = patient
        self.sessions = sessions.sorted { $0.startedAt < $1.startedAt }
        self.reviews = reviews
        offset = 0
        self.viewportHeight = viewportHeight
        help = nil
    }

    /// Rows the report gets: all but the title and the footer.
    public static func reportRows(height: Int) -> Int { max(1, height - 2) }

    /// The report for the environment's day, time zone and product names.
    public func report(environment: ScreenEnvironment) -> HistoryReport {
        var report = HistoryReport(
            patient: patient, sessions: sessions, reviews: reviews, today: environment.today,
            timeZone: environment.timeZone, rules: environment.rules, productName: environment.productName,
            ingredient: environment.ingredient, outcomes: environment.outcomes, glyphs: environment.glyphs)
        report.notices = notices
        return report
    }

    /// The largest useful offset for a terminal `height` rows tall.
    public func maximumOffset(environment: ScreenEnvironment, height: Int) -> Int {
        max(0, report(environment: environment).lines().count - HistoryScreen.reportRows(height: height))
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        let step: Int
        switch event {
        case .resized(_, let height):
            viewportHeight = height
            offset = min(offset, maximumOffset(environment: environment, height: height))
            return .none
        case .mouse(let mouse):
            switch mouse.kind {
            case .scrollUp: step = -3
            case .scrollDown: step = 3
            default: return .none
            }
        case .key(let key):
            if Overlay.take(key, by: &help, keys: Self.keys, environment: environment) { return .none }
            let page = HistoryScreen.reportRows(height: viewportHeight) - 1
            switch Self.keys.action(for: key) {
            case .lineUp?: step = -1
            case .lineDown?: step = 1
            case .pageUp?: step = -max(1, page)
            case .pageDown?: step = max(1, page)
            case .top?: step = -offset
            case .end?: step = Int.max / 2
            case .showKeys?:
                help = Overlay()
                return .none
            case .back?: return ScreenResult(navigation: .back)
            case nil: return .none
            }
        case .inputEnded, .paste, .tick:
            return .none
        }
        let maximum = maximumOffset(environment: environment, height: viewportHeight)
        offset = min(maximum, max(0, offset + step))
        return .none
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        let lines = report(environment: environment).lines(width: canvas.width)
        let rows = HistoryScreen.reportRows(height: canvas.height)
        let first = min(offset, max(0, lines.count - rows))
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        x += canvas.put("History", x: x, y: 0, style: Style(.title, bold: true))
        let position = lines.count <= rows ? "all \(lines.count) lines"
            : "lines \(first + 1)-\(min(lines.count, first + rows)) of \(lines.count)"
        canvas.put(Format.padLeft(position, canvas.width - x), x: x, y: 0, style: .muted, limit: canvas.width - x)
        for (index, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            canvas.put(line.0, x: 0, y: 1 + index, style: line.1, limit: canvas.width)
        }
        canvas.put("j k scroll · PgUp PgDn page · g G top/end · ? keys · q back", x: 0, y: canvas.height - 1,
                   style: .muted, limit: canvas.width)
        if let help {
            help.render(into: &canvas, keys: Self.keys)
        }
    }

    /// What the history's keys do.
    enum KeyAction: Hashable, Sendable {
        case lineUp, lineDown, pageUp, pageDown, top, end, showKeys, back
    }

    static let keys = KeyTable<KeyAction>("History keys", [
        .init([.character("k"), .up], "scroll up a line (or the wheel)", .lineUp),
        .init([.character("j"), .down], "scroll down a line", .lineDown),
        .init([.pageUp, .character("b")], "up a page", .pageUp),
        .init([.pageDown, .character(" "), .character("f")], "down a page", .pageDown),
        .init([.character("g"), .home], "the top", .top),
        .init([.character("G"), .end], "the end", .end),
        .init([.character("?")], "these keys", .showKeys),
        .init([.character("q"), .escape], "back to the patient", .back),
    ])
}
