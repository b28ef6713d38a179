import FaceChartCore
import Foundation

/// The records of file format 1, exactly as FaceChart 1 wrote them: read for ever, never written. Each
/// type keeps the shape and the compiler-made coding of the one it mirrors, so that a format-1
/// signature digest (`SessionDigest.format1`) can be recomputed from it.
enum Format1 {
    struct ProductUse: Codable, Equatable {
        var product: String
        var lot: String
        var expiry: CalendarDate?
        var vialUnits: Units
        var diluentHundredthsML: Int
        var reconstitutedAt: Date?
    }

    struct InjectionPoint: Codable, Equatable {
        var id: RecordID
        var view: ViewKind
        var position: FacePoint
        var region: Region
        var side: Side
        var units: Units
        var depth: Depth
        var product: ProductUse?
        var note: String
    }

    struct Indication: Codable, Equatable {
        var kind: FaceChartCore.Indication.Kind
        var concern: String
    }

    struct Signature: Codable, Equatable {
        var signer: String
        var signedAt: Date
        var meaning: String
        var contentDigest: String
    }

    enum Status: Codable, Equatable {
        case draft
        case signed(Signature)
    }

    struct Addendum: Codable, Equatable {
        var author: String
        var writtenAt: Date
        var text: String
    }

    struct Link: Codable, Equatable {
        var kind: String
        var session: RecordID
    }

    struct Override: Codable, Equatable {
        var rule: String
        var reason: String
        var at: Date
    }

    struct Session: Codable, Equatable {
        var id: RecordID
        var patient: RecordID
        var startedAt: Date
        var clinician: String
        var indication: Indication
        var product: ProductUse
        var points: [InjectionPoint]
        var notes: String
        var status: Status
        var addenda: [Addendum]
        var link: Link?
        var overrides: [Override]
    }

    struct Patient: Decodable {
        var id: RecordID
        var name: String
        var dateOfBirth: CalendarDate?
        var sex: FaceChartCore.Patient.Sex
        var flags: [ClinicalFlag]
        var notes: String
        var createdAt: Date
    }

    struct RegionOutcome: Decodable {
        var region: Region
        var wrinklesAtRest: Int?
        var wrinklesAtMaximum: Int?
        var symmetry: FaceChartCore.RegionOutcome.Symmetry?
        var satisfaction: Int?
        var note: String
    }

    struct Review: Decodable {
        var patient: RecordID
        var session: RecordID
        var reviewedAt: Date
        var clinician: String
        var outcomes: [RegionOutcome]
        var sideEffects: [SideEffect]
        var sideEffectNotes: String
        var topUp: RecordID?
        var notes: String
    }

    /// The decoder for format-1 records: dates as UTC ISO 8601 with any number of fractional digits.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Format1Time.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not a UTC date between 1900 and 2200 (YYYY-MM-DDTHH:MM:SSZ)")
            }
            return date
        }
        return decoder
    }

    /// The digest format 1 signed: SHA-256 of the session as draft without addenda, encoded by Swift's
    /// JSONEncoder with sorted keys and dates as seconds since 1970.
    static func digest(of session: Session) -> String? {
        var content = session
        content.status = .draft
        content.addenda = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        guard let bytes = try? encoder.encode(content) else { return nil }
        return CanonicalJSON.sha256Hex([UInt8](bytes))
    }
}
