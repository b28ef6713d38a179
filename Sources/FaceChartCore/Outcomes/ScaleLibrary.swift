import Foundation

/// The outcome scales FaceChart asks at reviews, read from `clinical/scales.json`.
public struct ScaleLibrary: Hashable, Codable, Sendable {
    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var scales: [OutcomeScale]

    public init(schemaVersion: Int = ScaleLibrary.supportedSchemaVersion, scales: [OutcomeScale]) {
        self.schemaVersion = schemaVersion
        self.scales = scales
    }

    /// Reads and checks a library from JSON.
    public init(json: Data) throws(DataError) {
        self = try DataError.decode(ScaleLibrary.self, from: json)
        try validate()
    }

    /// The scale with `key`, if any.
    public func scale(_ key: String) -> OutcomeScale? { scales.first { $0.key == key } }

    /// Throws the first problem: schema version, duplicate keys, an item that does not hold together.
    public func validate() throws(DataError) {
        try DataError.requireSchemaVersion(schemaVersion, supported: Self.supportedSchemaVersion)
        try DataError.requireSound(scales, named: "scales", key: \.key, problem: \.problem)
    }
}
