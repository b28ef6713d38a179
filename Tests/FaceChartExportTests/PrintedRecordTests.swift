import FaceChartCore
import FaceChartExport
import FaceChartTestSupport
import Foundation
import Testing

/// The printed record: the HTML as a whole, its drawing, its escaping, its totals.
@Suite struct PrintedRecordTests {
    func printed(_ record: SessionRecord, clinic: ClinicSettings = ClinicSettings()) throws -> PrintedRecord {
        PrintedRecord(
            record: record, views: ExportFixtures.views, clinic: clinic, template: try AftercareTemplate.bundled(),
            words: try AreaWords.bundled(), productName: ExportFixtures.productName, timeZone: ExportFixtures.utc)
    }

    @Test func theRecordAndAftercareSheetsOfAGlabellarSession() throws {
        let clinic = ClinicSettings(name: "Example Skin Clinic", phone: "+44 20 7946 0000", urgentContact: "NHS 111")
        let html = try printed(try ExportFixtures.glabellarRecord(), clinic: clinic).html(sheets: .both, paper: .a4)
        expectSnapshot(html, named: "glabellarRecordBothSheetsA4.html")
        for expected in [
            "C1234A", "2027-06-30", "2.5 mL", "4 U/0.1 mL", "20 U", "0.50", "Dr Example (dermatologist)",
            "Signed by Dr Example (dermatologist) on 2024-04-28 18:26", "Second line of the addendum",
            "interval</strong> overridden", "Bruising, right, mild, from day 1: settled",
            "on or after 2024-05-12", "not before 2024-07-27", "Example Skin Clinic", "NHS 111", "size: A4",
        ] {
            #expect(html.contains(expected), "missing \(expected)")
        }
    }

    @Test func letterPaperAndOneSheet() throws {
        let record = try ExportFixtures.glabellarRecord()
        let html = try printed(record).html(sheets: .aftercare, paper: .letter)
        #expect(html.contains("size: letter"))
        #expect(!html.contains("Treatment record"))
        #expect(html.contains("After your treatment"))
        #expect(html.contains("frown lines between the eyebrows: both sides"))
        let recordOnly = try printed(record).html(sheets: .record, paper: .a4)
        #expect(recordOnly.contains("Treatment record") && !recordOnly.contains("After your treatment"))
    }

    @Test func recordTextIsEscapedEverywhere() throws {
        let hostile = "<script>alert('x')</script> & \"Bobby\"\u{1B}[2J"
        var record = try ExportFixtures.glabellarRecord(patient: SampleRecords.patient(name: hostile))
        record.session.notes = "</p><img src=x onerror=alert(1)>"
        record.session.clinician = Clinician(name: "<b>Dr</b>", role: "<i>")
        record.session.overrides[0].reason = "<svg onload=alert(2)>"
        let html = try printed(record, clinic: ClinicSettings(name: "<script>clinic</script>")).html()
        for raw in ["<script>", "<img", "<svg onload", "<b>Dr", "<i>)"] {
            #expect(!html.contains(raw), "\(raw) reached the document")
        }
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bobby&quot;[2J"))
        #expect(!html.unicodeScalars.contains { $0.value == 0x1B })
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;script&gt;clinic&lt;/script&gt;"))
    }

    @Test func eachPointIsANumberedMarkerAtItsPosition() throws {
        let record = try ExportFixtures.glabellarRecord()
        let html = try printed(record).html(sheets: .record)
        let markers = html.components(separatedBy: "<g class=\"marker\"").dropFirst()
        #expect(markers.count == record.session.points.count)
        for (number, point) in record.numberedPoints {
            let marker = try #require(markers.first { $0.hasPrefix(" data-point=\"\(number)\"") })
            let x = point.position.x * 410, y = point.position.y * 420
            let circle = try #require(marker.range(of: #"cx="([0-9.]+)" cy="([0-9.]+)""#, options: .regularExpression))
            let numbers = marker[circle].split(separator: "\"").compactMap { Double($0) }
            #expect(abs(numbers[0] - x) < 40 && abs(numbers[1] - y) < 40, "marker \(number) far from its point")
            #expect(marker.contains(">\(number)</text>") && marker.contains(">\(point.units) U</text>"))
        }
        #expect(html.contains("R · patient&#39;s right") && html.contains("L · patient&#39;s left"))
        #expect(html.components(separatedBy: "<svg class=\"face\"").count == 2, "only the view used is drawn")
    }

    @Test func markersOnOnePositionDoNotCoverEachOther() throws {
        var record = try ExportFixtures.glabellarRecord()
        for index in record.session.points.indices { record.session.points[index].position = FacePoint(x: 0.5, y: 0.3) }
        let html = try printed(record).html(sheets: .record)
        let centres = html.matches(of: #/<circle cx="([0-9.]+)" cy="([0-9.]+)"/#).map { (Double($0.1)!, Double($0.2)!) }
        #expect(centres.count == 5)
        for (index, first) in centres.enumerated() {
            for second in centres[(index + 1)...] {
                #expect(hypot(first.0 - second.0, first.1 - second.1) >= 16, "\(first) overlaps \(second)")
            }
        }
    }

    @Test func unitsOfDifferentIngredientsAreTotalledApart() throws {
        let record = ExportFixtures.topUpRecord(of: try ExportFixtures.glabellarRecord())
        let totals = record.totals
        #expect(totals.map(\.ingredient) == ["onabotulinumtoxinA", "abobotulinumtoxinA"])
        #expect(totals[0].total.units == Units(hundredths: 250) && totals[1].total.units == Units(20))
        #expect(abs(totals[1].total.millilitres - 0.1) < 1e-9, "20 U of 300 U in 1.5 mL is 0.10 mL")
        let html = try printed(record).html(sheets: .both)
        #expect(html.contains("Totals: Botox Cosmetic (onabotulinumtoxinA units)"))
        #expect(html.contains("Totals: Dysport (abobotulinumtoxinA units)"))
        #expect(html.contains("Top-up of</th><td>the treatment of 2024-04-28"))
        #expect(html.contains("A top-up of your treatment of 2024-04-28"))
        #expect(html.components(separatedBy: "<svg class=\"face\"").count == 3, "both views are used")
        #expect(html.contains("Draft: not signed"))
    }

    @Test func thePNGWindowGrowsWithALongRecord() throws {
        var record = try ExportFixtures.glabellarRecord()
        record.review = nil
        record.session.addenda = []
        record.session.overrides = []
        record.session.notes = ""
        var long = record
        long.session.points = (0..<80).map { index in
            var point = record.session.points[index % 5]
            point.id = RecordID("q\(index)")!
            return point
        }
        let short = try printed(record).screenSize(sheets: .both, paper: .a4)
        #expect(short == (794, (1123 + 16) * 2))
        #expect(try printed(long).screenSize(sheets: .both, paper: .a4).height > short.height + 1000)
    }
}
