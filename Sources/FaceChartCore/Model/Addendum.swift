/// A dated, attributed correction to a signed session. Addenda never change the signed content.
public struct Addendum: Hashable, Codable, Sendable {
    public var author: Clinician
    public var writtenAt: Timestamp
    public var text: String

    public init(author: Clinician, writtenAt: Timestamp, text: String) {
        self.author = author
        self.writtenAt = writtenAt
        self.text = text
    }
}
