import Foundation
import Testing

/// Compares text with a golden file in `__Snapshots__/` beside the calling test file.
///
/// With RECORD_SNAPSHOTS set the file is written instead and the test fails, so that a recording
/// never passes by accident.
public func expectSnapshot(
    _ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = text.hasSuffix("\n") ? text : text + "\n"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded \(file.lastPathComponent); run again without RECORD_SNAPSHOTS.", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("No snapshot \(file.lastPathComponent): run with RECORD_SNAPSHOTS=1 to record it.", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
    var report = "Snapshot \(file.lastPathComponent) differs (- expected, + actual):\n"
    for index in 0..<max(expectedLines.count, actualLines.count) {
        let old = index < expectedLines.count ? expectedLines[index] : nil
        let new = index < actualLines.count ? actualLines[index] : nil
        if old == new { continue }
        if let old { report += "-\(index + 1): \(old)\n" }
        if let new { report += "+\(index + 1): \(new)\n" }
    }
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}
