import Foundation

/// Who signed a session, when and what the signature means, bound to the content by its hash.
public struct Signature: Hashable, Codable, Sendable {
    public var signer: String
    public var signedAt: Date
    public var meaning: String
    /// SHA-256 of the signed content, as hex; recomputed to detect later edits.
    public var contentDigest: String

    public init(signer: String, signedAt: Date, meaning: String, contentDigest: String) {
        self.signer = signer
        self.signedAt = signedAt
        self.meaning = meaning
        self.contentDigest = contentDigest
    }
}
