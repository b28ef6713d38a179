/// Who signed a session, when and what the signature means, bound to the content by its digest.
public struct Signature: Hashable, Codable, Sendable {
    /// A digest of the signed content and the algorithm that computed it.
    public struct Digest: Hashable, Codable, Sendable {
        /// How the digest was computed: `SessionDigest.canonical` for records signed in format 2.
        public var algorithm: String
        /// The digest, as lowercase hex.
        public var value: String

        public init(algorithm: String, value: String) {
            self.algorithm = algorithm
            self.value = value
        }
    }

    public var signer: Clinician
    public var signedAt: Timestamp
    /// What the signature attests, e.g. "administered and documented".
    public var meaning: String
    public var digest: Digest
    /// For a session signed in format 1: the digest it was signed with, which FaceChart checked before
    /// binding the signature to the format-2 digest above.
    public var migratedFrom: Digest?

    public init(signer: Clinician, signedAt: Timestamp, meaning: String, digest: Digest, migratedFrom: Digest? = nil) {
        self.signer = signer
        self.signedAt = signedAt
        self.meaning = meaning
        self.digest = digest
        self.migratedFrom = migratedFrom
    }
}
