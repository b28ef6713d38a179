@_spi(Fuzzing) import FaceChartStore
import FaceChartTestSupport
import Foundation

/// Valid records of every kind, written as the store writes them, for the fuzzer to mutate.
enum Seeds {
    static func write(to folder: String) throws {
        let records: [(String, [UInt8]?)] = [
            ("patient-record/patient.json", DecoderFuzzing.encoded(SampleRecords.patient())),
            ("session-record/session-5.json", DecoderFuzzing.encoded(SampleRecords.session(points: 5))),
            ("session-record/session-signed.json", DecoderFuzzing.encoded(SampleRecords.signed(SampleRecords.session(points: 3)))),
            ("session-record/session-history.json", DecoderFuzzing.encoded(SampleHistory.second())),
            ("review-record/review.json", DecoderFuzzing.encoded(SampleHistory.review())),
        ]
        // Key input: a mode byte (odd: a character stream), then what a terminal sends.
        let keys = ["a\u{1B}[<0;12;3M\u{1B}[<0;12;3m", "\u{1B}[M !!\u{1B}[Z\u{1B}OA\u{1B}[1;2C", "\u{1B}]0;title\u{07}x\u{1B}[200~paste\u{1B}[201~"]
        let inputs = records + keys.enumerated().map { index, text in
            ("key-decoding/keys-\(index)", [UInt8(1)] + Array(text.utf8)) as (String, [UInt8]?)
        }
        for (name, bytes) in inputs {
            guard let bytes else { throw SeedFailure(name: name) }
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    struct SeedFailure: Error { var name: String }
}
