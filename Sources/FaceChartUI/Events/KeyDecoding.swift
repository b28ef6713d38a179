/// Turns the characters a keyboard sends into keys, without knowing anything about the terminal library.
public enum KeyDecoding {
    /// The key for one character code read from the keyboard, or nil for codes that mean nothing on
    /// their own (NUL, control characters without a letter, C1 controls, invalid scalars).
    public static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        // DEL is what most terminals send for Backspace; Ctrl-H (BS) is what the rest send.
        case 0x7F, 0x08: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0x00...0x1F, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}
