import FaceChartCore
import FaceChartUI

extension SessionSetupScreen {
    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        canvas.put("FaceChart", x: 0, y: 0, style: .title)
        let title = correcting != nil ? " Correct the session header, for "
            : copiesPoints ? " New session from an earlier map, for " : " New session for "
        canvas.put(title + patient.name, x: 9, y: 0, limit: canvas.width - 9)
        let labelWidth = 21
        for (index, field) in Field.allCases.enumerated() {
            let y = 2 + index * 2
            let focused = field == focus
            canvas.put(field.label, x: 0, y: y, style: focused ? Style(.accent, bold: true) : .muted)
            let x = labelWidth + 1, width = min(40, canvas.width - x - 1)
            let choiceStyle: Style = focused ? .selected : Style(.accent, bold: true)
            switch field {
            case .kind:
                var column = x
                for option in Indication.Kind.allCases {
                    let style: Style = option == kind ? (focused ? .selected : Style(.accent, bold: true)) : .muted
                    column += canvas.put(" \(option.rawValue) ", x: column, y: y, style: style) + 1
                }
            case .vial:
                let text = "\(canvas.glyphs.previous) \(vialChoiceText(environment: environment)) \(canvas.glyphs.next)"
                canvas.put(text, x: x, y: y, style: chosen.map { offers[$0].isEarlier } == true ? Style(.warning, bold: true) : choiceStyle,
                           limit: canvas.width - x)
            case .product:
                let name = environment.products[safe: vial.productIndex]?.name ?? "-"
                canvas.put("\(canvas.glyphs.previous) \(name) \(canvas.glyphs.next)", x: x, y: y, style: choiceStyle)
            case .concern: concern.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .lot: vial.lot.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .expiry: vial.expiry.render(into: &canvas, x: x, y: y, width: 12, focused: focused)
            case .vialUnits: vial.vialUnits.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
            case .diluent: vial.diluent.render(into: &canvas, x: x, y: y, width: 8, focused: focused)
            case .mixedAt: vial.mixedAt.render(into: &canvas, x: x, y: y, width: 17, focused: focused)
            case .clinician: clinician.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            }
        }
        if let strength = vial.strengthText {
            canvas.put(strength, x: labelWidth + 10, y: 2 + Field.diluent.rawValue * 2, style: .muted)
        }
        let hint: String
        switch focus {
        case .kind: hint = "a m or arrows choose"
        case .vial: hint = "1-9 or arrows choose"
        case .product: hint = "arrows choose"
        default: hint = "type"
        }
        let enter = correcting == nil ? "Enter start charting" : "Enter save (what it replaces is kept)"
        let footer = message ?? StatusMessage("\(hint) · Tab next field · \(enter) · Esc cancel")
        canvas.putMessage(footer.text, bottom: canvas.height - 1, style: message == nil ? .muted : footer.style)
    }
}
