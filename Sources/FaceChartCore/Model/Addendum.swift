import Foundation

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
