import FaceChartCore
import Foundation

/// Turns records into the on-disk JSON envelope `{"kind", "record", "schemaVersion"}` and back,
/// refusing anything ambiguous, newer or invalid.
final class RecordCodec {
    /// The newest file format this build writes and reads.
    static let schemaVersion = 1

    private struct Envelope<Record: Codable>: Codable {
        var schemaVersion: Int
        var kind: String
        var record: Record
    }

    /// The envelope as read: only `record` is needed once the header has been checked.
    private struct Body<Record: Decodable>: Decodable {
        var record: Record
    }

    private struct Header: Decodable {
        var schemaVersion: Int
        var kind: String
    }

    /// Why bytes did not give a record.
    enum Failure: Error, Equatable {
        case problem(FileProblem)
        case newerSchema(Int)
    }

    private let encoder: JSONEncoder
    private let decoder: JSONDecoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            guard let text = Timestamp.string(from: date) else {
                throw EncodingError.invalidValue(date, .init(codingPath: encoder.codingPath, debugDescription: "date out of range"))
            }
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
        decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not a UTC date between 1900 and 2200 (YYYY-MM-DDTHH:MM:SSZ)")
            }
            return date
        }
    }

    /// The file's bytes for `record`, ending in a newline.
    func encode<Record: StoredRecord>(_ record: Record) throws(StoreError) -> [UInt8] {
        if let problem = record.problem { throw .invalidRecord(problem) }
        let envelope = Envelope(schemaVersion: Self.schemaVersion, kind: Record.kind, record: record)
        do {
            var bytes = [UInt8](try encoder.encode(envelope))
            bytes.append(UInt8(ascii: "\n"))
            return bytes
        } catch {
            throw .dateOutOfRange
        }
    }

    /// The record in `bytes`, after checking syntax, duplicate keys, version, kind and the model's rules.
    func decode<Record: StoredRecord>(_ type: Record.Type, from bytes: [UInt8]) throws(Failure) -> Record {
        let record = try decodeEnvelope(Record.self, kind: Record.kind, from: bytes)
        if let problem = record.problem { throw .problem(.invalid(problem)) }
        return record
    }

    /// The `record` of an envelope of `kind`, decoded as `Record` (a full model type or a projection of
    /// it), after checking syntax, duplicate keys, version and kind; the model's rules are not checked.
    func decodeEnvelope<Record: Decodable>(_ type: Record.Type, kind: String, from bytes: [UInt8]) throws(Failure) -> Record {
        do {
            try JSONScanner.check(bytes)
        } catch {
            switch error {
            case .empty: throw .problem(.empty)
            case .truncated: throw .problem(.truncated)
            case .syntax(let offset): throw .problem(.syntax(offset: offset))
            case .duplicateKey(let key, let at): throw .problem(.duplicateKey(key: key, at: at))
            case .tooDeep: throw .problem(.tooDeep)
            case .notUnicode(let offset): throw .problem(.notUnicode(offset: offset))
            }
        }
        let data = Data(bytes)
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw .problem(.badField(Self.describe(error)))
        }
        // Checked before the record is decoded: a newer format may not decode, or may decode while
        // silently dropping fields this build does not know.
        if header.schemaVersion > Self.schemaVersion { throw .newerSchema(header.schemaVersion) }
        if header.schemaVersion < 1 { throw .problem(.badField("schemaVersion \(header.schemaVersion) is not a format")) }
        if header.kind != kind { throw .problem(.wrongKind(found: String(header.kind.prefix(20)), expected: kind)) }
        do {
            return try decoder.decode(Body<Record>.self, from: data).record
        } catch {
            throw .problem(.badField(Self.describe(error)))
        }
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
