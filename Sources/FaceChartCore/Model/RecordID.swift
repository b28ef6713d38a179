/// An opaque identifier for a patient, session or point, safe to use as a file or folder name.
///
/// Only `A-Z a-z 0-9 _ -`, 1 to 64 characters: no separators, no `..`, nothing that could leave the
/// data root once it becomes part of a path.
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The identifier's text.
    public let rawValue: String

    /// Accepts `text` only when it is a safe identifier.
    public init?(_ text: String) {
        guard RecordID.isValid(text) else { return nil }
        rawValue = text
    }

    /// Whether `text` is 1 to 64 characters of `A-Z a-z 0-9 _ -`.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
    }

    /// A fresh random identifier (12 lowercase letters and digits).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> RecordID {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let text = String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
        return RecordID(text)!
    }

    /// A fresh random identifier from the system generator.
    public static func random() -> RecordID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    public var description: String { rawValue }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RecordID: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = RecordID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a valid identifier (A-Z a-z 0-9 _ -, 1 to 64 characters)")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
