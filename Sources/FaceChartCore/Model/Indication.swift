/// Why the toxin is given.
public struct Indication: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case aesthetic
        case medical
    }

    public var kind: Kind
    /// The indication's catalogue key, such as `glabellar-lines` or `chronic-migraine`;
    /// `other-aesthetic` or `other-medical` when none fits.
    public var key: String
    /// The concern (aesthetic) or the diagnosis (medical) in words, e.g. "Glabellar lines".
    public var concern: String

    public init(kind: Kind, concern: String, key: String? = nil) {
        self.kind = kind
        self.concern = concern
        self.key = key ?? Self.otherKey(kind)
    }

    /// The key of an indication the catalogue does not list: `other-aesthetic` or `other-medical`.
    public static func otherKey(_ kind: Kind) -> String { "other-\(kind.rawValue)" }

    private enum CodingKeys: String, CodingKey { case kind, key, concern }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        self.init(
            kind: kind, concern: try container.decode(String.self, forKey: .concern),
            key: try container.decodeIfPresent(String.self, forKey: .key))
    }
}
