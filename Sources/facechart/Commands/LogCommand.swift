import ArgumentParser
import FaceChartCore
import FaceChartStore
import FaceChartSync
import Foundation

/// The audit trail of one patient: the change list and the history's commits.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print who changed what and when for a patient: every correction, every checkpoint, each chair.",
        discussion: "Times are UTC. Commits signed with a chair's ssh key say whether the signature is good."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The patient: id or name.")
    var patient: String

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let found = try PatientLookup.find(patient, in: store)
            let listed = try UserError.fromStore { () throws(StoreError) in try store.changes(of: found.id) }
            for problem in listed.problems {
                FileHandle.standardError.write(Data("facechart: warning: \(problem.message)\n".utf8))
            }
            var history: History?
            if let reason = HistoryWiring.offReason {
                FileHandle.standardError.write(Data("facechart: \(reason) The change list alone follows.\n".utf8))
            } else {
                history = try HistoryWiring.history(of: store)
            }
            let entries: [AuditLog.Entry]
            do throws(SyncError) {
                entries = try AuditLog(history: history).entries(patient: found.id, changes: listed.changes)
            } catch {
                throw UserError(error.message)
            }
            print("Patient \(found.id)")
            AuditLog.lines(entries).forEach { print($0) }
            if entries.isEmpty { print("No changes recorded yet.") }
        }
    }
}
