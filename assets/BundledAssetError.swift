/// A bundled data file that is missing or wrong: which file, and what is wrong with it.
public struct BundledAssetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path inside the bundle, such as `faces/anterior.json`.
    public var file: String
    /// What is wrong.
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `faces/anterior.json: mask row 3 differs in width from the first row`.
    public var message: String { "\(file): \(reason)" }

    public var description: String { message }
}
