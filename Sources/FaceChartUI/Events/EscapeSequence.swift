/// Reads what followed an ESC that the terminal library did not recognise as a key: a mouse report
/// in the other encoding (SGR 1006 or X10), Shift-Tab or an arrow on terminals that do not describe
/// them, or something to drop whole (Alt with a key, sequences FaceChart does not use, a report cut
/// short). What follows an ESC is never read as the Escape key and then as more keys.
public enum EscapeSequence {
    /// What the characters read so far amount to.
    public enum Reading: Hashable, Sendable {
        /// A sequence has begun; read on (and drop it if nothing more comes).
        case needMore
        case event(Event)
        /// Nothing FaceChart acts on: discard what was read.
        case drop
    }

    /// The longest sequence read before giving up on it.
    public static let maximumLength = 48

    /// Reads the characters after ESC (at least one).
    public static func read(_ following: [Unicode.Scalar]) -> Reading {
        guard let introducer = following.first, following.count <= maximumLength else { return .drop }
        let rest = Array(following.dropFirst())
        switch introducer {
        case "[": return readControlSequence(rest)
        case "O": return rest.isEmpty ? .needMore : key(forSS3: rest[0]).map { .event(.key($0)) } ?? .drop
        case "]", "P", "X", "^", "_": return readString(rest)
        default: return .drop // Alt (Meta) with a key, or ESC ESC.
        }
    }

    // MARK: - Control sequences: ESC [ parameters intermediates final

    private static func readControlSequence(_ body: [Unicode.Scalar]) -> Reading {
        guard let first = body.first else { return .needMore }
        if first == "M" { return readX10Mouse(Array(body.dropFirst())) }
        if first == "<" { return readSGRMouse(Array(body.dropFirst())) }
        for (index, scalar) in body.enumerated() {
            switch scalar.value {
            case 0x20...0x3F: continue
            case 0x40...0x7E:
                let parameters = String(String.UnicodeScalarView(body[..<index]))
                return key(forCSI: parameters, final: scalar).map { .event(.key($0)) } ?? .drop
            default: return .drop
            }
        }
        return .needMore
    }

    private static func key(forCSI parameters: String, final: Unicode.Scalar) -> Key? {
        let shifted = parameters == "1;2"
        switch (final, parameters) {
        case ("Z", ""), ("Z", "1;2"): return .backTab
        case ("A", _) where parameters.isEmpty || shifted: return shifted ? .shiftUp : .up
        case ("B", _) where parameters.isEmpty || shifted: return shifted ? .shiftDown : .down
        case ("C", _) where parameters.isEmpty || shifted: return shifted ? .shiftRight : .right
        case ("D", _) where parameters.isEmpty || shifted: return shifted ? .shiftLeft : .left
        case ("H", ""), ("~", "1"), ("~", "7"): return .home
        case ("F", ""), ("~", "4"), ("~", "8"): return .end
        case ("~", "3"): return .delete
        case ("~", "5"): return .pageUp
        case ("~", "6"): return .pageDown
        default: return nil
        }
    }

    private static func key(forSS3 scalar: Unicode.Scalar) -> Key? {
        switch scalar {
        case "A": .up
        case "B": .down
        case "C": .right
        case "D": .left
        case "H": .home
        case "F": .end
        case "M": .enter
        case "P": .function(1)
        case "Q": .function(2)
        case "R": .function(3)
        case "S": .function(4)
        default: nil
        }
    }

    // MARK: - Strings: OSC, DCS, SOS, PM, APC up to BEL or ESC \

    private static func readString(_ body: [Unicode.Scalar]) -> Reading {
        for (index, scalar) in body.enumerated() {
            if scalar == "\u{07}" { return .drop }
            if scalar == "\u{1B}" { return index + 1 < body.count ? .drop : .needMore }
        }
        return .needMore
    }

    // MARK: - Mouse reports

    /// X10: ESC [ M, then button, column and row, each 32 more than its value (columns from 1).
    private static func readX10Mouse(_ body: [Unicode.Scalar]) -> Reading {
        guard body.count >= 3 else { return .needMore }
        let values = body.prefix(3).map { Int($0.value) - 32 }
        guard values.allSatisfy({ $0 >= 0 }), values[1] >= 1, values[2] >= 1 else { return .drop }
        let button = values[0]
        let released = button & 3 == 3 && button & 64 == 0
        return mouse(button: released ? 0 : button, released: released, column: values[1], row: values[2])
    }

    /// SGR 1006: ESC [ < button ; column ; row, then M (press) or m (release).
    private static func readSGRMouse(_ body: [Unicode.Scalar]) -> Reading {
        for (index, scalar) in body.enumerated() where scalar == "M" || scalar == "m" {
            let fields = String(String.UnicodeScalarView(body[..<index])).split(separator: ";", omittingEmptySubsequences: false)
            let numbers = fields.compactMap { Int($0) }
            guard fields.count == 3, numbers.count == 3 else { return .drop }
            return mouse(button: numbers[0], released: scalar == "m", column: numbers[1], row: numbers[2])
        }
        return body.allSatisfy { ("0"..."9").contains($0) || $0 == ";" } ? .needMore : .drop
    }

    /// The event for a report's button code (modifier bits ignored) at a 1-based column and row.
    private static func mouse(button: Int, released: Bool, column: Int, row: Int) -> Reading {
        let code = button & ~(4 | 8 | 16)
        guard code & 32 == 0, column >= 1, row >= 1 else { return .drop } // motion is not used
        let kind: MouseEvent.Kind
        switch (code, released) {
        case (64, false): kind = .scrollUp
        case (65, false): kind = .scrollDown
        case (0, false): kind = .press
        case (0, true): kind = .release
        default: return .drop
        }
        return .event(.mouse(MouseEvent(kind: kind, x: column - 1, y: row - 1)))
    }
}
