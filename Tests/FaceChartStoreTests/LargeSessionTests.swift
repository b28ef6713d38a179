import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// A session far larger than any real one still saves, opens whole and is checked like any other.
/// (Its open time is measured by the benchmarks, not asserted here.)
@Suite struct LargeSessionTests {
    @Test func aSessionOfAHundredThousandPointsOpensWhole() throws {
        let folder = try TemporaryFolder()
        let store = try PatientStore(root: folder.path)
        try store.createPatient(SampleRecords.patient()).unlock()
        let session = SampleRecords.session(points: 100_000)
        try store.saveSession(session)

        let records = try PatientStore(root: folder.path, access: .viewing).readRecords(of: session.patient)
        #expect(records.issues.isEmpty)
        #expect(records.sessions == [session])
    }
}
