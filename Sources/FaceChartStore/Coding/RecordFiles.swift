import FaceChartCore
import Foundation

/// Record files as bytes, for programs that handle them outside a data folder on disk: merging two
/// versions of a file, or checking the files of a commit. Every read goes through the same checks as
/// the store's own (syntax, version, checksum, kind, the model's rules), and every write through the
/// same codec, so a file made here is exactly what the store would have written.
public enum RecordFiles {
    /// A record read from a file, typed.
    public enum Record: Equatable, Sendable {
        case patient(Patient)
        case session(Session)
        case review(Review)
        case change(Change)
        case pattern(TreatmentPattern)
    }

    /// The kind of record the file at `relative` (a path inside the data folder) holds, from where it
    /// lies: `patient`, `session`, `review`, `change` or `pattern`; `nil` for anything else.
    public static func kind(ofPath relative: String) -> String? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.last, name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
        if parts.count == 2, parts[0] == "patterns" { return "pattern" }
        guard parts.count >= 3, parts[0] == "patients" else { return nil }
        if parts.count == 3 { return name == "patient.json" ? "patient" : nil }
        guard parts.count == 4 else { return nil }
        switch parts[2] {
        case "sessions": return "session"
        case "reviews": return "review"
        case "changes": return "change"
        default: return nil
        }
    }

    /// The typed record in `bytes`, a file of `kind`.
    public static func decode(_ bytes: [UInt8], kind: String) throws(FileProblem) -> Record {
        let codec = RecordCodec()
        do throws(RecordCodec.Failure) {
            switch kind {
            case Patient.kind: return .patient(try codec.decode(Patient.self, from: bytes))
            case Session.kind: return .session(try codec.decode(Session.self, from: bytes))
            case Review.kind: return .review(try codec.decode(Review.self, from: bytes))
            case Change.kind: return .change(try codec.decode(Change.self, from: bytes))
            case StoredPattern.kind: return .pattern(try codec.decode(StoredPattern.self, from: bytes).pattern)
            default: throw RecordCodec.Failure.problem(.wrongKind(found: String(kind.prefix(20)), expected: "record"))
            }
        } catch {
            switch error {
            case .problem(let problem): throw problem
            case .newerSchema(let version):
                throw .badField("it was written by a newer FaceChart (format \(version))")
            }
        }
    }

    /// The `record` member of `bytes` as format 2 writes it (a format-1 file comes back migrated), after
    /// every check of `decode`.
    public static func recordValue(_ bytes: [UInt8], kind: String) throws(FileProblem) -> JSONValue {
        let record = try decode(bytes, kind: kind)
        do {
            return try JSONParser.parse(try encode(record))["record"] ?? .null
        } catch {
            throw .badField("it could not be written back")
        }
    }

    /// The file bytes for a `record` member of `kind`, through the store's codec: decoded into the
    /// model (and refused when it breaks a rule), then encoded with a fresh checksum.
    public static func encode(kind: String, record: JSONValue) throws(FileProblem) -> [UInt8] {
        let data = Data(CanonicalJSON.serialize(record))
        let decoder = JSONDecoder()
        let typed: Record
        do {
            switch kind {
            case Patient.kind: typed = .patient(try decoder.decode(Patient.self, from: data))
            case Session.kind: typed = .session(try decoder.decode(Session.self, from: data))
            case Review.kind: typed = .review(try decoder.decode(Review.self, from: data))
            case Change.kind: typed = .change(try decoder.decode(Change.self, from: data))
            case StoredPattern.kind: typed = .pattern(try decoder.decode(StoredPattern.self, from: data).pattern)
            default: throw FileProblem.wrongKind(found: String(kind.prefix(20)), expected: "record")
            }
        } catch let problem as FileProblem {
            throw problem
        } catch {
            throw .badField("the merged \(kind) record does not decode")
        }
        do {
            return try encode(typed)
        } catch {
            throw .badField("the merged \(kind) record cannot be written (\(error.message))")
        }
    }

    /// The file bytes of a typed record.
    public static func encode(_ record: Record) throws(StoreError) -> [UInt8] {
        let codec = RecordCodec()
        switch record {
        case .patient(let patient): return try codec.encode(patient)
        case .session(let session): return try codec.encode(session)
        case .review(let review): return try codec.encode(review)
        case .change(let change): return try codec.encode(change)
        case .pattern(let pattern): return try codec.encode(StoredPattern(pattern))
        }
    }
}

/// Thrown by `RecordFiles`: what is wrong inside a file.
extension FileProblem: Error {}
