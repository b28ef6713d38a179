import Foundation
import FaceChartCore

/// A user's treatment pattern as the store saves it (`kind: "pattern"`): the pattern's own fields
/// under `record`, with the store's rules on top of `TreatmentPattern.problem`.
struct StoredPattern: StoredRecord {
    static var kind: String { "pattern" }

    var pattern: TreatmentPattern

    init(_ pattern: TreatmentPattern) { self.pattern = pattern }

    init(from decoder: any Decoder) throws {
        pattern = try TreatmentPattern(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try pattern.encode(to: encoder)
    }

    /// Why the pattern cannot be saved or used: its key must be a safe file name, and it needs a
    /// name and at least one site whose doses add up.
    var problem: ValidationError? {
        if !RecordID.isValid(pattern.key) { return .invalidPattern("the key must be 1 to 64 of A-Z a-z 0-9 _ -") }
        if pattern.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .emptyName }
        if pattern.sites.isEmpty { return .invalidPattern("no sites") }
        if let problem = pattern.problem { return .invalidPattern(problem) }
        return nil
    }
}

extension StoredPattern {
    /// Patterns did not change between formats 1 and 2: only their envelope did.
    static func migrating(from format1: Data, decoder: JSONDecoder) throws -> StoredPattern {
        struct Body: Decodable { var record: StoredPattern }
        return try decoder.decode(Body.self, from: format1).record
    }
}
