import FaceChartCore
@testable import FaceChartStore

/// Record text edited by a test, with its checksum made to match again: what a program that writes
/// format 2 correctly but breaks a rule would leave, so the checks behind the checksum can be reached.
enum Sealing {
    static func sealed(_ text: String) throws -> String {
        let document = try JSONParser.parse(Array(text.utf8))
        guard let old = document["checksum"]?["value"]?.stringValue else { return text }
        return text.replacingOccurrences(of: old, with: RecordCodec.checksum(of: document.removing(["checksum"])))
    }
}
