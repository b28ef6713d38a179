import FaceChartCore
import Foundation
import Testing

@Suite struct SafetyFlagTests {
    typealias F = SafetyFixture

    let session = F.session("s", day: F.day0, points: F.points(totalling: Units(20), each: Units(4)))

    @Test func contraindicationBlocks() throws {
        let found = F.check(session, patient: F.patient(flags: [.siteInfection]))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.rule == "contraindication.siteInfection")
        #expect(finding.severity == .block)
        #expect(!finding.isOverridden)
        #expect(SafetyChecker.blocking(found) == [finding])
    }

    @Test func overrideWithAReasonUnblocksAndIsKept() throws {
        let at = F.date(F.day0, hour: 11)
        let overridden = try session.overriding(rule: "contraindication.siteInfection", reason: "  healed, seen by GP  ", at: at, by: F.clinician)
        let found = F.check(overridden, patient: F.patient(flags: [.siteInfection]))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.isOverridden)
        #expect(finding.overriddenReason == "healed, seen by GP")
        #expect(finding.override?.at == at)
        #expect(!finding.isBlocking)
        #expect(SafetyChecker.blocking(found).isEmpty)
    }

    @Test func overrideOfOneContraindicationLeavesTheOther() throws {
        let overridden = try session.overriding(rule: "contraindication.siteInfection", reason: "healed", at: F.date(F.day0), by: F.clinician)
        let found = F.check(overridden, patient: F.patient(flags: [.siteInfection, .toxinHypersensitivity]))
        #expect(SafetyChecker.blocking(found).map(\.rule) == ["contraindication.toxinHypersensitivity"])
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func emptyReasonIsRefused(reason: String) {
        #expect(throws: SafetyOverrideError.emptyReason) {
            try session.overriding(rule: "contraindication.siteInfection", reason: reason, at: F.date(F.day0), by: F.clinician)
        }
    }

    @Test func overridingAgainReplacesTheReason() throws {
        let once = try session.overriding(rule: SafetyRule.retreatment, reason: "first", at: F.date(F.day0), by: F.clinician)
        let twice = try once.overriding(rule: SafetyRule.retreatment, reason: "second", at: F.date(F.day0, hour: 12), by: F.clinician)
        #expect(twice.overrides.map(\.reason) == ["second"])
    }

    @Test func signedSessionsAndExpiredLotsCannotBeOverridden() throws {
        let signed = try session.signed(by: F.clinician, at: F.date(F.day0, hour: 12), meaning: "author")
        #expect(throws: SafetyOverrideError.sessionSigned) {
            try signed.overriding(rule: SafetyRule.retreatment, reason: "r", at: F.date(F.day0), by: F.clinician)
        }
        #expect(throws: SafetyOverrideError.notOverridable(rule: SafetyRule.lotExpired)) {
            try session.overriding(rule: SafetyRule.lotExpired, reason: "r", at: F.date(F.day0), by: F.clinician)
        }
    }

    @Test func anticoagulantsIsACautionNeverABlock() throws {
        let found = F.check(session, patient: F.patient(flags: [.anticoagulants]))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.rule == "caution.anticoagulants")
        #expect(finding.severity == .caution)
        #expect(SafetyChecker.blocking(found).isEmpty)
        #expect(finding.note == "typical range, clinician's judgement")
    }

    @Test func labelWarningsAreWarnings() {
        let flags: Set<ClinicalFlag> = [.neuromuscularDisorder, .dysphagiaOrBreathing, .pregnancy, .lactation, .aminoglycosides, .recentOtherToxin]
        let found = F.check(session, patient: F.patient(flags: flags))
        #expect(Set(found.map(\.rule)) == Set(flags.map { "warning.\($0.rawValue)" }))
        #expect(found.allSatisfy { $0.severity == .warning && $0.source.grades == [.label] })
        #expect(found.contains { $0.rule == "warning.pregnancy" && $0.message.contains("insufficient data") })
        #expect(SafetyChecker.blocking(found).isEmpty)
    }

    @Test func findingsAreOrderedBlocksFirst() {
        let found = F.check(session, patient: F.patient(flags: [.anticoagulants, .pregnancy, .toxinHypersensitivity]))
        #expect(found.map(\.severity) == [.block, .warning, .caution])
    }

    @Test func cowsMilkProteinAllergyBlocksDysportOnly() throws {
        let patient = F.patient(flags: [.cowsMilkProteinAllergy])
        let dysport = F.session("d", day: F.day0, points: F.points(totalling: Units(50), region: .procerus, each: Units(10)),
                                product: F.product("dysport"))
        let block = try #require(F.check(dysport, patient: patient).first)
        #expect(block.rule == "contraindication.cowsMilkProteinAllergy")
        #expect(block.severity == .block)
        #expect(block.message.hasPrefix("Cow's-milk protein allergy and abobotulinumtoxinA in this session: the Dysport label contraindicates it"))
        #expect(block.source.text.contains("Dysport"))
        let botox = F.check(session, patient: patient)
        #expect(SafetyChecker.blocking(botox).isEmpty)
        #expect(botox.contains { $0.rule == "caution.cowsMilkProteinAllergy" && $0.message.contains("not in this session") })
    }

    @Test func aNeuromuscularDisorderContraindicatesLetyboPerItsSmPC() {
        let letybo = F.session("l", day: F.day0, points: F.points(totalling: Units(20), each: Units(4)), product: F.product("letybo"))
        let found = F.check(letybo, patient: F.patient(flags: [.neuromuscularDisorder]))
        #expect(SafetyChecker.blocking(found).map(\.rule) == ["contraindication.neuromuscularDisorder"])
        #expect(SafetyChecker.blocking(F.check(session, patient: F.patient(flags: [.neuromuscularDisorder]))).isEmpty)
    }
}
