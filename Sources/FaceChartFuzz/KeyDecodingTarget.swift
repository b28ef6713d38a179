// The key decoders under test live here alone: if they move to another module, only this import and
// the calls below change.
import FaceChartUI

/// What a keyboard or terminal might send, decoded as the terminal does: single character codes
/// (`KeyDecoding`) and what follows an ESC (`EscapeSequence`, read a character at a time).
enum KeyDecodingTarget {
    static func run(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        if mode & 1 == 0 {
            characterCodes(Array(bytes.dropFirst()))
        } else {
            stream(String(decoding: bytes.dropFirst(), as: UTF8.self).unicodeScalars.map { $0 })
        }
    }

    /// Arbitrary 32-bit codes, four bytes each (little-endian), half of them folded into one byte.
    private static func characterCodes(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            var code: UInt32 = 0
            for offset in 0..<4 where index + offset < bytes.count {
                code |= UInt32(bytes[index + offset]) << (8 * UInt32(offset))
            }
            if code & 0x8000_0000 != 0 { code &= 0xFF }
            index += 4
            if case .character(let character)? = KeyDecoding.key(forCharacter: code) {
                precondition(character.unicodeScalars.first?.value == code, "a character decoded as another")
                precondition(code >= 0x20 && !(0x7F...0x9F).contains(code), "a control code decoded as a character")
            }
        }
    }

    /// A stream of characters: each ESC starts a sequence read one character more at a time until it
    /// is an event or dropped, never longer than `EscapeSequence.maximumLength`.
    private static func stream(_ scalars: [Unicode.Scalar]) {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\u{1B}" else {
                _ = KeyDecoding.key(forCharacter: scalar.value)
                continue
            }
            var following: [Unicode.Scalar] = []
            reading: while index < scalars.count {
                following.append(scalars[index])
                index += 1
                switch EscapeSequence.read(following) {
                case .needMore:
                    precondition(following.count <= EscapeSequence.maximumLength, "a sequence read past its limit")
                case .event(.mouse(let mouse)):
                    precondition(mouse.x >= 0 && mouse.y >= 0, "a mouse report off the screen")
                    break reading
                case .event, .drop:
                    break reading
                }
            }
        }
    }
}
