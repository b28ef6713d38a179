import FaceChartCore
import FaceChartUI
import Foundation

/// Several vials per session: `b` lists them with what each gave; Enter makes one current (new points are
/// drawn from it), `n` opens another vial.
extension ChartingScreen {
    /// The vial new points are drawn from.
    public var current: Vial { session.vial(currentVial) ?? session.primaryVial }

    /// `b`: the vials, the current one selected.
    mutating func openVials() {
        mode = .vials(selection: session.vials.firstIndex { $0.id == currentVial } ?? 0)
    }

    mutating func handleVials(_ key: Key, selection: Int, environment: ScreenEnvironment) -> [Effect] {
        switch key {
        case .up, .character("k"): mode = .vials(selection: max(0, selection - 1))
        case .down, .character("j"): mode = .vials(selection: min(session.vials.count - 1, selection + 1))
        case .enter:
            let vial = session.vials[min(selection, session.vials.count - 1)]
            currentVial = vial.id
            mode = .charting
            message = StatusMessage("New points come from \(vial.id): \(environment.productName(vial.product)) lot \(vial.lot).")
        case .character("n"):
            guard session.status == .draft else {
                mode = .charting
                return refuseSigned()
            }
            // Another vial of the same kind by default: a new lot, expiry and mixing time to type.
            var entry = VialEntry(vial: current, products: environment.products)
            entry.lot = TextField(maximumLength: 40)
            entry.expiry = TextField(maximumLength: 10)
            mode = .addingVial(entry, focus: .lot)
        default: mode = .charting
        }
        return []
    }

    mutating func handleAddingVial(_ key: Key, entry: VialEntry, focus: VialEntry.Field, environment: ScreenEnvironment) -> [Effect] {
        var entry = entry
        if let next = focus.next(after: key) {
            mode = .addingVial(entry, focus: next)
            return []
        }
        switch key {
        case .escape:
            openVials()
            return []
        case .enter:
            switch entry.vial(id: session.nextVialID, environment: environment) {
            case .failure(let problem):
                message = .error(problem.message)
                mode = .addingVial(entry, focus: problem.field)
                return []
            case .success(let vial):
                guard session.status == .draft else { return refuseSigned() }
                let before = session
                session.vials.append(vial)
                currentVial = vial.id
                mode = .charting
                message = StatusMessage("Opened \(vial.id): \(environment.productName(vial.product)) lot \(vial.lot); new points come from it.")
                return saving(from: before, environment: environment)
            }
        default:
            if let notice = entry.handle(key, in: focus, products: environment.products) { message = .warning(notice) }
            mode = .addingVial(entry, focus: focus)
            return []
        }
    }

    /// The vial list: each vial with its lot, size and strength, mixing time and what it gave.
    func renderVials(selection: Int, into canvas: inout Canvas, environment: ScreenEnvironment) {
        let rect = Rect(x: 0, y: 1, width: min(canvas.width, 80), height: min(canvas.height - 3, session.vials.count * 2 + 5))
        canvas.fill(rect)
        canvas.box(rect, title: "Vials of this session", style: Style(.accent))
        var y = rect.y + 1
        for (index, total) in session.vialTotals.enumerated() where y < rect.maxY - 2 {
            let vial = total.vial
            let mark = vial.id == currentVial ? "▸" : " "
            var line = "\(mark) \(vial.id) \(environment.productName(vial.product)) lot \(vial.lot)"
            if let expiry = vial.expiry { line += " exp \(expiry)" }
            line += " · \(vial.vialUnits) U in \(Format.trimmed(vial.diluentML)) mL"
            canvas.put(Format.pad(line, rect.width - 4), x: rect.x + 2, y: y, style: index == selection ? .selected : .plain)
            let mixed = vial.reconstitutedAt.map { "mixed \(Format.dateTime($0, timeZone: environment.timeZone))" } ?? "mixing time not recorded"
            let used = "\(Format.units(total.units)) in \(total.points) point\(total.points == 1 ? "" : "s") = \(Format.millilitres(total.millilitres))"
            canvas.put("    \(mixed) · \(used)", x: rect.x + 2, y: y + 1, style: total.isOverdrawn ? .warning : .muted,
                       limit: rect.width - 4)
            y += 2
        }
        canvas.put("Enter use for new points · n open another vial · any other key closes", x: rect.x + 2, y: rect.maxY - 2,
                   style: .muted, limit: rect.width - 4)
    }

    /// The form for another vial.
    func renderAddingVial(_ entry: VialEntry, focus: VialEntry.Field, into canvas: inout Canvas, environment: ScreenEnvironment) {
        let rect = Rect(x: 0, y: 1, width: min(canvas.width, 64), height: min(canvas.height - 3, VialEntry.Field.allCases.count + 4))
        canvas.fill(rect)
        canvas.box(rect, title: "Open another vial (\(session.nextVialID))", style: Style(.accent))
        let labelWidth = 21
        for (index, field) in VialEntry.Field.allCases.enumerated() {
            let y = rect.y + 1 + index
            let focused = field == focus
            canvas.put(field.label, x: rect.x + 2, y: y, style: focused ? Style(.accent, bold: true) : .muted)
            let x = rect.x + 3 + labelWidth
            switch field {
            case .product:
                let name = environment.products[safe: entry.productIndex]?.name ?? "-"
                canvas.put("◀ \(name) ▶", x: x, y: y, style: focused ? .selected : Style(.accent, bold: true))
            case .lot: entry.lot.render(into: &canvas, x: x, y: y, width: 20, focused: focused)
            case .expiry: entry.expiry.render(into: &canvas, x: x, y: y, width: 12, focused: focused)
            case .vialUnits: entry.vialUnits.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
            case .diluent:
                entry.diluent.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
                if let strength = entry.strengthText { canvas.put(strength, x: x + 9, y: y, style: .muted) }
            case .mixedAt: entry.mixedAt.render(into: &canvas, x: x, y: y, width: 17, focused: focused)
            }
        }
        canvas.put("Tab next field · Enter open it · Esc back", x: rect.x + 2, y: rect.maxY - 2, style: .muted, limit: rect.width - 4)
    }
}
