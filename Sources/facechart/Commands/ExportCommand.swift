import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartExport
import FaceChartStore
import Foundation

/// Records out to other systems: FHIR R4 and CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export records for other systems: FHIR R4 bundles, or CSV with one row per injection point.",
        subcommands: [FHIRExportCommand.self, CSVExportCommand.self]
    )
}

/// `facechart export fhir`: one FHIR R4 transaction Bundle per session.
struct FHIRExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir",
        abstract: "Write each session as a FHIR R4 transaction Bundle (JSON).",
        discussion: """
            One session prints one Bundle. Several sessions print one Bundle per line (NDJSON), or with -o \
            FOLDER one file per session. The same record always gives the same bytes (docs/export.md).
            """
    )

    @OptionGroup var patient: PatientOptions

    @Argument(help: "The session: id or date (YYYY-MM-DD); every session when left out.")
    var session: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "A file for one session, or a folder for several (one <session-id>.json each); standard output when left out.",
        valueName: "path"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let (store, found) = try patient.find()
            let library = try AssetLibrary.load()
            let records = try ExportableRecords.load(found, session: session, from: store, outcomes: library.outcomes, rules: library.rules)
            guard !records.isEmpty else { throw UserError("This patient has no sessions yet.") }
            let clinic = try UserError.fromExport { () throws(PrintError) in try ClinicSettings.load(dataFolder: store.root) }
            let exports = records.map {
                FHIRExport(
                    record: $0, productName: library.productName,
                    identifierSystem: clinic.identifierSystem ?? FHIRExport.defaultIdentifierSystem, timeZone: .current)
            }
            try write(exports)
        }
    }

    private func write(_ exports: [FHIRExport]) throws(UserError) {
        guard let output else {
            if exports.count == 1 {
                print(exports[0].json(), terminator: "")
            } else {
                for export in exports { print(export.line()) }
            }
            return
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isFolder)
        if exports.count == 1, !isFolder.boolValue {
            try UserError.fromExport { () throws(PrintError) in try PrivateFiles.write(Data(exports[0].json().utf8), to: output) }
            return
        }
        if !exists {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw UserError("The folder \(output) cannot be made.")
            }
        } else if !isFolder.boolValue {
            throw UserError("\(output) is a file: several sessions need a folder (one file per session).")
        }
        for export in exports {
            let path = (output as NSString).appendingPathComponent("\(export.record.session.id.rawValue).json")
            try UserError.fromExport { () throws(PrintError) in try PrivateFiles.write(Data(export.json().utf8), to: path) }
        }
    }
}

/// `facechart export csv`: one row per injection point.
struct CSVExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Write every injection point as one CSV row (RFC 4180, UTF-8).",
        discussion: "Names and birth dates are left out unless --with-identity is given (docs/export.md lists the columns)."
    )

    @OptionGroup var data: DataOptions

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only these patients (ids or names); every patient when left out.", valueName: "patient"))
    var patients: [String] = []

    @Flag(help: "Add each patient's name and date of birth.")
    var withIdentity = false

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write; standard output when left out.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingErrors {
            let store = try data.openStore(.viewing)
            let library = try AssetLibrary.load()
            var chosen: [Patient] = []
            if patients.isEmpty {
                let summaries = try UserError.fromStore { () throws(StoreError) in try store.listPatients() }
                for summary in summaries {
                    guard let patient = summary.patient else {
                        FileHandle.standardError.write(Data("facechart: warning: \(summary.problem?.message ?? "a patient cannot be read") (left out)\n".utf8))
                        continue
                    }
                    chosen.append(patient)
                }
            } else {
                for text in patients { chosen.append(try PatientLookup.find(text, in: store)) }
            }
            var records: [SessionRecord] = []
            for patient in chosen { records += try ExportableRecords.load(patient, session: nil, from: store, outcomes: library.outcomes, rules: library.rules) }
            let text = CSVExport(records: records, withIdentity: withIdentity, productName: library.productName).text()
            if let output {
                try UserError.fromExport { () throws(PrintError) in try PrivateFiles.write(Data(text.utf8), to: output) }
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
