import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartExport
import FaceChartStore
import Foundation

extension PrintedRecord.Sheets: ExpressibleByArgument {}
extension PrintedRecord.Paper: ExpressibleByArgument {}

/// Prints a session as a record sheet with the face and its points, and an aftercare sheet for the patient.
struct PrintCommand: ParsableCommand {
    enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
        case html, pdf, png
    }

    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Write a session's record and the patient's aftercare sheet as HTML, PDF or PNG.",
        discussion: """
            The HTML file is self-contained: open it in any browser and print it. PDF and PNG are made with \
            headless Chromium when it is installed (FACECHART_CHROMIUM names another browser program). The \
            clinic's details come from clinic.json in the data folder, and the aftercare sheet from \
            templates/aftercare.mustache there when the clinic has its own (docs/export.md).
            """
    )

    @OptionGroup var patient: PatientOptions

    @Argument(help: "The session: id or date (YYYY-MM-DD); the latest when left out.")
    var session: String?

    @Option(help: "Which pages: record (the clinician's), aftercare (the patient's) or both.")
    var sheet: PrintedRecord.Sheets = .both

    @Option(help: "html, pdf or png; taken from the output file's extension when left out, else html.")
    var format: OutputFormat?

    @Option(help: "a4 or letter.")
    var paper: PrintedRecord.Paper = .a4

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    func run() throws {
        try reportingErrors {
            let (store, found) = try patient.find()
            let library = try AssetLibrary.load()
            let record = try ExportableRecords.one(found, session: session, from: store, outcomes: library.outcomes, rules: library.rules)
            let printed = try UserError.fromExport { () throws(PrintError) in
                PrintedRecord(
                    record: record, views: library.views, clinic: try ClinicSettings.load(dataFolder: store.root),
                    template: try AftercareTemplate.load(dataFolder: store.root), words: try AreaWords.bundled(),
                    productName: library.productName, timeZone: .current)
            }
            let html = printed.html(sheets: sheet, paper: paper)
            let chosen = format ?? OutputFormat(rawValue: (output as NSString).pathExtension.lowercased()) ?? .html
            if chosen == .html {
                try UserError.fromExport { () throws(PrintError) in try PrivateFiles.write(Data(html.utf8), to: output) }
                return
            }
            guard let chromium = ChromiumRenderer.find() else {
                let htmlPath = ((output as NSString).deletingPathExtension) + ".html"
                try UserError.fromExport { () throws(PrintError) in try PrivateFiles.write(Data(html.utf8), to: htmlPath) }
                throw UserError("Chromium is not installed, so no \(chosen.rawValue.uppercased()) was made. The record is in "
                    + "\(htmlPath): open it in a browser and print it (or install chromium and run this again).")
            }
            let size = printed.screenSize(sheets: sheet, paper: paper)
            let bytes = try UserError.fromExport { () throws(PrintError) in
                try chromium.render(html: html, as: chosen == .pdf ? .pdf : .png(width: size.width, height: size.height))
            }
            try UserError.fromExport { () throws(PrintError) in try PrivateFiles.write(bytes, to: output) }
        }
    }
}
