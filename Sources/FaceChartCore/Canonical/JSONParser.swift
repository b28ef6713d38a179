/// A strict JSON reader that refuses what `JSONDecoder` lets through (duplicate keys, trailing bytes,
/// numbers with leading zeros) and names where in the document the problem is.
public struct JSONParser {
    /// Why the bytes are not one well-formed JSON document with unique keys.
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case truncated
        case syntax(offset: Int)
        case duplicateKey(key: String, at: String)
        case tooDeep
        /// A number too large for a Double (`1e999`).
        case numberOutOfRange(offset: Int)
    }

    private let bytes: [UInt8]
    private var index = 0
    private var path: [String] = []
    private static let maximumDepth = 64

    /// The document in `bytes`, or the first problem in it.
    public static func parse(_ bytes: [UInt8]) throws(Problem) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        if parser.index == bytes.count { throw .empty }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if parser.index != bytes.count { throw .syntax(offset: parser.index) }
        return value
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

    private func peek() throws(Problem) -> UInt8 {
        guard index < bytes.count else { throw .truncated }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws(Problem) {
        guard try peek() == byte else { throw .syntax(offset: index) }
        index += 1
    }

    private mutating func value(depth: Int) throws(Problem) -> JSONValue {
        guard depth < Self.maximumDepth else { throw .tooDeep }
        skipWhitespace()
        switch try peek() {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(Problem) -> JSONValue {
        index += 1
        skipWhitespace()
        var members: [String: JSONValue] = [:]
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
            let key = try string()
            // Swift compares strings by canonical equivalence, as the decoder's key lookup does.
            guard members[key] == nil else { throw .duplicateKey(key: key, at: pathText) }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            path.append(key)
            members[key] = try value(depth: depth + 1)
            path.removeLast()
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else { throw .syntax(offset: index - 1) }
        }
    }

    private mutating func array(depth: Int) throws(Problem) -> JSONValue {
        index += 1
        skipWhitespace()
        var elements: [JSONValue] = []
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            path.append("[\(elements.count)]")
            elements.append(try value(depth: depth + 1))
            path.removeLast()
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "]") { return .array(elements) }
            guard next == UInt8(ascii: ",") else { throw .syntax(offset: index - 1) }
        }
    }

    /// Reads a string token and returns its decoded text.
    private mutating func string() throws(Problem) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            if !raw.isEmpty {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll(keepingCapacity: true)
            }
        }
        while true {
            let byte = try peek()
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
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
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: throw .syntax(offset: index - 1)
                }
            case 0x00..<0x20:
                throw .syntax(offset: index - 1)
            default:
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

    private mutating func number() throws(Problem) -> Double {
        let start = index
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
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else {
            throw .numberOutOfRange(offset: start)
        }
        return value
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
