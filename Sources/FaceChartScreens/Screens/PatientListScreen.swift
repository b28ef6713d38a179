import FaceChartCore
import FaceChartUI
import Foundation

/// The first screen: every patient, most recent visit first, filtered as you type after `/`.
public struct PatientListScreen: Equatable {
    public var items: [PatientListItem]
    public var filter: TextField
    public var isFiltering: Bool
    public var selection: Int
    /// The keys, while shown.
    public var help: Overlay?
    public var message: StatusMessage?

    public init(items: [PatientListItem], message: StatusMessage? = nil) {
        self.items = items.sorted(by: Self.comesFirst)
        filter = TextField(maximumLength: 60)
        isFiltering = false
        selection = 0
        help = nil
        self.message = message
    }

    /// Most recent visit first; patients never seen, by name, last.
    static func comesFirst(_ lhs: PatientListItem, _ rhs: PatientListItem) -> Bool {
        switch (lhs.lastVisit, rhs.lastVisit) {
        case let (l?, r?): l > r
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs.patient.name.localizedStandardCompare(rhs.patient.name) == .orderedAscending
        }
    }

    /// Puts one patient's row in place: a changed row where it stood, so that the order does not move
    /// under the selection; a new one first. The selection goes to that row.
    public mutating func update(_ item: PatientListItem) {
        if let index = items.firstIndex(where: { $0.patient.id == item.patient.id }) {
            items[index] = item
        } else {
            items.insert(item, at: 0)
        }
        select(item.patient.id)
    }

    /// Every row read again (most recent visit first), the selection staying on the same patient.
    public mutating func replace(_ fresh: [PatientListItem]) {
        let selected = visibleItems[safe: selection]?.patient.id
        items = fresh.sorted(by: Self.comesFirst)
        if let selected { select(selected) }
        selection = min(selection, max(0, visibleItems.count - 1))
    }

    /// Moves the selection to `patient`'s row when it shows.
    private mutating func select(_ patient: RecordID) {
        if let index = visibleItems.firstIndex(where: { $0.patient.id == patient }) { selection = index }
    }

    /// The rows that match the filter (case- and accent-insensitive, anywhere in the name).
    public var visibleItems: [PatientListItem] {
        let needle = filter.text.trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return items }
        return items.filter {
            $0.patient.name.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
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
        let visible = visibleItems
        if isFiltering {
            switch key {
            case .enter:
                isFiltering = false
                if let item = visible[safe: selection] { return ScreenResult(navigation: .openPatient(item.patient.id)) }
            case .escape:
                isFiltering = false
                filter = TextField(maximumLength: 60)
                selection = 0
            case .up, .down: moveSelection(key == .up ? -1 : 1, count: visible.count)
            default:
                filter.handle(key)
                selection = 0
                message = filter.limitNotice.map { .warning($0) }
            }
            return .none
        }
        message = nil
        switch Self.keys.action(for: key) {
        case .previous?: moveSelection(-1, count: visible.count)
        case .next?: moveSelection(1, count: visible.count)
        case .first?: selection = 0
        case .last?: selection = max(0, visible.count - 1)
        case .filter?: isFiltering = true
        case .add?: return ScreenResult(navigation: .newPatient)
        case .showKeys?: help = Overlay()
        case .open?:
            if let item = visible[safe: selection] { return ScreenResult(navigation: .openPatient(item.patient.id)) }
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
        .init([.character("/")], "filter by name as you type (Esc clears)", .filter),
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
        let count = visibleItems.count
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

    /// The indices of `visibleItems` drawn on a canvas `height` rows tall.
    public func visibleWindow(height: Int) -> Range<Int> {
        let count = visibleItems.count
        let rows = max(0, height - 6)
        let first = max(0, min(selection - rows / 2, count - rows))
        return first..<min(count, first + rows)
    }

    /// Fills in the details read for some patients.
    public mutating func fill(_ details: [RecordID: PatientListItem.Details]) {
        for index in items.indices {
            if let found = details[items[index].patient.id] { items[index].details = found }
        }
    }

    private mutating func moveSelection(_ step: Int, count: Int) {
        guard count > 0 else { return }
        selection = min(count - 1, max(0, selection + step))
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        let visible = visibleItems
        canvas.put("FaceChart", x: 0, y: 0, style: .title)
        canvas.put(" Patients (\(items.count))", x: 9, y: 0, style: .plain)
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
            let item = visible[index]
            let born = item.patient.dateOfBirth?.description ?? "-"
            let visit = item.lastVisit.map { Format.dateTime($0, timeZone: environment.timeZone) } ?? "no visit yet    "
            let total = item.lastTotal.map { Format.units($0) } ?? ""
            var line = Format.pad(item.patient.name, nameWidth) + " " + Format.pad(born, 10) + "  " + Format.pad(visit, 16)
            line += "  " + Format.padLeft(total, 10) + "  " + (item.reviewDue ? "DUE" : "")
            let y = Self.listTop + index - first
            canvas.put(Format.pad(line, canvas.width), x: 0, y: y, style: index == selection ? .selected : .plain)
            if item.reviewDue, index != selection {
                canvas.put("DUE", x: nameWidth + 43, y: y, style: .warning)
            }
        }
        if visible.isEmpty {
            canvas.put(items.isEmpty ? "No patients yet. Press n to add the first." : "No name matches the filter.",
                       x: 2, y: 5, style: .muted)
        }
        if window.count < visible.count {
            canvas.put(Format.scrollPosition(window, of: visible.count, glyphs: canvas.glyphs) + " j k scroll",
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
