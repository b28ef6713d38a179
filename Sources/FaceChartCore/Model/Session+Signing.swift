import Foundation

/// How a session's signature is bound to its content.
public enum SessionDigest {
    /// SHA-256 of the RFC 8785 canonical JSON of the format-2 session record without the members in
    /// `unsignedMembers` (docs/format.md shows how to recompute it).
    public static let canonical = "SHA-256/RFC8785"
    /// The digest format 1 wrote: SHA-256 of Swift's own JSON encoding. Only checked when a format-1
    /// file is read; see `Signature.migratedFrom`.
    public static let format1 = "SHA-256/facechart-format-1"
    /// The members of a session record a signature does not cover: what signing, voiding and addenda add.
    public static let unsignedMembers: Set<String> = ["status", "signature", "void", "addenda"]
}

extension Session {
    /// The canonical digest of the session's signed content, as lowercase hex.
    public func contentDigest() throws(ValidationError) -> String {
        let value: JSONValue
        do {
            let encoder = JSONEncoder()
            value = try JSONParser.parse([UInt8](try encoder.encode(self)))
        } catch {
            throw .cannotEncode("the session")
        }
        return CanonicalJSON.sha256Hex(CanonicalJSON.serialize(value.removing(SessionDigest.unsignedMembers)))
    }

    /// The session signed by `signer` at `time`; fails when not a draft.
    public func signed(by signer: Clinician, at time: Timestamp, meaning: String) throws(ValidationError) -> Session {
        guard case .draft = status else { throw isSigned ? .signedSessionIsReadOnly : .notADraft(status.name) }
        if let problem = signer.problem { throw problem }
        var result = self
        let digest = Signature.Digest(algorithm: SessionDigest.canonical, value: try contentDigest())
        result.status = .signed(Signature(signer: signer, signedAt: time, meaning: meaning, digest: digest))
        return result
    }

    /// Whether the signed content still matches its signature (always true for an unsigned session).
    public var signatureIsIntact: Bool {
        guard let signature else { return true }
        guard signature.digest.algorithm == SessionDigest.canonical, let digest = try? contentDigest() else { return false }
        return signature.digest.value == digest
    }

    /// The session with a dated addendum appended; the signed content is untouched.
    public func addingAddendum(_ text: String, by author: Clinician, at time: Timestamp) throws(ValidationError) -> Session {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw .emptyField("The addendum") }
        if let problem = author.problem { throw problem }
        var result = self
        result.addenda.append(Addendum(author: author, writtenAt: time, text: body))
        return result
    }

    /// The draft voided with a reason: kept on record, counted nowhere.
    public func voided(reason: String, by clinician: Clinician, at time: Timestamp) throws(ValidationError) -> Session {
        guard case .draft = status else { throw isSigned ? .signedSessionIsReadOnly : .notADraft(status.name) }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .emptyField("The reason for voiding") }
        if let problem = clinician.problem { throw problem }
        var result = self
        result.status = .voided(Voiding(reason: why, at: time, by: clinician))
        return result
    }
}
