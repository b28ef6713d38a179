/// A strict JSON checker that finds what `JSONDecoder` lets through: duplicate keys, trailing or
/// missing bytes, and text that is not UTF-8 (even in fields a reader skips), naming where in the
/// document the problem is.
///
/// One pass, in time linear in the bytes: strings are validated in place and only keys that are not
/// plain ASCII, or that a message names, are ever decoded into `String`s.
struct JSONScanner {
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

    /// A string in the document: where its content lies (between the quotes), and whether it is plain
    /// ASCII without escapes, so that its bytes are its text.
    struct StringToken {
        var content: Range<Int>
        var isPlain: Bool
    }

    /// One step of the path to the value being read, for messages.
    private enum Step {
        case key(StringToken)
        case index(Int)
    }

    let bytes: [UInt8]
    var index = 0
    private var path: [Step] = []
    private static let maximumDepth = 64

    /// Throws the first problem in `bytes`, or returns when they are sound.
    static func check(_ bytes: [UInt8]) throws(Problem) {
        var scanner = JSONScanner(bytes: bytes)
        scanner.skipWhitespace()
        if scanner.index == bytes.count { throw .empty }
        try scanner.value(depth: 0)
        scanner.skipWhitespace()
        if scanner.index != bytes.count { throw .syntax(offset: scanner.index) }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func peek() throws(Problem) -> UInt8 {
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
        var keys = KeySet()
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
            let key = try string()
            guard keys.insert(key, in: self) else { throw .duplicateKey(key: text(of: key), at: pathText) }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            path.append(.key(key))
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
        path.append(.index(0))
        var position = 0
        while true {
            path[path.count - 1] = .index(position)
            try value(depth: depth + 1)
            position += 1
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "]") {
                path.removeLast()
                return
            }
            guard next == UInt8(ascii: ",") else { throw .syntax(offset: index - 1) }
        }
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
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        if index == start {
            if index == bytes.count { throw .truncated }
            throw .syntax(offset: index)
        }
        if !allowLeadingZero, index - start > 1, bytes[start] == UInt8(ascii: "0") { throw .syntax(offset: start) }
    }

    private var pathText: String {
        var text = ""
        for step in path {
            switch step {
            case .index(let position): text += "[\(position)]"
            case .key(let key): text += text.isEmpty ? self.text(of: key) : "." + self.text(of: key)
            }
        }
        return text.isEmpty ? "the top level" : text
    }
}

/// The keys of one object. Plain keys are compared by their bytes, without making strings; once a key
/// is not plain, every key is compared as a `String` (by canonical equivalence, as the decoder's key
/// lookup does: "\u212A", the Kelvin sign, is the key "K").
private struct KeySet {
    private var plain: Set<ArraySlice<UInt8>> = []
    private var decoded: Set<String>?

    /// Adds `key`; false when an equal key is already there.
    mutating func insert(_ key: JSONScanner.StringToken, in scanner: JSONScanner) -> Bool {
        if decoded == nil, key.isPlain { return plain.insert(scanner.bytes[key.content]).inserted }
        if decoded == nil { decoded = Set(plain.map { String(decoding: $0, as: UTF8.self) }) }
        return decoded!.insert(scanner.text(of: key)).inserted
    }
}
