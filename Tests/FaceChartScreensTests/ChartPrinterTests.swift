import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartTestSupport
import FaceChartUI
import Foundation
import Testing

/// `facechart show`: the whole record, wrapped to any width, never cut.
@Suite struct ChartPrinterTests {
    let views: [ViewKind: FaceView] = [
        .anterior: try! BundledAssets.faceView(.anterior), .posterior: try! BundledAssets.faceView(.posterior),
    ]
    static let longAddendum = "Checked the vial box after the patient left: the lot printed on the carton, "
        + "C1234A-EXTRA-LONG-BATCH-IDENTIFIER-THAT-GOES-ON-AND-ON, matches the record.\nA second paragraph ends here: END."

    /// A signed session on two vials with an override, two addenda (one long), a review, and a top-up link.
    func printer() throws -> ChartPrinter {
        var session = SampleRecords.session(points: 12)
        session.vials[1].lot = "LOT-WITH-A-VERY-LONG-NAME-0123456789"
        session.link = Session.Link(kind: .topUp, session: RecordID("first-treatment")!)
        session = SampleRecords.signed(session)
        session = try session.addingAddendum(Self.longAddendum, by: SampleRecords.clinician, at: session.startedAt.adding(seconds: 4_000))
        session = try session.addingAddendum("Short one.", by: Clinician(name: "Nurse Two"), at: session.startedAt.adding(seconds: 5_000))
        var treatment = SampleRecords.session(id: "first-treatment", startedAt: session.startedAt.adding(seconds: -14 * 86_400))
        treatment.points = []
        let review = Review(
            patient: session.patient, session: session.id, createdAt: session.startedAt.adding(seconds: 86_400),
            clinician: Clinician(name: "Dr Reviewer"),
            outcomes: [RegionOutcome(region: .procerus, wrinklesAtRest: 1, wrinklesAtMaximum: 2, symmetry: .leftHigher, satisfaction: 4)],
            sideEffects: [ObservedSideEffect(effect: .browPtosis, side: .left, severity: .moderate, onsetDay: 5, note: "improving")],
            notes: "Review note.")
        return ChartPrinter(
            patient: SampleRecords.patient(), session: session, views: views, timeZone: TimeZone(identifier: "UTC")!,
            review: review, toppedUp: treatment)
    }

    @Test(arguments: [41, 50, 60, 79, 80, 120, 200])
    func noLineIsWiderThanTheWidthAndNothingIsCut(width: Int) throws {
        let text = try printer().render(width: width).text
        let lines = text.components(separatedBy: "\n")
        for line in lines { #expect(ColumnWidth.of(line) <= width, "\(ColumnWidth.of(line)) columns: \(line)") }
        let flowing = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let unbroken = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        for paragraph in Self.longAddendum.components(separatedBy: "\n") {
            for word in paragraph.split(separator: " ") {
                #expect(flowing.contains(word) || unbroken.contains(word), "\(word) lost at width \(width)")
            }
        }
        #expect(unbroken.contains("LOT-WITH-A-VERY-LONG-NAME-0123456789"))
        #expect(text.contains("END."))
    }

    @Test func theWholeRecordIsThere() throws {
        let text = try printer().render(width: 100).text
        for expected in [
            "Top-up of the treatment of 2024-04-14 (session first-treatment)",
            "Vial v1: botox-cosmetic (onabotulinumtoxinA) lot C1234A exp 2027-06-30 · 100 U in 2.5 mL (4 U/0.1", "mL) · mixed 2024-04-28 16:56",
            "Vial v2: botox-cosmetic (onabotulinumtoxinA) lot LOT-WITH-A-VERY-LONG-NAME-0123456789",
            "Signed by Dr Example (dermatologist) 2024-04-28 18:26: author",
            "interval overridden 2024-04-28 17:57 by Dr Example (dermatologist): top-up",
            "Review 2024-04-29 17:56 by Dr Reviewer", "Procerus: rest 1/3 · max 2/3 · L higher · satisfaction 4/5",
            "Brow ptosis, left, moderate, from day 5: improving", "Review note.",
            "1. 2024-04-28 19:03 Dr Example (dermatologist): Checked the vial box", "2. 2024-04-28 19:20 Nurse Two: Short one.",
            "Notes: Tolerated well.", "note: note 0", "Posterior",
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func aNarrowWidthPutsTheLegendUnderTheGridAndListsPointsOnePerEntry() throws {
        let text = try printer().render(width: 50).text
        let lines = text.components(separatedBy: "\n")
        let legend = try #require(lines.firstIndex { $0.hasPrefix("Legend") })
        let lastGridRow = try #require(lines.lastIndex { $0.contains("'--.") })
        #expect(legend > lastGridRow, "the legend comes after the drawings")
        #expect(lines.contains { $0.hasPrefix("1. Frontalis R 1.25 U ID") })
    }

    @Test func linesOfRecordTextStayLines() throws {
        let text = try printer().render(width: 120).text
        #expect(text.contains("matches the record.\n   A second paragraph ends here: END."))
    }
}
