/// Text from a record made safe to show on a terminal: record text is data, never control.
public enum TerminalText {
    /// `text` without anything a terminal would act on. Escape sequences are removed whole (CSI such
    /// as `ESC [ 2 J`, OSC such as the window title `ESC ] 0 ; … BEL`, DCS and the two-character
    /// ones), as are the other C0 and C1 controls, DEL and the bidirectional overrides that reorder
    /// what follows; tabs and line breaks (CR LF counts as one) become spaces.
    public static func sanitized(_ text: String) -> String {
        guard needsSanitizing(text) else { return text }
        var scalars = String.UnicodeScalarView()
        var input = text.unicodeScalars.makeIterator()
        var previous: UInt32 = 0
        while let scalar = input.next() {
            defer { previous = scalar.value }
            switch scalar.value {
            case 0x0A where previous == 0x0D:
                break
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                scalars.append(" ")
            case 0x1B:
                guard let introducer = input.next() else { break }
                skipSequence(introducedBy: introducer.value, after: &input)
            case 0x9B, 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipSequence(introducedBy: scalar.value - 0x40, after: &input)
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                break
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether `text` holds anything `sanitized` would change.
    public static func needsSanitizing(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2028, 0x2029, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// Consumes the rest of an escape sequence whose introducer (the character after ESC) is given.
    private static func skipSequence(introducedBy introducer: UInt32, after input: inout String.UnicodeScalarView.Iterator) {
        switch introducer {
        case 0x5B: // CSI: parameters and intermediates up to a final byte.
            while let next = input.next(), !(0x40...0x7E).contains(next.value) {}
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // OSC, DCS, SOS, PM, APC: a string up to BEL or ST.
            while let next = input.next() {
                if next.value == 0x07 || next.value == 0x9C { return }
                if next.value == 0x1B {
                    _ = input.next()
                    return
                }
            }
        default: // ESC and one character, e.g. ESC c (reset).
            break
        }
    }
}
