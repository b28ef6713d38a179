import FaceChartCore
import FaceChartExport
import FaceChartTestSupport
import Foundation
import Testing

/// The CSV export: one RFC 4180 row per point, identity only on request, formulas neutralised.
@Suite struct CSVExportTests {
    func csv(_ records: [SessionRecord], identity: Bool = false) -> String {
        CSVExport(records: records, withIdentity: identity, productName: ExportFixtures.productName).text()
    }

    @Test func oneRowPerPointWithoutIdentityByDefault() throws {
        let treatment = try ExportFixtures.glabellarRecord(patient: SampleRecords.patient(name: "Ada, \"Lovelace\""))
        let text = csv([treatment, ExportFixtures.topUpRecord(of: treatment)])
        #expect(!text.contains("Ada") && !text.contains("1980-02-29"))
        let rows = try parse(text)
        #expect(rows.count == 1 + 5 + 2)
        #expect(Set(rows.map(\.count)).count == 1, "every row has every column")
        let header = rows[0]
        let row = Dictionary(uniqueKeysWithValues: zip(header, rows[2]))
        #expect(row["session_started_at"] == "2024-04-28T17:56:40.123+05:30")
        #expect(row["units"] == "4" && row["unit_scale"] == "onabotulinumtoxinA" && row["volume_ml"] == "0.1")
        #expect(row["lot"] == "C1234A" && row["product"] == "Botox Cosmetic" && row["point_number"] == "2")
        #expect(row["note"] == "medial, \"deep\" & firm <b>")
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n")
            || text.contains("\"Lot"), "records end in CRLF")
    }

    @Test func identityOnRequest() throws {
        let record = try ExportFixtures.glabellarRecord(patient: SampleRecords.patient(name: "Ada, \"Lovelace\""))
        let rows = try parse(csv([record], identity: true))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["patient_name"] == "Ada, \"Lovelace\"" && row["patient_birth_date"] == "1980-02-29")
    }

    @Test(arguments: ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
    func cellsASpreadsheetWouldRunAreNeutralised(cell: String) throws {
        var record = try ExportFixtures.glabellarRecord()
        record.session.points[0].note = cell
        let rows = try parse(csv([record]))
        let note = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))["note"]
        #expect(note == "'" + cell)
    }

    @Test func controlCharactersNeverReachTheFile() throws {
        var record = try ExportFixtures.glabellarRecord(patient: SampleRecords.patient(name: "Eve\u{1B}[2J\u{9B}31m"))
        record.session.points[0].note = "\u{1B}]0;title\u{7}x"
        let text = csv([record], identity: true)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        let rows = try parse(text)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["patient_name"] == "Eve[2J31m" && row["note"] == "]0;titlex")
    }

    /// Reads the CSV with Python's csv module when it is there (an independent reader), else with a
    /// strict RFC 4180 reader of our own.
    func parse(_ text: String) throws -> [[String]] {
        if ExportFixtures.hasProgram("python3") {
            let script = "import csv,json,sys,io; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))"
            let result = try ExportFixtures.run("python3", ["-c", script], input: Data(text.utf8))
            try #require(result.status == 0, "\(result.output)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String]])
        }
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.unicodeScalars.append(characters.removeFirst()) } else { quoted = false }
                } else { cell.unicodeScalars.append(character) }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(cell)
                cell = ""
            } else if character == "\r", characters.first == "\n" {
                characters.removeFirst()
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(character)
            }
        }
        return rows
    }
}
