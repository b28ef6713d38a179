import FaceChartCore
import FaceChartTestSupport
import Foundation
import Testing

@Suite("Review plans by indication")
struct ReviewPlanTests {
    let catalogue = OutcomeFixtures.catalogue

    /// The indication keys of the record format (format 2).
    static let aesthetic = [
        "glabellar-lines", "forehead-lines", "lateral-canthal-lines", "upper-face", "platysma-bands", "masseter-hypertrophy",
        "gummy-smile", "perioral-lines", "bunny-lines", "mouth-corners", "chin", "brow-asymmetry", "other-aesthetic",
    ]
    static let medical = [
        "chronic-migraine", "cervical-dystonia", "blepharospasm", "hemifacial-spasm", "sialorrhea", "axillary-hyperhidrosis",
        "bruxism", "spasticity", "other-medical",
    ]

    @Test func everyIndicationKeyHasItsMeasures() {
        for key in Self.aesthetic + Self.medical {
            #expect(catalogue.measures.entry(for: key) != nil, "\(key)")
        }
        let listed = Set(catalogue.measures.indications.flatMap(\.keys))
        #expect(listed == Set(Self.aesthetic + Self.medical), "no key the record format does not know")
    }

    func scales(_ key: String, medical: Bool = true) -> [String] {
        catalogue.plan(indicationKey: key, isMedical: medical, retreatmentDays: 90).scales.map(\.key)
    }

    @Test func eachIndicationAsksItsOwnScales() {
        for key in Self.aesthetic { #expect(scales(key, medical: false) == ["fws", "symmetry", "satisfaction"], "\(key)") }
        #expect(scales("chronic-migraine") == ["headache-days", "hit6", "midas"])
        #expect(scales("cervical-dystonia") == ["twstrs", "tsui"])
        #expect(scales("blepharospasm") == ["jrs", "bsdi"])
        #expect(scales("hemifacial-spasm") == ["jrs", "bsdi"])
        #expect(scales("spasticity") == ["mas", "gas"])
        #expect(scales("axillary-hyperhidrosis") == ["hdss", "minor"])
        #expect(scales("sialorrhea") == ["gics"])
        #expect(scales("bruxism") == ["jaw-pain", "chewing"])
    }

    @Test func anUnknownKeyFallsBackToItsKind() {
        let medical = catalogue.plan(indicationKey: "trigeminal-neuralgia", isMedical: true, retreatmentDays: 90)
        #expect(medical.indicationKey == "other-medical" && medical.scales.map(\.key) == ["gics"])
        let aesthetic = catalogue.plan(indicationKey: "jawline", isMedical: false, retreatmentDays: 90)
        #expect(aesthetic.indicationKey == "other-aesthetic" && aesthetic.dueDay == 14)
    }

    @Test func aestheticReviewsAreDueAtTwoWeeks() {
        let plan = catalogue.plan(indicationKey: "glabellar-lines", isMedical: false, retreatmentDays: 90)
        #expect(plan.dueDay == 14 && plan.window == 10...21 && !plan.atNextCycle)
        #expect(plan.isDue(onDay: 14) && !plan.isDue(onDay: 9) && !plan.isDue(onDay: 22))
    }

    @Test func migraineIsReviewedAtTheNextCycleWhateverItsInterval() {
        let plan = catalogue.plan(indicationKey: "chronic-migraine", isMedical: true, retreatmentDays: 84)
        #expect(plan.atNextCycle && plan.dueDay == 84 && plan.window == 70...112)
        #expect(!plan.isDue(onDay: 14), "not at two weeks")
        #expect(catalogue.plan(indicationKey: "chronic-migraine", isMedical: true, retreatmentDays: 90).dueDay == 90)
        #expect(plan.dueText == "next cycle, day 84 (70-112)")
    }

    @Test func medicalReviewsFollowTheirReassessment() {
        #expect(catalogue.plan(indicationKey: "cervical-dystonia", isMedical: true, retreatmentDays: 84).dueDay == 42)
        #expect(catalogue.plan(indicationKey: "axillary-hyperhidrosis", isMedical: true, retreatmentDays: 90).dueDay == 28)
        #expect(catalogue.plan(indicationKey: "sialorrhea", isMedical: true, retreatmentDays: 112).dueDay == 28)
        #expect(catalogue.plan(indicationKey: "blepharospasm", isMedical: true, retreatmentDays: 90).dueDay == 14)
    }

    @Test func aReviewBeforeDaySevenAsksForConfirmationUnlessADiaryIsDue() {
        let glabellar = catalogue.plan(indicationKey: "glabellar-lines", isMedical: false, retreatmentDays: 90)
        #expect(glabellar.needsConfirmation(onDay: 0) && glabellar.needsConfirmation(onDay: 6))
        #expect(!glabellar.needsConfirmation(onDay: 7))
        let dystonia = catalogue.plan(indicationKey: "cervical-dystonia", isMedical: true, retreatmentDays: 84)
        #expect(dystonia.needsConfirmation(onDay: 3))
        let migraine = catalogue.plan(indicationKey: "chronic-migraine", isMedical: true, retreatmentDays: 84)
        #expect(!migraine.needsConfirmation(onDay: 0), "the headache diary is entered at any visit")
    }

    @Test func brokenMeasuresGiveClearReasons() throws {
        func reason(_ indications: String) -> String? {
            let json = #"{"schemaVersion":1,"earliestReviewDay":{"day":7,"source":{"grade":"P","reference":"r"}},"indications":[\#(indications)]}"#
            do {
                _ = try OutcomeMeasures(json: Data(json.utf8), scales: catalogue.scales)
                return nil
            } catch {
                return error.reason
            }
        }
        let timing = #""review":{"dueDay":14,"window":[-4,7],"source":{"grade":"P","reference":"r"}}"#
        let others = #"{"keys":["other-aesthetic","other-medical"],"scales":[],\#(timing)}"#
        #expect(reason(#"\#(others),{"keys":["x"],"scales":["nope"],\#(timing)}"#) == "indications[1]: unknown scale nope")
        #expect(reason(#"\#(others),{"keys":["other-medical"],"scales":[],\#(timing)}"#) == "indications[1]: other-medical is listed twice")
        #expect(reason(#"{"keys":["other-aesthetic"],"scales":[],\#(timing)}"#) == "no entry for other-medical")
        #expect(reason(#"\#(others),{"keys":["x"],"scales":[],"review":{"window":[0,7],"source":{"grade":"P","reference":"r"}}}"#)
            == "indications[1]: review needs either dueDay or atNextCycle")
        #expect(reason(others) == nil)
    }
}
