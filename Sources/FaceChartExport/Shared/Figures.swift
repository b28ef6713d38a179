import Foundation

/// Figures as every export writes them: decimal points, no locale, no trailing zeros.
enum Figures {
    /// Up to `digits` decimals without trailing zeros: `4`, `2.5`, `0.1`.
    static func trimmed(_ value: Double, digits: Int = 2) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Millilitres to two decimals, as a syringe is read: `0.10`.
    static func millilitres(_ value: Double) -> String { String(format: "%.2f", value) }
}
