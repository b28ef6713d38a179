import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct StableEncodingTests {
    func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func patientFlagsAreWrittenInTheirFixedOrder() throws {
        var patient = SampleRecords.patient()
        patient.flags = Set(ClinicalFlag.allCases)
        let text = try json(patient)
        let order = ClinicalFlag.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        #expect(text.contains("\"flags\":[\(order)]"))
        let decoded = try JSONDecoder().decode(Patient.self, from: Data(text.utf8))
        #expect(decoded.flags == patient.flags)
    }

    @Test func reviewSideEffectsAreWrittenInTheirFixedOrder() throws {
        let review = Review(
            patient: RecordID("p")!, session: RecordID("s")!, createdAt: .utc(0), clinician: SampleRecords.clinician,
            sideEffects: [.smileChange, .browPtosis, .bruising].map { ObservedSideEffect(effect: $0) })
        let text = try json(review)
        let order = ["browPtosis", "bruising", "smileChange"].map { "{\"effect\":\"\($0)\",\"note\":\"\"}" }
        #expect(text.contains("\"sideEffects\":[" + order.joined(separator: ",") + "]"))
    }
}
