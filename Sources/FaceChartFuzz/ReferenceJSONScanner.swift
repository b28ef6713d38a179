/// The JSON scanner as first written: plain and slow (every string decoded, every key a `String`).
/// The json-scanner fuzz target checks that the store's faster scanner gives the same answer.
struct ReferenceJSONScanner {
    /// Why the bytes are not one well-formed JSON document with unique keys.
    enum Problem: Error, Equatable {
        case empty
        case truncated
        case syntax(offset: Int)
        case duplicateKey(key: String, at: String)
        case tooDeep
        /// Bytes in a string that are not UTF-8, or an escape naming half of a character.
        case notUnicode(offset: Int)
    }

    private let bytes: [UInt8]
    private var index = 0
    private var path: [String] = []
    private static let maximumDepth = 64

    /// Throws the first problem in `bytes`, or returns when they are sound.
    static func check(_ bytes: [UInt8]) throws(Problem) {
        var scanner = ReferenceJSONScanner(bytes: bytes)
        scanner.skipWhitespace()
        if scanner.index == bytes.count { throw .empty }
        try scanner.value(depth: 0)
        scanner.skipWhitespace()
        if scanner.index != bytes.count { throw .syntax(offset: scanner.index) }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Nil when sound, else the problem in the form of `DecoderFuzzing.scan`.
    static func verdict(_ bytes: [UInt8]) -> String? {
        do {
            try check(bytes)
            return nil
        } catch {
            switch error {
            case .empty: return "empty"
            case .truncated: return "truncated"
            case .syntax: return "syntax"
            case .duplicateKey(let key, let at): return "duplicateKey(\(key), at: \(at))"
            case .tooDeep: return "tooDeep"
            case .notUnicode: return "notUnicode"
            }
        }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek() throws(Problem) -> UInt8 {
        guard index < bytes.count else { throw .truncated }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws(Problem) {
        guard try peek() == byte else { throw .syntax(offset: index) }
        index += 1
    }

    private mutating func value(depth: Int) throws(Problem) {
        guard depth < Self.maximumDepth else { throw .tooDeep }
        skipWhitespace()
        switch try peek() {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    private mutating func object(depth: Int) throws(Problem) {
        index += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        var keys = Set<String>()
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
            let key = try string()
            // Swift compares strings by canonical equivalence, as the decoder's key lookup does.
            guard keys.insert(key).inserted else { throw .duplicateKey(key: key, at: pathText) }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            path.append(key)
            try value(depth: depth + 1)
            path.removeLast()
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw .syntax(offset: index - 1) }
        }
    }

    private mutating func array(depth: Int) throws(Problem) {
        index += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        var position = 0
        while true {
            path.append("[\(position)]")
            try value(depth: depth + 1)
            path.removeLast()
            position += 1
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw .syntax(offset: index - 1) }
        }
    }

    /// Reads a string token and returns its decoded text.
    private mutating func string() throws(Problem) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        var rawStart = index
        func flush() throws(Problem) {
            if !raw.isEmpty {
                guard let text = String(validating: raw, as: UTF8.self) else { throw .notUnicode(offset: rawStart) }
                scalars.append(contentsOf: text.unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
        }
        while true {
            let byte = try peek()
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                try flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush()
                let escape = try peek()
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let escapeStart = index - 2
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
                    scalars.append(scalar)
                default: throw .syntax(offset: index - 1)
                }
            case 0x00..<0x20:
                throw .syntax(offset: index - 1)
            default:
                if raw.isEmpty { rawStart = index - 1 }
                raw.append(byte)
            }
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

    private mutating func literal(_ word: StaticString) throws(Problem) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard try peek() == byte else { throw .syntax(offset: index) }
            index += 1
        }
    }

    private mutating func number() throws(Problem) {
        if try peek() == UInt8(ascii: "-") { index += 1 }
        try digits(allowLeadingZero: false)
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            try digits(allowLeadingZero: true)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            let sign = try peek()
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            try digits(allowLeadingZero: true)
        }
    }

    private mutating func digits(allowLeadingZero: Bool) throws(Problem) {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        if index == start {
            if index == bytes.count { throw .truncated }
            throw .syntax(offset: index)
        }
        if !allowLeadingZero, index - start > 1, bytes[start] == UInt8(ascii: "0") { throw .syntax(offset: start) }
    }

    private var pathText: String {
        var text = ""
        for component in path {
            if component.hasPrefix("[") { text += component } else { text += text.isEmpty ? component : ".\(component)" }
        }
        return text.isEmpty ? "the top level" : text
    }
}
