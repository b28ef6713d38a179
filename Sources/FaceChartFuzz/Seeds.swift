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
        for (name, bytes) in records {
            guard let bytes else { throw SeedFailure(name: name) }
            let path = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    struct SeedFailure: Error { var name: String }
}
