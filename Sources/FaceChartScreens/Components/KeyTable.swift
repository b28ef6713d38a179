import FaceChartUI

/// A screen's keys in one list: the screen's key switch asks it which action a key stands for, the `?`
/// overlay lists it, and README.md carries it as a table (a test compares the two), so the three never
/// disagree.
public struct KeyTable<Action: Hashable & Sendable>: Sendable {
    /// One row: the keys, how the row writes them, what they do, and the action they stand for.
    public struct Binding: Sendable {
        /// Each key with the action it stands for (`nil` for a row that only describes).
        public var actions: [(key: Key, action: Action?)]
        /// The keys as written in the row: their names, unless a shorter form (`0-9`) is given.
        public var label: String
        public var help: String

        public init(_ keys: [Key], _ help: String, _ action: Action?, label: String? = nil) {
            self.init(each: keys.map { ($0, action) }, help, label: label ?? keys.map(\.name).joined(separator: " "))
        }

        /// A row whose keys stand for actions of their own (the four arrows, say).
        public init(each actions: [(Key, Action?)], _ help: String, label: String) {
            self.actions = actions.map { (key: $0.0, action: $0.1) }
            self.label = label
            self.help = help
        }

        /// The row's keys.
        public var keys: [Key] { actions.map(\.key) }

        /// A row that describes input no key stands for, such as a click.
        public init(describing label: String, _ help: String) {
            self.init([], help, nil, label: label)
        }
    }

    /// The overlay's title, e.g. `Patient list keys`.
    public let title: String
    public let bindings: [Binding]

    public init(_ title: String, _ bindings: [Binding]) {
        self.title = title
        self.bindings = bindings
    }

    /// The action `key` stands for, if any.
    public func action(for key: Key) -> Action? {
        for binding in bindings {
            if let found = binding.actions.first(where: { $0.key == key }) { return found.action }
        }
        return nil
    }

    /// The rows of the `?` overlay.
    public var helpRows: [(String, String)] { bindings.map { ($0.label, $0.help) } }

    /// The table as README.md carries it: a header and one Markdown row per binding.
    var markdown: [String] {
        ["| Key | Does |", "| --- | --- |"] + bindings.map { "| \($0.label.replacingOccurrences(of: "|", with: "\\|")) | \($0.help) |" }
    }
}

extension Key {
    /// The key as the help and the README write it: `j`, `Enter`, `Shift-Tab`, `Ctrl-R`, `F2`.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + letter.uppercased()
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .shiftUp: "Shift-Up"
        case .shiftDown: "Shift-Down"
        case .shiftLeft: "Shift-Left"
        case .shiftRight: "Shift-Right"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        }
    }
}

extension Overlay {
    /// Passes `key` to a screen's open keys overlay, if any: true when the overlay took it (scrolled,
    /// or closed and is now nil), false when none is open.
    public static func take<Action>(_ key: Key, by overlay: inout Overlay?, keys: KeyTable<Action>, environment: ScreenEnvironment) -> Bool {
        take(key, by: &overlay, keys: keys.helpRows, environment: environment)
    }

    /// Draws a screen's key table in a box, wrapped to the canvas.
    public func render<Action>(into canvas: inout Canvas, keys: KeyTable<Action>) {
        render(into: &canvas, title: keys.title, keys: keys.helpRows)
    }
}
