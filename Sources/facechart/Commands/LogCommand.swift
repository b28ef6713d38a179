import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Prints a patient's change list: every correction, who made it, when, and what it replaced.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print a patient's change list: who changed which field, when, from what to what."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let found = try PatientLookup.find(patient, in: store)
            let (changes, problems) = try UserError.fromStore { () throws(StoreError) in try store.changes(of: found.id) }
            if changes.isEmpty { print("No corrections recorded for this patient.") }
            for change in changes { print(ChangeLogLine.text(change, timeZone: .current)) }
            for problem in problems {
                printError("facechart: \(problem.message)")
            }
        }
    }
}

/// One change as a line: `2026-12-04 10:15  Dr Example  patient dateOfBirth: 1986-04-17 -> 1986-04-18`.
enum ChangeLogLine {
    static func text(_ change: Change, timeZone: TimeZone) -> String {
        func value(_ text: String?) -> String {
            guard let text else { return "(none)" }
            return text.isEmpty ? "(empty)" : "\"\(text)\""
        }
        var line = "\(Format.dateTime(change.at, timeZone: timeZone))  \(change.by)  "
            + "\(change.record.kind) \(change.record.id) \(change.field): \(value(change.from)) -> \(value(change.to))"
        if let reason = change.reason { line += " (reason: \(reason))" }
        return line
    }
}
