@_spi(Fuzzing) import FaceChartStore

/// One fuzz target: a decoder fed arbitrary bytes. Selected by name (FACECHART_FUZZ_TARGET under
/// libFuzzer, the first argument when replaying).
enum FuzzTarget: String, CaseIterable {
    case jsonScanner = "json-scanner"
    case patientRecord = "patient-record"
    case sessionRecord = "session-record"
    case reviewRecord = "review-record"
    case keyDecoding = "key-decoding"

    func run(_ bytes: [UInt8]) {
        switch self {
        case .jsonScanner: DecoderFuzzing.scan(bytes)
        case .patientRecord: DecoderFuzzing.decode(bytes, as: .patient)
        case .sessionRecord: DecoderFuzzing.decode(bytes, as: .session)
        case .reviewRecord: DecoderFuzzing.decode(bytes, as: .review)
        case .keyDecoding: KeyDecodingTarget.run(bytes)
        }
    }
}
