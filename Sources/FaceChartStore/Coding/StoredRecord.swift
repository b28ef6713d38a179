import FaceChartCore
import Foundation

/// A model type the store can save as one JSON file of its own.
protocol StoredRecord: Codable, Equatable {
    /// The `kind` written beside the record, e.g. `patient`.
    static var kind: String { get }
    /// Why the record is not sound, or `nil`.
    var problem: ValidationError? { get }
    /// The record read from a format-1 file (the whole envelope's bytes).
    static func migrating(from format1: Data, decoder: JSONDecoder) throws -> Self
}

/// The `record` member of a format-1 envelope.
private struct Format1Body<Record: Decodable>: Decodable {
    var record: Record
}

extension Patient: StoredRecord {
    static var kind: String { "patient" }

    static func migrating(from format1: Data, decoder: JSONDecoder) throws -> Patient {
        Format1.migrate(try decoder.decode(Format1Body<Format1.Patient>.self, from: format1).record)
    }
}

extension Session: StoredRecord {
    static var kind: String { "session" }

    static func migrating(from format1: Data, decoder: JSONDecoder) throws -> Session {
        Format1.migrate(try decoder.decode(Format1Body<Format1.Session>.self, from: format1).record)
    }
}

extension Review: StoredRecord {
    static var kind: String { "review" }

    static func migrating(from format1: Data, decoder: JSONDecoder) throws -> Review {
        Format1.migrate(try decoder.decode(Format1Body<Format1.Review>.self, from: format1).record)
    }
}
