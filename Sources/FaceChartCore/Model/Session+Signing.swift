import Crypto
import Foundation

extension Session {
    /// The SHA-256 of the session's clinical content (everything but the signature and the addenda),
    /// as hex. A signature records it; recomputing it shows whether the record changed after signing.
    public func contentDigest() -> String {
        var content = self
        content.status = .draft
        content.addenda = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let bytes = (try? encoder.encode(content)) ?? Data()
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The session signed by `signer` at `date`; fails when already signed.
    public func signed(by signer: String, at date: Date, meaning: String) throws(ValidationError) -> Session {
        guard !isSigned else { throw .signedSessionIsReadOnly }
        let name = signer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .emptyField("The signer's name") }
        var result = self
        result.status = .signed(Signature(signer: name, signedAt: date, meaning: meaning, contentDigest: contentDigest()))
        return result
    }

    /// Whether the signed content still matches its signature.
    public var signatureIsIntact: Bool {
        guard let signature else { return true }
        return signature.contentDigest == contentDigest()
    }

    /// The session with a dated addendum appended; the signed content is untouched.
    public func addingAddendum(_ text: String, by author: String, at date: Date) throws(ValidationError) -> Session {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw .emptyField("The addendum") }
        let name = author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .emptyField("The author's name") }
        var result = self
        result.addenda.append(Addendum(author: name, writtenAt: date, text: body))
        return result
    }
}
