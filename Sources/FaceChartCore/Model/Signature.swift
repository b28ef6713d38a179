import Foundation

/// Who signed a session, when and what the signature means, bound to the content by its hash.
public struct Signature: Hashable, Codable, Sendable {
    public var signer: String
    public var signedAt: Date
    public var meaning: String
    /// SHA-256-style digest of the signed content, as hex; recomputed to detect later edits.
    public var contentDigest: String

    public init(signer: String, signedAt: Date, meaning: String, contentDigest: String) {
        self.signer = signer
        self.signedAt = signedAt
        self.meaning = meaning
        self.contentDigest = contentDigest
    }
}

/// A dated, attributed correction to a signed session. Addenda never change the signed content.
public struct Addendum: Hashable, Codable, Sendable {
    public var author: String
    public var writtenAt: Date
    public var text: String

    public init(author: String, writtenAt: Date, text: String) {
        self.author = author
        self.writtenAt = writtenAt
        self.text = text
    }
}
