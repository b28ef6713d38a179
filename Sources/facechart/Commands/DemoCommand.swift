import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartStore
import Foundation
import Glibc

/// Opens a throwaway data folder holding one demo patient treated two weeks ago.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open a throwaway data folder with a demo patient whose signed session is two weeks old.",
        discussion: "The folder is made under $TMPDIR (or /tmp) and printed; your own data folder is not touched."
    )

    @Flag(help: "Print the demo chart instead of opening the charting screens.")
    var print = false

    func run() throws {
        try reportingErrors {
            let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
            var template = Array("\(base)/facechart-demo-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw UserError("Could not make a demo folder under \(base).") }
            let folder = String(cString: made)
            let store = try UserError.fromStore { () throws(StoreError) in try PatientStore(root: folder) }
            let library = try AssetLibrary.load()
            let (patient, session) = try DemoData.seed(into: store, library: library, now: Date())
            if print || isatty(STDOUT_FILENO) != 1 {
                Swift.print("Demo data folder: \(folder)\n")
                Swift.print(library.printer(patient: patient, session: session).render(width: TerminalWidth.current()).text)
            } else {
                try TerminalLoop.run(store: store, patient: patient.id.rawValue)
                Swift.print("The demo data is in \(folder) (facechart --data-dir \(folder)).")
            }
        }
    }
}
