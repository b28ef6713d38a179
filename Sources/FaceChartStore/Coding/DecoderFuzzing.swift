import FaceChartCore

/// The store's decoders on arbitrary bytes, for the fuzz targets (`scripts/fuzz.sh`). Each call traps
/// when a property that must hold does not, so that the fuzzer reports it as a crash.
@_spi(Fuzzing) public enum DecoderFuzzing {
    /// The kinds of record file.
    public enum Kind: String, CaseIterable, Sendable {
        case patient, session, review
    }

    /// Decodes `bytes` as a record of `kind`, as they are and resealed with a checksum that matches
    /// (almost every mutation breaks the checksum, which would otherwise keep the fuzzer from the
    /// decoder behind it). A record that decodes must be valid, encode, decode back to itself and
    /// encode to the same bytes again.
    public static func decode(_ bytes: [UInt8], as kind: Kind) {
        for input in [bytes, resealed(bytes)].compactMap({ $0 }) {
            switch kind {
            case .patient: roundTrip(Patient.self, input)
            case .session: roundTrip(Session.self, input)
            case .review: roundTrip(Review.self, input)
            }
        }
    }

    /// Decodes `bytes` as every kind of record in turn, as they are and resealed: record decoding as one
    /// target, whatever kind of file the bytes resemble.
    public static func decodeAsEveryKind(_ bytes: [UInt8]) {
        for input in [bytes, resealed(bytes)].compactMap({ $0 }) {
            roundTrip(Patient.self, input)
            roundTrip(Session.self, input)
            roundTrip(Review.self, input)
        }
    }

    /// `bytes`, when they are a JSON object, in canonical form with the checksum of their content.
    static func resealed(_ bytes: [UInt8]) -> [UInt8]? {
        guard case .object(var members)? = try? JSONParser.parse(bytes) else { return nil }
        members["checksum"] = nil
        let checksum = RecordCodec.checksum(of: .object(members))
        members["checksum"] = .object([
            "algorithm": .string(RecordCodec.checksumAlgorithm), "value": .string(checksum),
        ])
        return CanonicalJSON.serialize(.object(members))
    }

    private static func roundTrip<Record: StoredRecord>(_ type: Record.Type, _ bytes: [UInt8]) {
        let codec = RecordCodec()
        guard let record = try? codec.decode(type, from: bytes) else { return }
        precondition(record.problem == nil, "a decoded record breaks the model's rules")
        let encoded: [UInt8]
        do {
            encoded = try codec.encode(record)
        } catch {
            preconditionFailure("a decoded record does not encode: \(error.message)")
        }
        let again: Record
        do {
            again = try codec.decode(type, from: encoded)
        } catch {
            preconditionFailure("an encoded record does not decode: \(error)")
        }
        precondition(again == record, "a record changed on its way through a file")
        precondition((try? codec.encode(again)) == encoded, "a record's bytes are not stable")
    }

    /// The bytes of a valid record, as the store writes it: seeds for the fuzzer.
    public static func encoded(_ patient: Patient) -> [UInt8]? { try? RecordCodec().encode(patient) }
    public static func encoded(_ session: Session) -> [UInt8]? { try? RecordCodec().encode(session) }
    public static func encoded(_ review: Review) -> [UInt8]? { try? RecordCodec().encode(review) }
}
