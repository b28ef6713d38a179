import FaceChartCore
import Foundation

/// Turns records into the on-disk JSON envelope `{"checksum", "kind", "record", "schemaVersion"}` and
/// back (docs/format.md), refusing anything ambiguous, newer, altered or invalid. Format-1 files are
/// read and migrated; only format 2 is written.
final class RecordCodec {
    /// The newest file format this build writes and reads.
    static let schemaVersion = 2
    /// How the envelope's checksum is computed: SHA-256 of the RFC 8785 canonical JSON of the envelope
    /// without its `checksum` member.
    static let checksumAlgorithm = "SHA-256/RFC8785"

    struct Checksum: Codable, Equatable {
        var algorithm: String
        var value: String
    }

    private struct Envelope<Record: Encodable>: Encodable {
        var checksum: Checksum?
        var kind: String
        var record: Record
        var schemaVersion: Int
    }

    /// The envelope as read: only `record` is needed once the header has been checked.
    private struct Body<Record: Decodable>: Decodable {
        var record: Record
    }

    /// Why bytes did not give a record.
    enum Failure: Error, Equatable {
        case problem(FileProblem)
        case newerSchema(Int)
    }

    private let encoder: JSONEncoder
    private let decoder = JSONDecoder()
    private let format1Decoder = Format1.decoder()

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    }

    /// The file's bytes for `record`, ending in a newline.
    func encode<Record: StoredRecord>(_ record: Record) throws(StoreError) -> [UInt8] {
        if let problem = record.problem { throw .invalidRecord(problem) }
        var envelope = Envelope(checksum: nil, kind: Record.kind, record: record, schemaVersion: Self.schemaVersion)
        do {
            let unsigned = try JSONParser.parse([UInt8](try encoder.encode(envelope)))
            envelope.checksum = Checksum(algorithm: Self.checksumAlgorithm, value: Self.checksum(of: unsigned))
            var bytes = [UInt8](try encoder.encode(envelope))
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch let error as EncodingError {
            if case .invalidValue(let value, _) = error, value is Timestamp { throw .dateOutOfRange }
            throw .invalidRecord(.cannotEncode("the \(Record.kind) record"))
        } catch {
            throw .invalidRecord(.cannotEncode("the \(Record.kind) record"))
        }
    }

    /// The record in `bytes`, after checking syntax, duplicate keys, version, checksum, kind and the
    /// model's rules.
    func decode<Record: StoredRecord>(_ type: Record.Type, from bytes: [UInt8]) throws(Failure) -> Record {
        let document = try checkedDocument(bytes, kind: Record.kind)
        let record: Record
        do {
            if document.version == 1 {
                record = try Record.migrating(from: Data(bytes), decoder: format1Decoder)
            } else {
                record = try decoder.decode(Body<Record>.self, from: Data(bytes)).record
            }
        } catch {
            throw .problem(.badField(Self.describe(error)))
        }
        if let problem = record.problem { throw .problem(.invalid(problem)) }
        return record
    }

    /// The format version of `bytes` once syntax, version, checksum and kind are checked.
    private func checkedDocument(_ bytes: [UInt8], kind: String) throws(Failure) -> (value: JSONValue, version: Int) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            switch error {
            case .empty: throw .problem(.empty)
            case .truncated: throw .problem(.truncated)
            case .syntax(let offset), .numberOutOfRange(let offset): throw .problem(.syntax(offset: offset))
            case .duplicateKey(let key, let at): throw .problem(.duplicateKey(key: key, at: at))
            case .tooDeep: throw .problem(.tooDeep)
            }
        }
        guard case .object = value else { throw .problem(.badField("the file is not a JSON object")) }
        guard let number = value["schemaVersion"]?.numberValue, number == number.rounded(), abs(number) < 1e9 else {
            throw .problem(.badField("the field \"schemaVersion\" is missing or not a whole number"))
        }
        let version = Int(number)
        // Checked before anything else: a newer format may not decode, or may decode while silently
        // dropping fields this build does not know.
        if version > Self.schemaVersion { throw .newerSchema(version) }
        if version < 1 { throw .problem(.badField("schemaVersion \(version) is not a format")) }
        if version >= 2 {
            guard let checksum = value["checksum"], checksum["algorithm"]?.stringValue == Self.checksumAlgorithm,
                  let expected = checksum["value"]?.stringValue
            else { throw .problem(.badField("the field \"checksum\" is missing or names an unknown algorithm")) }
            guard expected == Self.checksum(of: value.removing(["checksum"])) else { throw .problem(.changedOutsideFaceChart) }
        }
        guard let found = value["kind"]?.stringValue else { throw .problem(.badField("the field \"kind\" is missing")) }
        if found != kind { throw .problem(.wrongKind(found: String(found.prefix(20)), expected: kind)) }
        return (value, version)
    }

    /// SHA-256 of the canonical form of an envelope without its checksum.
    static func checksum(of envelope: JSONValue) -> String {
        CanonicalJSON.sha256Hex(CanonicalJSON.serialize(envelope))
    }

    /// A short description of a decoding error naming the field, without quoting values.
    private static func describe(_ error: any Error) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        guard let error = error as? DecodingError else { return "it could not be decoded" }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "the field \"\(key.stringValue)\" is missing" + (parent.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "the field \(path(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return field.isEmpty ? "it could not be decoded" : "the field \(field) is not valid (\(context.debugDescription))"
        @unknown default:
            return "it could not be decoded"
        }
    }
}
