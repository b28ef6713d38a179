import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// Whole screens and the printed chart on the real drawings, compared with golden files.
@Suite struct ChartSnapshotTests {
    let views: [ViewKind: FaceView] = [
        .anterior: try! BundledAssets.faceView(.anterior), .posterior: try! BundledAssets.faceView(.posterior),
    ]

    /// The Botox Cosmetic glabellar pattern from the bundled library, with ids p1...p5.
    func glabellarSession() throws -> Session {
        let pattern = try #require(try BundledAssets.patternLibrary().pattern("glabellar-botox-cosmetic"))
        var counter = 0
        var session = SampleRecords.session(points: 0)
        session.points = pattern.points(sides: .both, scale: 1) {
            counter += 1
            return RecordID("p\(counter)")!
        }
        return session
    }

    @Test func printedChartOfAGlabellarSession() throws {
        let printer = ChartPrinter(
            patient: SampleRecords.patient(), session: try glabellarSession(), views: views,
            productName: { $0 == "botox-cosmetic" ? "Botox Cosmetic" : $0 }, timeZone: TimeZone(identifier: "UTC")!)
        let text = printer.render().text
        expectSnapshot(text, named: "printedChartOfAGlabellarSession")
        #expect(text.contains("Total 20 U · R 8 U · L 8 U · M 4 U · R-L even · 0.50 mL"))
    }

    @Test func printedChartOfAGlabellarSessionInASCII() throws {
        let printer = ChartPrinter(
            patient: SampleRecords.patient(), session: try glabellarSession(), views: views,
            productName: { $0 == "botox-cosmetic" ? "Botox Cosmetic" : $0 }, timeZone: TimeZone(identifier: "UTC")!, glyphs: .ascii)
        let text = printer.render().text
        expectSnapshot(text, named: "printedChartOfAGlabellarSessionInASCII")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("* IM intramuscular"))
        #expect(text.contains("Total 20 U | R 8 U | L 8 U | M 4 U | R-L even | 0.50 mL"))
    }
}
