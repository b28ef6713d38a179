extension JSONScanner {
    /// Reads a string token, checking its escapes and that its bytes are UTF-8, without decoding it.
    mutating func string() throws(Problem) -> StringToken {
        index += 1
        let start = index
        var isPlain = true
        while true {
            let byte = try peek()
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return StringToken(content: start..<(index - 1), isPlain: isPlain)
            case UInt8(ascii: "\\"):
                isPlain = false
                index += 1
                _ = try escape()
            case 0x00..<0x20:
                throw .syntax(offset: index)
            case 0x20..<0x80:
                index += 1
            default:
                isPlain = false
                guard let length = utf8SequenceLength(at: index) else { throw .notUnicode(offset: index) }
                index += length
            }
        }
    }

    /// Reads the escape after a backslash (the index is past the backslash) and returns the scalar it
    /// names; a `\u` high surrogate must be followed by a `\u` low one.
    private mutating func escape() throws(Problem) -> Unicode.Scalar {
        let escapeStart = index - 1
        let letter = try peek()
        index += 1
        switch letter {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
               bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let mark = index
                index += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = mark
                }
            }
            guard let scalar = Unicode.Scalar(code) else { throw .notUnicode(offset: escapeStart) }
            return scalar
        default:
            throw .syntax(offset: index - 1)
        }
    }

    private mutating func hex4() throws(Problem) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = try peek()
            index += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw .syntax(offset: index - 1)
            }
            code = code * 16 + digit
        }
        return code
    }

    /// The length of the well-formed UTF-8 sequence starting at `position` (a byte of 0x80 or more),
    /// or nil for an invalid, overlong, surrogate or cut-short one.
    private func utf8SequenceLength(at position: Int) -> Int? {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard position + length <= bytes.count else { return nil }
        let second = bytes[position + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where bytes[position + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// The text of a string token (already checked by `string()`), escapes decoded.
    func text(of token: StringToken) -> String {
        if token.isPlain { return String(decoding: bytes[token.content], as: UTF8.self) }
        var copy = self
        copy.index = token.content.lowerBound
        var scalars = String.UnicodeScalarView()
        var run = copy.index
        while copy.index < token.content.upperBound {
            if copy.bytes[copy.index] == UInt8(ascii: "\\") {
                scalars.append(contentsOf: String(decoding: copy.bytes[run..<copy.index], as: UTF8.self).unicodeScalars)
                copy.index += 1
                guard let scalar = try? copy.escape() else { return "?" }
                scalars.append(scalar)
                run = copy.index
            } else {
                copy.index += 1
            }
        }
        scalars.append(contentsOf: String(decoding: copy.bytes[run..<token.content.upperBound], as: UTF8.self).unicodeScalars)
        return String(scalars)
    }
}
