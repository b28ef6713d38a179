import FaceChartCore
import Foundation
import Testing

@Suite struct SafetySourceTests {
    @Test(arguments: [
        (DangerZone.supraorbitalRim, [Grade.label], false),
        (.lowerForehead, [.paper, .web], true),
        (.mouthCorner, [.paper], false),
        (.medialLowerLid, [.label], false),
    ])
    func dangerZonesCarryTheirGrades(zone: DangerZone, grades: [Grade], judgement: Bool) {
        let source = zone.source
        #expect(source.grades == grades)
        #expect(source.description == "\(source.gradeText): \(source.text)")
        #expect(source.needsJudgement == judgement)
        #expect(source.note == (judgement ? "typical range, clinician's judgement" : nil))
    }

    @Test func aSourceWithoutGradesIsUnconfirmed() {
        let source = SafetySource(text: "test drawing")
        #expect(source.grades == [.unconfirmed])
        #expect(source.gradeText == "?")
        #expect(source.needsJudgement)
    }

    @Test func sourcesReadFromDataKeepEveryGrade() throws {
        let json = #"{"grades": ["L", "?"], "reference": "label figure x 2.5"}"#
        let source = try JSONDecoder().decode(SafetySource.self, from: Data(json.utf8))
        #expect(source.gradeText == "L/?")
        #expect(source.note == "typical range, clinician's judgement")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SafetySource.self, from: Data(#"{"grades": [], "reference": "x"}"#.utf8)) }
        let both = SafetySource(.label, text: "a").combined(with: SafetySource(.unconfirmed, text: "b"))
        #expect(both.description == "L/?: a; b")
    }
}
