import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// The `facechart` binary's commands run to completion, with no terminal.
@Suite struct CommandLineEndToEndTests {
    let folder: TemporaryFolder
    let data: DataFolder

    init() throws {
        folder = try TemporaryFolder(prefix: "facechart-e2e-cli")
        data = DataFolder(path: folder.path + "/data")
    }

    @Test func versionPrintsAVersion() throws {
        let result = try Runner.facechart(["--version"], home: data.path)
        #expect(result.status == 0)
        #expect(result.output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(result.output)")
    }

    @Test func helpListsTheSubcommands() throws {
        let result = try Runner.facechart(["--help"], home: data.path)
        #expect(result.status == 0)
        for command in ["chart", "patients", "add-patient", "show", "demo"] {
            #expect(result.output.contains("  \(command)"), "\(command) missing from:\n\(result.output)")
        }
    }

    @Test func addPatientPrintsAnIDAndSavesAPrivateRecord() throws {
        let result = try Runner.facechart(["add-patient", "Zoë Ångström", "--born", "1980-05-02", "--sex", "female"], home: data.path)
        #expect(result.status == 0, "\(result.errors)")
        let id = result.output.trimmingCharacters(in: .newlines)
        #expect(id.range(of: #"^[A-Za-z0-9_-]{1,64}$"#, options: .regularExpression) != nil, "\(result.output)")
        #expect(data.patientIDs() == [id])
        let record = try data.record("patients/\(id)/patient.json", kind: "patient")
        #expect(record["name"] as? String == "Zoë Ångström")
        #expect(record["dateOfBirth"] as? String == "1980-05-02")
        #expect(try data.mode("patients/\(id)/patient.json") == 0o600)
        for folder in ["", "patients", "patients/\(id)", "patients/\(id)/sessions"] {
            #expect(try data.mode(folder) == 0o700, "mode of '\(folder)'")
        }
        let list = try Runner.facechart(["patients"], home: data.path)
        #expect(list.status == 0)
        #expect(list.output.contains(id) && list.output.contains("Zoë Ångström") && list.output.contains("1980-05-02"))
    }

    @Test func templatesListEveryLimitByIngredientWithItsSource() throws {
        let result = try Runner.facechart(["templates"], home: data.path)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Safety limits by active ingredient") })
        for ingredient in ["onabotulinumtoxinA", "abobotulinumtoxinA", "incobotulinumtoxinA", "prabotulinumtoxinA",
                           "daxibotulinumtoxinA", "letibotulinumtoxinA"] {
            #expect(lines[start...].contains { $0.hasPrefix(ingredient + " (") }, "\(ingredient) heading")
        }
        // Each limit line is followed by its grade and source.
        let limits = lines.indices.filter { $0 > start && lines[$0].hasPrefix("  ") && !lines[$0].hasPrefix("    ") }
        #expect(limits.count > 30)
        for index in limits {
            #expect(lines[index + 1].range(of: #"^      [LPW?/]+: \S"#, options: .regularExpression) != nil, "\(lines[index])")
        }
        #expect(result.output.contains("  block: at most 400 U in any 90 days\n      L: Botox"))
        #expect(result.output.contains("  block: at most 1 mL per site\n      L: dysporthcp.com"))
    }

    @Test(arguments: ["1999-13-01", "2999-01-01", "yesterday"])
    func aBadBirthDateIsRefusedWithoutWritingAnything(born: String) throws {
        let result = try Runner.facechart(["add-patient", "No One", "--born", born], home: data.path)
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        let errorLines = result.errorLines.filter { $0.hasPrefix("Error:") }
        #expect(errorLines.count == 1, "\(result.errors)")
        #expect(errorLines.first?.contains("--born '\(born)'") == true, "\(result.errors)")
        #expect(!result.errors.looksLikeACrash)
        #expect(data.patientIDs().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: data.path), "nothing at all is written")
    }

    @Test func showPrintsTheDemoChart() throws {
        let demo = try makeDemo()
        let result = try Runner.facechart(["show", "Demo Patient"], home: demo)
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        // The face grid: the brow row carries R on the screen's left and L on its right.
        #expect(lines.contains { $0.hasPrefix(" R      |") && $0.dropFirst(39).hasPrefix("L") }, "\(result.output)")
        #expect(result.output.contains("Legend"))
        #expect(result.output.contains("● IM intramuscular"))
        #expect(result.output.contains("R/L: the patient's sides"))
        #expect(result.output.contains("Total 20 U in 5 points = 0.50 mL"))
        #expect(result.output.contains("Total 20 U · R 8 U · L 8 U · M 4 U"))
        #expect(lines.filter { $0.contains(" Corrugator ") && $0.contains(" IM ") }.count == 4)
        #expect(lines.filter { $0.contains(" Procerus ") && $0.contains(" IM ") }.count == 1)
    }

    @Test func showOfAnUnknownPatientFailsWithOneLine() throws {
        let demo = try makeDemo()
        let result = try Runner.facechart(["show", "Nobody Here"], home: demo)
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        #expect(result.errorLines.count == 1, "\(result.errors)")
        #expect(result.errors.hasPrefix("facechart: No patient with that id or name"))
        #expect(!result.errors.looksLikeACrash)
    }

    /// The patient's only session is cut short: `show` names the file once and says there is nothing
    /// to show; `patients` still lists the patient with the problem. The file is left as it is.
    @Test func aCorruptOnlySessionIsNamedAndLeftAsItIs() throws {
        let demo = try makeDemo()
        let demoData = DataFolder(path: demo)
        let sessionFile = try #require(demoData.sessionFiles(of: "demo-patient").first)
        let original = try #require(demoData.bytes(sessionFile))
        let corrupt = original.prefix(original.count / 2)  // cut short mid-record
        try corrupt.write(to: URL(fileURLWithPath: demo + "/" + sessionFile))

        let result = try Runner.facechart(["show", "demo-patient"], home: demo)
        #expect(result.status == 1)
        #expect(result.errorLines.filter { $0.contains(sessionFile) }.count == 1, "named once: \(result.errors)")
        #expect(result.errors.contains("the file is cut short"))
        #expect(result.errorLines.last?.contains("sessions can be read") == true, "\(result.errors)")
        #expect(!result.errors.contains(demo), "the path is relative to the data folder")
        #expect(!result.errors.looksLikeACrash)
        #expect(demoData.bytes(sessionFile) == Data(corrupt))
        // Listing patients still works, shows the problem, and still leaves the file alone.
        let list = try Runner.facechart(["patients"], home: demo)
        #expect(list.status == 0)
        #expect(list.output.contains("1 file not used"), "\(list.output)")
        #expect(demoData.bytes(sessionFile) == Data(corrupt))
    }

    @Test func chartWithoutATerminalExitsWithOneLine() throws {
        let result = try Runner.facechart([], home: data.path, environment: ["TERM": "xterm-256color"])
        #expect(result.status == 1)
        #expect(result.errorLines.count == 1, "\(result.errors)")
        #expect(result.errors.contains("terminal"))
        #expect(!result.errors.looksLikeACrash)
        #expect(result.output.isEmpty, "no escape sequences written to a non-terminal")
    }

    private func makeDemo() throws -> String { try makeDemoFolder(in: folder) }
}
