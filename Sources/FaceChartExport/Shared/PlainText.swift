/// Record text as every export writes it: data, never control. C0 and C1 control characters and DEL
/// are dropped, except tab and line breaks, which the formats carry (quoted, escaped or as spaces).
enum PlainText {
    static func removingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isDropped) else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isDropped(scalar) { kept.append(scalar) }
        return String(kept)
    }

    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
