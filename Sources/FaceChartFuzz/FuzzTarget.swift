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
        case .jsonScanner:
            // The store's scanner must agree with the plain one it replaced on every input: sound or
            // not, and which key is repeated where. (Of two faults in one string, the two may name a
            // different one first.)
            let verdict = DecoderFuzzing.scan(bytes)
            let reference = ReferenceJSONScanner.verdict(bytes)
            let agree = verdict == reference || (verdict != nil && reference != nil
                && !(verdict!.hasPrefix("duplicateKey") && reference!.hasPrefix("duplicateKey")))
            precondition(agree, "scanner: \(verdict ?? "sound"), reference: \(reference ?? "sound")")
        case .patientRecord: DecoderFuzzing.decode(bytes, as: .patient)
        case .sessionRecord: DecoderFuzzing.decode(bytes, as: .session)
        case .reviewRecord: DecoderFuzzing.decode(bytes, as: .review)
        case .keyDecoding: KeyDecodingTarget.run(bytes)
        }
    }
}
