/// Why the toxin is given.
public struct Indication: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case aesthetic
        case medical
    }

    public var kind: Kind
    /// The concern (aesthetic) or the diagnosis (medical), e.g. "Glabellar lines" or "Chronic migraine".
    public var concern: String

    public init(kind: Kind, concern: String) {
        self.kind = kind
        self.concern = concern
    }
}
