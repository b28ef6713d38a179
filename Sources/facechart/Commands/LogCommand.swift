import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartSync
import FaceChartUI
import Foundation

/// The audit trail of one patient: every correction in the change list and every checkpoint in the
/// history, each with the chair it was made on.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print who changed what and when for a patient: every correction and every checkpoint, with its chair.",
        discussion: "Commits signed with a chair's ssh key say whether the signature is good."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let found = try PatientLookup.find(patient, in: store)
            let (changes, problems) = try UserError.fromStore { () throws(StoreError) in try store.changes(of: found.id) }
            var history: History?
            if let reason = HistoryWiring.offReason {
                printError("facechart: \(reason) The change list alone follows.")
            } else {
                history = try HistoryWiring.history(of: store)
            }
            let entries: [AuditLog.Entry]
            do throws(SyncError) {
                entries = try AuditLog(history: history).entries(patient: found.id, changes: changes)
            } catch {
                throw UserError(error.message)
            }
            if entries.isEmpty { print("No corrections recorded for this patient.") }
            for entry in entries { print(Self.line(entry)) }
            for problem in problems {
                printError("facechart: \(problem.message)")
            }
        }
    }

    /// A correction as the change list prints it, or a checkpoint: time, chair, event and files, who,
    /// and the commit's signature.
    static func line(_ entry: AuditLog.Entry) -> String {
        let chair = "chair \(entry.chair ?? "-")"
        if let change = entry.change { return ChangeLogLine.text(change, timeZone: .current) + "  (\(chair))" }
        var line = "\(Format.dateTime(entry.at, timeZone: .current))  \(chair)  \(entry.what)"
        if let by = entry.by { line += "  by \(by)" }
        if let signature = entry.signature { line += "  (\(signature))" }
        return line
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
