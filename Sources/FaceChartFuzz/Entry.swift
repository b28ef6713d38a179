import Foundation

#if FUZZING
/// Before fuzzing: FACECHART_FUZZ_SEEDS=FOLDER writes the seed records there and exits; otherwise the
/// target named by FACECHART_FUZZ_TARGET is checked.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    if let folder = ProcessInfo.processInfo.environment["FACECHART_FUZZ_SEEDS"] {
        do {
            try Seeds.write(to: folder)
            exit(0)
        } catch {
            fatalError("writing the seeds failed: \(error)")
        }
    }
    _ = FuzzEntry.target
    return 0
}

/// libFuzzer's entry point: one input to the target named by FACECHART_FUZZ_TARGET.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzEntry.target.run(bytes)
    return 0
}

enum FuzzEntry {
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["FACECHART_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("FACECHART_FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return target
    }()
}
#else
/// Without the fuzzer: `FaceChartFuzz TARGET FILE...` replays inputs (a crash found, a corpus), and
/// `FaceChartFuzz seeds FOLDER` writes valid records to start the fuzzer from.
@main
enum FuzzReplay {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "seeds", arguments.count == 2 {
            try Seeds.write(to: arguments[1])
            return
        }
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: FaceChartFuzz TARGET FILE... | FaceChartFuzz seeds FOLDER")
            print("targets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run([UInt8](data))
                count += 1
            }
        }
        print("\(target.rawValue): \(count) inputs ran without a crash")
    }

    private static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [path] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
    }
}
#endif
