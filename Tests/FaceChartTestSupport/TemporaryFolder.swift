import Foundation

/// A fresh folder under the system temp folder, deleted with everything in it on `remove()` or deinit.
public final class TemporaryFolder {
    /// The folder's absolute path.
    public let path: String

    /// Creates `<tmp>/<prefix>-<uuid>`.
    public init(prefix: String = "facechart-test") throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { remove() }

    /// `path/relative`.
    public func file(_ relative: String) -> String { path + "/" + relative }

    /// The bytes of `relative`, or `nil` when it cannot be read.
    public func bytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: file(relative)).map { [UInt8]($0) }
    }

    /// Writes `bytes` to `relative` (test set-up only: not durable).
    public func write(_ bytes: [UInt8], to relative: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(relative)))
    }

    /// Names in the folder `relative`, sorted, including hidden ones.
    public func names(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: file(relative))) ?? []).sorted()
    }

    /// Sets the modification time of `relative` `seconds` into the past, as if left there that long ago.
    public func backdate(_ relative: String, by seconds: TimeInterval = 3_600) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: file(relative))
    }

    /// Deletes the folder and its contents.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
