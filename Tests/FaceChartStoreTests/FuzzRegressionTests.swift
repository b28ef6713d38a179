import FaceChartCore
@testable @_spi(Fuzzing) import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Every file of the corpus, and every input the fuzzer found a crash with (kept in
/// `Corpus/fuzz-found/`), through the decoders with the fuzz targets' properties: no crash, and a
/// record that decodes encodes and decodes back to itself.
@Suite struct FuzzRegressionTests {
    static func inputs() throws -> [String] {
        let base = DamagedFolderFixture.corpus.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + next, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(next)
            }
        }
        return files.sorted()
    }

    @Test(arguments: try inputs())
    func theDecodersKeepTheirPromises(file: String) throws {
        let bytes = [UInt8](try Data(contentsOf: DamagedFolderFixture.corpus.appendingPathComponent(file)))
        let codec = RecordCodec()
        _ = try? JSONParser.parse(bytes)
        let decoded = try [
            expectRoundTrip(Patient.self, bytes, codec), expectRoundTrip(Session.self, bytes, codec),
            expectRoundTrip(Review.self, bytes, codec),
        ].filter { $0 }.count
        // The valid examples decode as their own kind only; everything else decodes as nothing.
        #expect(decoded == (file.hasPrefix("valid/") ? 1 : 0), "\(file)")
        // The fuzz targets' own checks, resealed inputs included (a broken property stops the run).
        DecoderFuzzing.decodeAsEveryKind(bytes)
    }

    /// Whether `bytes` decoded as `type` (and then round-tripped).
    private func expectRoundTrip<Record: StoredRecord>(_ type: Record.Type, _ bytes: [UInt8], _ codec: RecordCodec) throws -> Bool {
        guard let record = try? codec.decode(type, from: bytes) else { return false }
        #expect(record.problem == nil)
        let encoded = try codec.encode(record)
        #expect(try codec.decode(type, from: encoded) == record)
        #expect(try codec.encode(codec.decode(type, from: encoded)) == encoded)
        return true
    }
}
