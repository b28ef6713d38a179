import FaceChartTestSupport
import Foundation
import Testing

/// `facechart print` and `facechart export` on the demo patient, as a newcomer would run them.
@Suite struct ExportEndToEndTests {
    let folder: TemporaryFolder
    let demo: String

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-export")
        demo = try makeDemoFolder(in: folder)
    }

    /// Whether `name` is on this process's PATH.
    func has(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// Runs a program found on PATH; standard output as text.
    func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Spawn.run("/usr/bin/env", [program] + arguments, environment: ProcessInfo.processInfo.environment)
        return (result.status, String(decoding: result.output + result.errors, as: UTF8.self))
    }

    /// Whether CI runs the tests: a missing tool there is a failure, not a skip.
    var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The demo session's review date: 14 days after the day it was charted, read from its file.
    func demoReviewDate() throws -> String {
        let data = DataFolder(path: demo)
        let file = try #require(data.sessionFiles(of: "demo-patient").first)
        let started = try #require(try data.record(file, kind: "session")["startedAt"] as? String)
        let day = try #require(ISO8601DateFormatter().date(from: String(started.prefix(10)) + "T00:00:00Z"))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: day.addingTimeInterval(14 * 86_400))
    }

    @Test func printingTheDemoGivesATwoPagePDFWithTheFaceAndTheAftercarePage() throws {
        guard has("chromium"), has("pdftotext"), has("pdfinfo") else {
            if isCI { Issue.record("CI must install chromium and poppler-utils (see .ci/run)") }
            return
        }
        let pdf = folder.file("demo.pdf")
        let result = try Runner.facechart(["print", "Demo Patient", "-o", pdf], home: demo)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try DataFolder(path: folder.path).mode("demo.pdf") == 0o600)
        let info = try run("pdfinfo", [pdf])
        #expect(info.output.contains("Pages:           2"), "\(info.output)")
        #expect(info.output.contains("(A4)"), "\(info.output)")
        let text = try run("pdftotext", ["-layout", pdf, "-"]).output
        for expected in ["DEMO-LOT-01", "20 U", try demoReviewDate(), "Treatment record", "After your treatment",
                         "Page 1 of 2", "Page 2 of 2", "FaceChart record demo-glabella", "patient's right"] {
            #expect(text.contains(expected), "the PDF lacks \(expected):\n\(text)")
        }
    }

    @Test func aPNGOfTheAftercareSheetOnLetterPaper() throws {
        guard has("chromium") else {
            if isCI { Issue.record("CI must install chromium (see .ci/run)") }
            return
        }
        let png = folder.file("aftercare.png")
        let result = try Runner.facechart(["print", "demo-patient", "--sheet", "aftercare", "--paper", "letter", "-o", png], home: demo)
        #expect(result.status == 0, "\(result.errors)")
        let bytes = try #require(FileManager.default.contents(atPath: png))
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 816 && height == 1056 + 16, "\(width) x \(height)")
    }

    @Test func withoutChromiumThePDFRequestLeavesTheHTMLAndSaysWhatToDo() throws {
        let result = try Runner.facechart(["print", "demo-patient", "-o", folder.file("record.pdf")], home: demo,
                                          environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1, "\(result.errors)")
        #expect(result.errors.contains("Chromium is not installed") && result.errors.contains("record.html: open it in a browser"))
        let html = try #require(FileManager.default.contents(atPath: folder.file("record.html")))
        #expect(String(decoding: html, as: UTF8.self).contains("<svg class=\"face\""))
        #expect(!FileManager.default.fileExists(atPath: folder.file("record.pdf")))
    }

    @Test func theFHIRExportOfTheDemoValidatesAsR4AndIsStable() throws {
        let first = try Runner.facechart(["export", "fhir", "Demo Patient"], home: demo)
        #expect(first.status == 0, "\(first.errors)")
        #expect(try Runner.facechart(["export", "fhir", "demo-patient", "-o", folder.file("demo.json")], home: demo).status == 0)
        let second = try #require(FileManager.default.contents(atPath: folder.file("demo.json")))
        #expect(String(decoding: second, as: UTF8.self) == first.output, "the same record gives the same bytes")
        guard has("python3"), (try? run("python3", ["-c", "import fhir.resources"]))?.status == 0 else {
            if isCI { Issue.record("CI must install fhir.resources==6.4.0 (see .ci/run)") }
            return
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/validate_fhir.py").path
        let validation = try run("python3", [script, folder.file("demo.json")])
        #expect(validation.status == 0 && validation.output.hasPrefix("ok 1 bundles"), "\(validation.output)")
    }

    @Test func theCSVExportHasOneRowPerPoint() throws {
        let result = try Runner.facechart(["export", "csv"], home: demo)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 5, "\(result.output)")
        #expect(lines[0].hasPrefix("patient_id,session_id,session_started_at,"))
        #expect(!result.output.contains("Demo Patient"))
        let named = try Runner.facechart(["export", "csv", "--patients", "Demo Patient", "--with-identity"], home: demo)
        #expect(named.output.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.isEmpty || $0.contains(",Demo Patient,1986-04-17,") })
    }
}
