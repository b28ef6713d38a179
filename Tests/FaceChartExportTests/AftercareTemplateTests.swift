import FaceChartCore
import FaceChartExport
import FaceChartTestSupport
import Foundation
import Testing

/// The patient's page template, the clinic's settings and the words for treated areas.
@Suite struct AftercareTemplateTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder(prefix: "facechart-print") }

    @Test func aClinicTemplateInTheDataFolderReplacesTheShippedOne() throws {
        try FileManager.default.createDirectory(atPath: folder.file("templates"), withIntermediateDirectories: true)
        try folder.write(Array("<p>Dear {{patientName}}: {{#areas}}[{{area}} {{sides}}]{{/areas}} lot {{#products}}{{lots}}{{/products}} review {{reviewDate}}</p>".utf8),
                         to: "templates/aftercare.mustache")
        let template = try AftercareTemplate.load(dataFolder: folder.path)
        #expect(template.origin == "templates/aftercare.mustache")
        let record = try ExportFixtures.glabellarRecord(patient: SampleRecords.patient(name: "Zoë <O'Neil>"))
        let html = PrintedRecord(
            record: record, views: ExportFixtures.views, clinic: ClinicSettings(), template: template,
            words: try AreaWords.bundled(), productName: ExportFixtures.productName, timeZone: ExportFixtures.utc
        ).html(sheets: .aftercare)
        #expect(html.contains("<p>Dear Zoë &lt;O&#39;Neil&gt;: [between the eyebrows, at the top of the nose centre]"
            + "[frown lines between the eyebrows both sides] lot C1234A review 2024-05-12</p>"))
        #expect(try AftercareTemplate.load(dataFolder: folder.file("elsewhere")).origin == AftercareTemplate.bundledPath)
    }

    @Test(arguments: ["{{{patientName}}}", "{{&patientName}}", "{{=<% %>=}}<%patientName%>", "{{%CONTENT_TYPE:TEXT}}{{patientName}}"])
    func aTemplateThatCouldWriteTextUnescapedIsRefused(text: String) {
        #expect(throws: PrintError.self) { try AftercareTemplate(text: text, origin: "templates/aftercare.mustache") }
    }

    @Test func aBrokenTemplateIsNamedWithItsLine() {
        do {
            _ = try AftercareTemplate(text: "<p>\n{{#areas}}\n{{area}}\n", origin: "templates/aftercare.mustache")
            Issue.record("an unclosed section was accepted")
        } catch {
            #expect(error.message.hasPrefix("templates/aftercare.mustache"), "\(error.message)")
            #expect(error.message.contains("does not parse"))
        }
    }

    @Test func clinicSettingsAreReadAndCheckedByName() throws {
        #expect(try ClinicSettings.load(dataFolder: folder.path) == ClinicSettings())
        try folder.write(Array(#"{"name": "Example Clinic", "phone": "0123", "urgentContact": "111"}"#.utf8), to: "clinic.json")
        let settings = try ClinicSettings.load(dataFolder: folder.path)
        #expect(settings.name == "Example Clinic" && settings.phone == "0123" && settings.urgentContact == "111" && settings.hasContact)
        try folder.write(Array(#"{"name": "Example Clinic", "telephone": "0123"}"#.utf8), to: "clinic.json")
        #expect(throws: PrintError("clinic.json: unknown setting \"telephone\" (known: address, email, identifierSystem, name, phone, urgentContact, website)")) {
            try ClinicSettings.load(dataFolder: folder.path)
        }
        try folder.write(Array(#"{"name": 3}"#.utf8), to: "clinic.json")
        #expect(throws: PrintError("clinic.json: \"name\" must be text")) { try ClinicSettings.load(dataFolder: folder.path) }
        try FileManager.default.removeItem(atPath: folder.file("clinic.json"))
        try FileManager.default.createSymbolicLink(atPath: folder.file("clinic.json"), withDestinationPath: "/etc/passwd")
        #expect(throws: PrintError("clinic.json in the data folder is not a regular file")) { try ClinicSettings.load(dataFolder: folder.path) }
    }

    @Test func treatedAreasInPlainWordsWithTheirSides() throws {
        let words = try AreaWords.bundled()
        func point(_ region: Region, _ side: Side) -> InjectionPoint {
            InjectionPoint(id: RecordID("p")!, view: .anterior, position: FacePoint(x: 0.5, y: 0.5), region: region, side: side,
                           units: Units(2), depth: .intramuscular)
        }
        let areas = words.areas(of: [point(.masseter, .left), point(.frontalis, .midline), point(.frontalis, .right),
                                     point(.frontalis, .left), point(.orbicularisOculiLateral, .right)])
        #expect(areas.map { "\($0.area): \($0.sides)" } == [
            "forehead: centre and both sides", "crow's feet beside the eyes: right side", "jaw muscle: left side",
        ])
    }
}
