// The key decoder under test lives here alone: if it moves to another module, only this import and
// the call below change.
import FaceChartScreens

/// Key decoding fed arbitrary character codes (four bytes each, little-endian), as a keyboard might
/// send them.
enum KeyDecodingTarget {
    static func run(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            var code: UInt32 = 0
            for offset in 0..<4 where index + offset < bytes.count {
                code |= UInt32(bytes[index + offset]) << (8 * UInt32(offset))
            }
            index += 4
            // Small codes are the common case: fold some inputs into the first 256 code points.
            let folded = bytes.first.map { $0 & 1 == 0 } == true ? code & 0xFF : code
            let key = KeyDecoding.key(forCharacter: folded)
            if case .character(let character)? = key {
                precondition(character.unicodeScalars.first?.value == folded, "a character decoded as another")
                precondition(folded >= 0x20 && !(0x7F...0x9F).contains(folded), "a control code decoded as a character")
            }
        }
    }
}
