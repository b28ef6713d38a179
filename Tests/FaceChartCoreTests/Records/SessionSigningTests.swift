import FaceChartCore
import FaceChartTestSupport
import Testing

@Suite struct SessionSigningTests {
    /// The canonical digest of `SampleRecords.session()`: pinned, so that any change to what a signature
    /// covers, or to how it is serialised, shows here before it breaks signed records.
    static let pinnedDigest = "4f93284cf422f444312383c3ac33dc4858ecb91e7f9fa659a757b89a023788c3"

    @Test func theDigestOfAKnownSessionIsPinned() throws {
        #expect(try SampleRecords.session().contentDigest() == Self.pinnedDigest)
    }

    @Test func signingNamesTheAlgorithmAndStatusAddendaAndVoidAreNotCovered() throws {
        let draft = SampleRecords.session()
        let signed = SampleRecords.signed(draft)
        let signature = try #require(signed.signature)
        #expect(signature.digest == Signature.Digest(algorithm: "SHA-256/RFC8785", value: Self.pinnedDigest))
        #expect(signature.migratedFrom == nil)
        #expect(signed.signatureIsIntact)
        let amended = try signed.addingAddendum("Bruise at p0.", by: SampleRecords.clinician, at: .utc(1_800_000_000))
        #expect(amended.signatureIsIntact)
        #expect(try amended.contentDigest() == Self.pinnedDigest)
    }

    @Test(arguments: [
        { (session: inout Session) in session.points[0].units = Units(hundredths: 126) },
        { (session: inout Session) in session.vials[0].lot = "C1234B" },
        { (session: inout Session) in session.notes += "." },
        { (session: inout Session) in session.startedAt = session.startedAt.adding(seconds: 0.001) },
        { (session: inout Session) in session.clinician.role = nil },
        { (session: inout Session) in session.overrides.removeAll() },
        { (session: inout Session) in session.indication.key = "forehead-lines" },
    ] as [@Sendable (inout Session) -> Void])
    func anyChangeToTheSignedContentBreaksTheSignature(change: @Sendable (inout Session) -> Void) {
        var edited = SampleRecords.signed(SampleRecords.session())
        change(&edited)
        #expect(!edited.signatureIsIntact)
    }

    @Test func aSignatureOfAnUnknownAlgorithmNeverPassesAsIntact() throws {
        var signed = SampleRecords.signed(SampleRecords.session())
        guard case .signed(var signature) = signed.status else { Issue.record("expected a signature"); return }
        signature.digest.algorithm = SessionDigest.format1
        signed.status = .signed(signature)
        #expect(!signed.signatureIsIntact)
    }

    @Test func anEncodingFailureIsAnErrorNeverAnEmptyDigest() {
        var session = SampleRecords.session()
        session.startedAt = Timestamp(milliseconds: -5_000_000_000_000, utcOffsetSeconds: 0)  // 1811
        #expect(throws: ValidationError.cannotEncode("the session")) { try session.contentDigest() }
        #expect(throws: ValidationError.cannotEncode("the session")) {
            try session.signed(by: SampleRecords.clinician, at: .utc(1_800_000_000), meaning: "author")
        }
    }

    @Test func onlyADraftIsSignedOrVoided() throws {
        let draft = SampleRecords.session()
        let voided = try draft.voided(reason: "charted on the wrong patient", by: SampleRecords.clinician, at: .utc(1_800_000_000))
        #expect(voided.isVoided && !voided.isTreatment)
        #expect(voided.voiding?.reason == "charted on the wrong patient")
        #expect(throws: ValidationError.notADraft("voided")) {
            try voided.signed(by: SampleRecords.clinician, at: .utc(1_800_000_000), meaning: "author")
        }
        #expect(throws: ValidationError.signedSessionIsReadOnly) {
            try SampleRecords.signed(draft).voided(reason: "x", by: SampleRecords.clinician, at: .utc(1_800_000_000))
        }
        #expect(throws: ValidationError.emptyField("The reason for voiding")) {
            try draft.voided(reason: "  ", by: SampleRecords.clinician, at: .utc(1_800_000_000))
        }
    }
}
