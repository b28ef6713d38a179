import FaceChartCore

/// A model type the store can save as one JSON file of its own.
protocol StoredRecord: Codable, Equatable {
    /// The `kind` written beside the record, e.g. `patient`.
    static var kind: String { get }
    /// Why the record is not sound, or `nil`.
    var problem: ValidationError? { get }
}

extension Patient: StoredRecord {
    static var kind: String { "patient" }
}

extension Session: StoredRecord {
    static var kind: String { "session" }
}

extension Review: StoredRecord {
    static var kind: String { "review" }
}
