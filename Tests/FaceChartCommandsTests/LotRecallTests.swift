import FaceChartCommands
import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct LotRecallOutputTests {
    let names = ["botox-cosmetic": "Botox Cosmetic"]

    func use(_ lot: String, patient: String, session: String, day: Double, units: Int) -> LotUse {
        LotUse(
            patient: RecordID(patient)!, patientName: patient == "p-x" ? nil : "Name of \(patient)", session: RecordID(session)!,
            startedAt: Date(timeIntervalSince1970: 1_795_000_000 + day * 86_400), product: "botox-cosmetic", lot: lot,
            expiry: CalendarDate(year: 2027, month: 6, day: 30), units: Units(units), file: "patients/\(patient)/sessions/\(session).json")
    }

    var report: LotUseReport {
        LotUseReport(uses: [
            use("C1234", patient: "p-a", session: "s1", day: 0, units: 20),
            use("C1234", patient: "p-b", session: "s2", day: 1, units: 12),
            use("Z9", patient: "p-x", session: "s3", day: 2, units: 4),
        ], problems: [])
    }

    @Test func everyLotIsSummedOnceWithItsPatientsAndSessions() {
        let output = LotRecall.output(report, problems: [], lot: nil, productName: { names[$0] ?? $0 })
        #expect(output.lines == [
            "Lot    Product         Expiry      Units  Patients  Sessions  First use   Last use",
            "C1234  Botox Cosmetic  2027-06-30     32         2         2  2026-11-18  2026-11-19",
            "Z9     Botox Cosmetic  2027-06-30      4         1         1  2026-11-20  2026-11-20",
        ])
        #expect(output.warnings.isEmpty)
        #expect(output.failure == nil)
    }

    @Test func oneLotListsEveryDoseWithTotalsAndNamesAnUnreadablePatient() {
        let output = LotRecall.output(report, problems: [], lot: " c1234 ", productName: { names[$0] ?? $0 })
        #expect(output.lines.first == "Lot C1234")
        #expect(output.lines.count == 5)
        #expect(output.lines.last == "Total: 32 U of Botox Cosmetic to 2 patients in 2 sessions")
        let unread = LotRecall.output(report, problems: [], lot: "Z9", productName: { names[$0] ?? $0 })
        #expect(unread.lines[2].contains("(patient file unreadable)"))
    }

    @Test func aLotNoSessionUsedFailsAndSaysWhenFilesWereNotRead() {
        #expect(LotRecall.output(report, problems: [], lot: "NOPE", productName: { $0 }).failure == UserError("No session used lot NOPE."))
        let damaged = LotUseReport(uses: [], problems: [])
        let unread = [StoreError.notFound(file: "patients/p-a/patient.json").message]
        let output = LotRecall.output(damaged, problems: unread, lot: "NOPE", productName: { $0 })
        #expect(output.warnings == [StoreError.notFound(file: "patients/p-a/patient.json").message])
        #expect(output.failure == UserError(
            "No session used lot NOPE, but 1 file could not be read (listed above), so one may have."))
        let listing = LotRecall.output(damaged, problems: unread, lot: nil, productName: { $0 })
        #expect(listing.lines == ["No lots recorded yet.", "Incomplete: 1 file could not be read (listed on standard error)."])
    }
}

@Suite struct PatternListingTests {
    /// A one-site pattern of 4 U, labelled from the label.
    func pattern(key: String, name: String) -> TreatmentPattern {
        TreatmentPattern(
            key: key, name: name, indication: SampleRecords.glabellarLines, products: ["botox-cosmetic"], totalUnits: Units(4),
            siteCount: 1, source: Source(grade: .label, reference: "label"),
            sites: [PatternSite(view: .anterior, x: 0.5, y: 0.3, region: .procerus, side: .midline, units: Units(4), depth: .intramuscular)])
    }

    @Test func builtInPatternsThenTheUsersOwnWithAKeyClashNoted() {
        let builtIn = pattern(key: "glabellar-botox-cosmetic", name: "Glabellar lines")
        let own = pattern(key: "glabellar-botox-cosmetic", name: "My glabella")
        let output = PatternListing.output(
            builtIn: [builtIn], saved: ([own], [.notFound(file: "patterns/x.json")]), folder: "/data/patterns",
            productName: { $0 == "botox-cosmetic" ? "Botox Cosmetic" : $0 })
        #expect(output.lines[0] == "Built-in patterns")
        #expect(output.lines[1].hasPrefix("Key"))
        #expect(output.lines[2].hasPrefix("glabellar-botox-cosmetic  Glabellar lines  aesthetic  Botox Cosmetic"))
        #expect(output.lines[3] == "")
        #expect(output.lines[4] == "Your patterns (/data/patterns)")
        #expect(output.lines[6].hasPrefix("glabellar-botox-cosmetic  My glabella"))
        #expect(output.lines[7] == "Note: your pattern glabellar-botox-cosmetic has the key of a built-in pattern.")
        #expect(output.lines[8] == "Incomplete: 1 pattern file(s) could not be read (listed on standard error).")
        #expect(output.warnings.count == 1)
    }

    @Test func noPatternsOfYourOwnSaysSo() {
        let output = PatternListing.output(
            builtIn: [pattern(key: "g", name: "G")], saved: ([], []), folder: "/p", productName: { $0 })
        #expect(output.lines.suffix(2) == ["Your patterns (/p)", "None saved yet."])
    }
}
