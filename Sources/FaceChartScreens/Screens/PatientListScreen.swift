import FaceChartCore
import FaceChartUI
import Foundation

/// The first screen: every patient, most recent visit first, filtered as you type after `/`. The
/// screen holds only the page of rows around the selection; the app fetches the page it asks for
/// (`pageWanted`) after every event, so neither opening nor a keystroke costs more than a screenful.
public struct PatientListScreen: Equatable {
    /// The rows fetched last, for the filter they were fetched with.
    public private(set) var page: PatientListPage
    /// Every readable patient, as counted when the list was last read without a filter.
    public private(set) var everyone: Int
    public var filter: TextField
    public var isFiltering: Bool
    /// The selected row's position among the matches.
    public var selection: Int
    /// The keys, while shown.
    public var help: Overlay?
    public var message: StatusMessage?
    /// Whether the records are being checked against the index the rows come from.
    public var isChecking = false
    /// Whether the rows may have changed since they were fetched.
    private var isStale = false

    public init(page: PatientListPage, message: StatusMessage? = nil) {
        self.page = page
        everyone = page.total
        filter = TextField(maximumLength: 60)
        isFiltering = false
        selection = 0
        help = nil
        self.message = message
    }

    /// The filter as the repository takes it.
    public var filterText: String { filter.text.trimmingCharacters(in: .whitespaces) }

    /// How many rows match the filter (as last fetched).
    public var matchCount: Int { page.total }

    /// The selected row, when fetched.
    public var selectedItem: PatientListItem? { page[selection] }

    /// The filter and rows to fetch so that a canvas `height` rows tall can be drawn, or `nil` when the
    /// page fetched already holds them. A page reaches a screenful beyond each side of the window, so
    /// moving the selection by a row fetches nothing.
    public func pageWanted(height: Int) -> (filter: String, range: Range<Int>)? {
        let window = visibleWindow(height: height)
        let covered = window.isEmpty
            || (page.range.contains(window.lowerBound) && window.upperBound <= page.range.upperBound)
        if !isStale, page.filter == filterText, covered { return nil }
        let rows = max(1, height - 6)
        return (filterText, max(0, window.lowerBound - rows)..<(max(window.upperBound, window.lowerBound + rows) + rows))
    }

    /// Shows a fetched page, keeping the selection within the matches.
    public mutating func show(_ page: PatientListPage) {
        self.page = page
        isStale = false
        if page.filter.isEmpty { everyone = page.total }
        selection = min(selection, max(0, page.total - 1))
    }

    /// Forgets the rows, so that the next `pageWanted` fetches them again (after a save, say).
    public mutating func invalidate() { isStale = true }

    /// Moves the selection to the patient `id` when it is among the rows fetched.
    public mutating func select(_ id: RecordID) {
        if let position = page.rows.firstIndex(where: { $0.id == id }) { selection = page.offset + position }
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        let key: Key
        switch event {
        case .key(let pressed): key = pressed
        case .paste(let text):
            if isFiltering {
                filter.paste(text)
                selection = 0
                message = filter.limitNotice.map { .warning($0) }
            } else {
                message = .warning("Paste ignored: press / to filter by name, then paste.")
            }
            return .none
        case .mouse(let mouse):
            handle(mouse, height: environment.screenSize.height)
            return .none
        case .resized, .inputEnded, .tick: return .none
        }
        if Overlay.take(key, by: &help, keys: Self.keys, environment: environment) { return .none }
        let count = matchCount
        if isFiltering {
            switch key {
            case .enter:
                isFiltering = false
                if let item = selectedItem { return ScreenResult(navigation: .openPatient(item.id)) }
            case .escape:
                isFiltering = false
                filter = TextField(maximumLength: 60)
                selection = 0
            case .up, .down: moveSelection(key == .up ? -1 : 1, count: count)
            default:
                filter.handle(key)
                selection = 0
                message = filter.limitNotice.map { .warning($0) }
            }
            return .none
        }
        message = nil
        switch Self.keys.action(for: key) {
        case .previous?: moveSelection(-1, count: count)
        case .next?: moveSelection(1, count: count)
        case .first?: selection = 0
        case .last?: selection = max(0, count - 1)
        case .filter?: isFiltering = true
        case .add?:
            guard environment.readOnly == nil else {
                message = .warning("Read-only: patients can be viewed, not added.")
                return .none
            }
            return ScreenResult(navigation: .newPatient)
        case .showKeys?: help = Overlay()
        case .open?:
            if let item = selectedItem { return ScreenResult(navigation: .openPatient(item.id)) }
            message = StatusMessage("No patient yet: n adds one.")
        case .quit?:
            if !filter.text.isEmpty {
                filter = TextField(maximumLength: 60)
                selection = 0
            } else {
                return ScreenResult(navigation: .quit)
            }
        case nil: break
        }
        return .none
    }

    /// What the list's keys do.
    enum KeyAction: Hashable, Sendable {
        case open, add, filter, previous, next, first, last, showKeys, quit
    }

    static let keys = KeyTable<KeyAction>("Patient list keys", [
        .init([.enter], "open the selected patient", .open),
        .init([.character("n")], "add a patient", .add),
        .init([.character("/")], "filter as you type: the start of any name, e.g. jo sm (Esc clears)", .filter),
        .init([.character("j"), .down], "next patient (or the wheel)", .next),
        .init([.character("k"), .up], "previous patient", .previous),
        .init(describing: "click", "select the row"),
        .init([.character("g"), .home], "first patient", .first),
        .init([.character("G"), .end], "last patient", .last),
        .init(describing: "C", "choose between versions changed on another chair (when any wait)"),
        .init([.character("?")], "these keys", .showKeys),
        .init([.character("q"), .escape], "quit FaceChart (with a filter typed, clear it)", .quit),
    ])

    /// The first row of the list on screen.
    static let listTop = 4

    /// A click on a row selects it; the wheel moves the selection.
    private mutating func handle(_ mouse: MouseEvent, height: Int) {
        let count = matchCount
        switch mouse.kind {
        case .press:
            let index = visibleWindow(height: height).lowerBound + mouse.y - Self.listTop
            if visibleWindow(height: height).contains(index) {
                selection = index
                message = nil
            }
        case .scrollUp: moveSelection(-1, count: count)
        case .scrollDown: moveSelection(1, count: count)
        case .release: break
        }
    }

    /// The positions of the matching rows drawn on a canvas `height` rows tall.
    public func visibleWindow(height: Int) -> Range<Int> {
        let count = matchCount
        let rows = max(0, height - 6)
        let first = max(0, min(selection - rows / 2, count - rows))
        return first..<min(count, first + rows)
    }

    private mutating func moveSelection(_ step: Int, count: Int) {
        guard count > 0 else { return }
        selection = min(count - 1, max(0, selection + step))
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        canvas.put("FaceChart", x: 0, y: 0, style: .title)
        var x = 9 + canvas.put(" Patients (\(everyone))", x: 9, y: 0, style: .plain)
        if isChecking { x += canvas.put(" · checking the records…", x: x, y: 0, style: .muted) }
        if let readOnly = environment.readOnly {
            canvas.put("  READ-ONLY: \(readOnly) ", x: x, y: 0, style: Style(.warning, bold: true, reverse: true), limit: canvas.width - x)
        }
        canvas.put("Filter: ", x: 0, y: 1, style: .muted)
        if isFiltering || !filter.text.isEmpty {
            filter.render(into: &canvas, x: 8, y: 1, width: 30, focused: isFiltering)
        } else {
            canvas.put("/ to type a name", x: 8, y: 1, style: .muted)
        }
        let nameWidth = max(20, min(60, canvas.width - 55))
        canvas.put(Format.pad("Name", nameWidth) + " Born        Last visit        Last total  Review", x: 0, y: 3,
                   style: Style(.muted, underline: true))
        let window = visibleWindow(height: canvas.height)
        let first = window.lowerBound
        for index in window {
            guard let item = page[index] else { continue }
            let born = item.dateOfBirth?.description ?? "-"
            let visit = item.lastVisit.map { Format.dateTime($0, timeZone: environment.timeZone) } ?? "no visit yet    "
            let total = item.lastTotal.map { Format.units($0) } ?? ""
            var line = Format.pad(item.name, nameWidth) + " " + Format.pad(born, 10) + "  " + Format.pad(visit, 16)
            line += "  " + Format.padLeft(total, 10) + "  " + (item.reviewDue ? "DUE" : "   ")
            if item.problems > 0 { line += "  ! \(item.problems) file\(item.problems == 1 ? "" : "s") to check" }
            let y = Self.listTop + index - first
            canvas.put(Format.pad(line, canvas.width), x: 0, y: y, style: index == selection ? .selected : .plain)
            if item.reviewDue, index != selection {
                canvas.put("DUE", x: nameWidth + 43, y: y, style: .warning)
            }
        }
        if matchCount == 0 {
            let empty = isChecking ? "Reading the records into the patient index…" : "No patients yet. Press n to add the first."
            canvas.put(everyone == 0 ? empty : "No name matches the filter.",
                       x: 2, y: 5, style: .muted)
        }
        if window.count < matchCount {
            canvas.put(Format.scrollPosition(window, of: matchCount, glyphs: canvas.glyphs) + " j k scroll",
                       x: 0, y: canvas.height - 2, style: .muted)
        }
        let footer = message ?? StatusMessage("Enter open · n new patient · / filter · j k move · ? keys · q quit")
        canvas.putMessage(footer.text, bottom: canvas.height - 1, style: message == nil ? .muted : footer.style)
        if let help {
            help.render(into: &canvas, keys: Self.keys)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
