import FaceChartCore
@_spi(Fuzzing) import FaceChartStore

/// One fuzz target: a decoder fed arbitrary bytes. Selected by name (FACECHART_FUZZ_TARGET under
/// libFuzzer, the first argument when replaying).
enum FuzzTarget: String, CaseIterable {
    case jsonParser = "json-parser"
    case recordDecoding = "record-decoding"
    case patientRecord = "patient-record"
    case sessionRecord = "session-record"
    case reviewRecord = "review-record"
    case keyDecoding = "key-decoding"

    func run(_ bytes: [UInt8]) {
        switch self {
        case .jsonParser:
            // A document that parses has one canonical form (RFC 8785): it parses back to the same value
            // and serialises to the same bytes again. Checksums and signature digests rest on this.
            guard let value = try? JSONParser.parse(bytes) else { return }
            let canonical = CanonicalJSON.serialize(value)
            guard let again = try? JSONParser.parse(canonical) else { preconditionFailure("canonical JSON does not parse") }
            precondition(again == value, "canonical JSON parses to another value")
            precondition(CanonicalJSON.serialize(again) == canonical, "canonical JSON is not stable")
        case .recordDecoding: DecoderFuzzing.decodeAsEveryKind(bytes)
        case .patientRecord: DecoderFuzzing.decode(bytes, as: .patient)
        case .sessionRecord: DecoderFuzzing.decode(bytes, as: .session)
        case .reviewRecord: DecoderFuzzing.decode(bytes, as: .review)
        case .keyDecoding: KeyDecodingTarget.run(bytes)
        }
    }
}
