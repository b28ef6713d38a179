import FaceChartCore
import FaceChartUI

/// The treatment-pattern menu: type to filter, arrows to choose, Tab for the sides, `<` `>` to scale.
public struct PatternPicker: Hashable, Sendable {
    /// What the picker asks for after a key.
    public enum Result: Hashable, Sendable {
        case none
        case cancel
        case apply(TreatmentPattern, sides: PatternSides, scale: Double)
    }

    public var filter = TextField(maximumLength: 40)
    public var selection = 0
    public var sides: PatternSides = .both
    /// Dose factor, 0.5 to 2.0 in steps of 0.1 (e.g. 1.2-1.5 for greater muscle mass).
    public var scale: Double = 1
    /// The session's product and its active ingredient: patterns in that ingredient's units come first.
    public var product: String
    public var ingredient: String
    /// The session's indication key, and those of the patient's earlier treatments: their patterns come first.
    public var indication: String
    public var recent: Set<String>

    public init(product: String, ingredient: String, indication: String = "", recent: Set<String> = []) {
        self.product = product
        self.ingredient = ingredient
        self.indication = indication
        self.recent = recent
    }

    /// The user's own patterns, each on a function key: F2 the first saved, up to F9.
    static func favourites(_ patterns: [TreatmentPattern]) -> [(key: Key, pattern: TreatmentPattern)] {
        zip((2...9).map { Key.function($0) }, patterns.filter(\.isUsersOwn)).map { ($0, $1) }
    }

    /// Whether a pattern is written in the session's ingredient's units.
    public func isInSessionUnits(_ pattern: TreatmentPattern, rules: ClinicalRules) -> Bool {
        pattern.products.contains { rules.ingredient(of: $0) == ingredient }
    }

    public static let scaleRange = 0.5...2.0

    /// The patterns matching the filter: those in the session's units first, and among them the session's
    /// indication's, then those of the patient's earlier treatments, then the user's own, then the rest.
    public func visible(_ patterns: [TreatmentPattern], rules: ClinicalRules) -> [TreatmentPattern] {
        let needle = filter.text.trimmingCharacters(in: .whitespaces)
        let matching = patterns.filter { pattern in
            needle.isEmpty || [pattern.name, pattern.key, pattern.indication.concern].contains {
                $0.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            }
        }
        func rank(_ pattern: TreatmentPattern) -> (Int, Int) {
            let key = rules.indications.key(of: pattern.indication)
            let group = key == indication ? 0 : recent.contains(key) ? 1 : pattern.isUsersOwn ? 2 : 3
            return (isInSessionUnits(pattern, rules: rules) ? 0 : 1, group)
        }
        return matching.enumerated().sorted { lhs, rhs in
            let (left, right) = (rank(lhs.element), rank(rhs.element))
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    public mutating func handle(_ key: Key, patterns: [TreatmentPattern], rules: ClinicalRules) -> Result {
        let shown = visible(patterns, rules: rules)
        switch key {
        case .escape: return .cancel
        case .enter:
            guard let pattern = shown[safe: selection] else { return .none }
            return .apply(pattern, sides: sides, scale: scale)
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(max(0, shown.count - 1), selection + 1)
        case .tab:
            let all = PatternSides.allCases
            sides = all[(all.firstIndex(of: sides)! + 1) % all.count]
        case .character(">"): scale = min(Self.scaleRange.upperBound, ((scale + 0.1) * 10).rounded() / 10)
        case .character("<"): scale = max(Self.scaleRange.lowerBound, ((scale - 0.1) * 10).rounded() / 10)
        default:
            filter.handle(key)
            selection = min(selection, max(0, visible(patterns, rules: rules).count - 1))
        }
        return .none
    }

    /// Pasted text goes into the filter.
    public mutating func paste(_ text: String) {
        filter.paste(text)
        selection = 0
    }

    /// A click on a pattern's row selects it.
    public mutating func click(
        atRow y: Int, patterns: [TreatmentPattern], rules: ClinicalRules, screenSize: (width: Int, height: Int)
    ) {
        let layout = Self.listLayout(screenHeight: screenSize.height, selection: selection, count: visible(patterns, rules: rules).count)
        let index = layout.window.lowerBound + y - layout.top
        if layout.window.contains(index) { selection = index }
    }

    /// The box on a screen `screenHeight` tall, the first list row and the patterns shown.
    private static func listLayout(screenHeight: Int, selection: Int, count: Int) -> (box: Rect, top: Int, window: Range<Int>) {
        let box = Rect(x: 0, y: 1, width: 80, height: min(screenHeight - 3, 21))
        let top = box.y + 2
        let rows = max(0, box.maxY - top - 5)
        let first = max(0, min(selection - rows / 2, count - rows))
        return (box, top, first..<min(count, first + rows))
    }

    /// The sides the pattern will be applied to: a one-sided pattern goes to its written side or the other.
    func sidesLabel(for pattern: TreatmentPattern?) -> String {
        guard let pattern, pattern.oneSided == true, let written = pattern.sites.first?.side else { return sides.rawValue }
        return sides == .both ? "\(written.rawValue) (one-sided)" : "\(sides.rawValue) (one-sided)"
    }

    /// Draws the menu as a box over the grid.
    public func render(
        into canvas: inout Canvas, patterns: [TreatmentPattern], rules: ClinicalRules, productName: (String) -> String
    ) {
        let shown = visible(patterns, rules: rules)
        let layout = Self.listLayout(screenHeight: canvas.height, selection: selection, count: shown.count)
        let rect = Rect(x: layout.box.x, y: layout.box.y, width: min(canvas.width, layout.box.width), height: layout.box.height)
        canvas.fill(rect)
        canvas.box(rect, title: "Treatment patterns", style: Style(.accent))
        var y = rect.y + 1
        canvas.put("Find: ", x: rect.x + 2, y: y, style: .muted)
        filter.render(into: &canvas, x: rect.x + 8, y: y, width: 24, focused: true)
        let options = "Tab sides: \(sidesLabel(for: shown[safe: selection]))   < > scale: x\(Format.trimmed(scale))"
        canvas.put(options, x: rect.maxX - 2 - ColumnWidth.of(options), y: y, style: Style(.accent, bold: true))
        y = layout.top
        for index in layout.window {
            let pattern = shown[index]
            let total = "\(pattern.siteCount) sites \(Format.units(pattern.totalUnits))"
            let mark = isInSessionUnits(pattern, rules: rules) ? " " : "!"
            let key = Self.favourites(patterns).first { $0.pattern.key == pattern.key }.map { $0.key.name + " " } ?? ""
            let line = mark + Format.pad(key + pattern.name, rect.width - 27) + Format.padLeft(total, 17) + "  " + pattern.grade.letter
            canvas.put(Format.pad(line, rect.width - 4), x: rect.x + 2, y: y, style: index == selection ? .selected : .plain)
            y += 1
        }
        if layout.window.count < shown.count {
            let position = " " + Format.scrollPosition(layout.window, of: shown.count, glyphs: canvas.glyphs) + " arrows "
            canvas.put(position, x: rect.maxX - 2 - ColumnWidth.of(position), y: rect.maxY - 1, style: .muted)
        }
        if shown.isEmpty { canvas.put("No pattern matches.", x: rect.x + 3, y: y, style: .muted) }
        if let notice = filter.limitNotice {
            canvas.putWrapped(notice, x: rect.x + 2, y: rect.maxY - 5, width: rect.width - 4, style: .warning, maxRows: 4)
        } else if let pattern = shown[safe: selection] {
            var lines = ["Source (\(pattern.grade.letter)): \(pattern.source.reference)"]
            if pattern.grade.needsJudgement { lines.append(pattern.grade.note) }
            if !isInSessionUnits(pattern, rules: rules) {
                let written = pattern.products.map(rules.ingredient(of:))
                lines.append("! Written in \(pattern.products.map(productName).joined(separator: "/")) units, not \(productName(product)) "
                    + "(\(ingredient)): units are not interchangeable.")
                if let conversion = written.lazy.compactMap({ rules.conversion(from: $0, to: self.ingredient) }).first {
                    lines.append(conversion.conversion.guidance + " Enter shows it converted before anything lands.")
                } else {
                    lines.append("No published conversion: Enter refuses it.")
                }
            }
            var y = rect.maxY - 5
            for (offset, line) in lines.enumerated() where y < rect.maxY - 1 {
                y += canvas.putWrapped(line, x: rect.x + 2, y: y, width: rect.width - 4, style: offset == 0 ? .muted : .warning,
                                       maxRows: rect.maxY - 1 - y)
            }
        }
    }
}
