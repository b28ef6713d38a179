import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartStore
import FaceChartSync
import Foundation

/// Fetches, merges and pushes the practice's records; sets a new chair up.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch, merge and push the practice's records (the data folder is a git repository).",
        discussion: """
            With --setup, makes this data folder a chair of the practice whose remote is REMOTE (an ssh \
            address or a folder on a shared drive): an empty chair takes the practice's records, a first \
            chair pushes its own. The charting screens sync on their own once a remote is set.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: ArgumentHelp("The practice's remote repository, for a new chair.", valueName: "remote"))
    var setup: String?

    @Option(help: ArgumentHelp("This chair's name (1-64 of A-Z a-z 0-9 _ -), kept in this data folder only.", valueName: "name"))
    var chair: String?

    @Option(help: ArgumentHelp("Sign this chair's commits with an ssh key (its public half joins the practice's list).", valueName: "key"))
    var signingKey: String?

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let history = try HistoryWiring.history(of: store)
            let sync = Sync(history: history)
            let lock = { (id: RecordID) throws(StoreError) -> PatientLock? in try store.lockPatient(id) }
            do {
                if let chair { try history.setChair(chair) }
                if let signingKey { try history.useSigningKey(signingKey) }
                let report: Sync.Report
                if let setup {
                    report = try sync.setup(remote: setup, lock: lock)
                } else {
                    guard sync.remote != nil else {
                        if chair != nil || signingKey != nil { return }
                        throw UserError("No practice remote is set: 'facechart sync --setup REMOTE' sets one.")
                    }
                    report = try sync.run(lock: lock)
                }
                print(Self.describe(report, chair: history.chair()))
            } catch let error as SyncError {
                throw UserError(error.message)
            }
        }
    }

    static func describe(_ report: Sync.Report, chair: String) -> String {
        var lines = ["Chair \(chair): in step with the practice" + (report.pushed ? " (pushed)." : ".")]
        if !report.changedPatients.isEmpty {
            lines.append("Updated from other chairs: \(report.changedPatients.map(\.rawValue).joined(separator: ", ")).")
        }
        for (path, branch) in report.keptAside {
            lines.append("Changed on another chair too: \(path) was kept whole (a signed version is never mixed with "
                + "another); this chair's version is on branch \(branch).")
        }
        for conflict in report.conflicts {
            lines.append("Changed on another chair too: \(conflict.path); this chair's version is on branch \(conflict.branch). "
                + "Open the charting screens to choose mine, theirs or an edit.")
        }
        return lines.joined(separator: "\n")
    }
}

/// `facechart merge-driver %O %A %B %P`, registered by FaceChart in the data folder's git settings.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two versions of a record field by field (git calls this during a sync).",
        shouldDisplay: false
    )

    @Argument var base: String
    @Argument var ours: String
    @Argument var theirs: String
    @Argument var path: String

    func run() throws {
        let outcome = MergeDriver.run(base: base, ours: ours, theirs: theirs, path: path)
        FileHandle.standardError.write(Data("facechart: \(outcome.message)\n".utf8))
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}
