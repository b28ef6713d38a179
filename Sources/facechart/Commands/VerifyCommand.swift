import ArgumentParser
import FaceChartCommands
import FaceChartStore
import FaceChartSync
import Foundation

/// Checks every record like `git fsck`; as the remote's `pre-receive` hook, checks each push.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every record: it parses, its checksum and signature hold, ids match, nothing is missing.",
        discussion: """
            --pushed OLD NEW checks a push in the repository of the current folder (as the practice \
            remote's pre-receive hook does): the records NEW holds, and that no commit from OLD to NEW alters \
            a signed or voided session or the change list. --install-hook REPO makes REPO (a bare \
            repository, created if missing) run that check on every push.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Check a pushed range instead of the data folder.", valueName: "old new"))
    var pushed: [String] = []

    @Option(help: ArgumentHelp("Install the check as REPO's pre-receive hook.", valueName: "repo"))
    var installHook: String?

    func validate() throws {
        if !pushed.isEmpty, pushed.count != 2 { throw ValidationError("--pushed takes two commits: OLD NEW.") }
    }

    func run() throws {
        try reportingErrors {
            if let installHook {
                try Self.install(hookIn: installHook)
                print("Pushes to \(installHook) are now checked by facechart verify.")
                return
            }
            let report: Verifier.Report
            if pushed.count == 2 {
                guard Git.isInstalled else { throw UserError(SyncError.gitMissing.message) }
                do throws(SyncError) {
                    report = try Verifier.checkPushed(old: pushed[0], new: pushed[1])
                } catch {
                    throw UserError(error.message)
                }
            } else {
                let store = try data.openStore(.viewing)
                report = Verifier.checkFolder(store.root)
            }
            for finding in report.findings {
                FileHandle.standardError.write(Data("facechart: \(finding)\n".utf8))
            }
            let count = report.findings.count
            print("\(report.filesChecked) record file\(report.filesChecked == 1 ? "" : "s") checked, "
                + (count == 0 ? "no problems." : "\(count) problem\(count == 1 ? "" : "s")."))
            if count > 0 {
                if pushed.count == 2 { FileHandle.standardError.write(Data("facechart: push refused.\n".utf8)) }
                throw ExitCode.failure
            }
        }
    }

    private static func install(hookIn repository: String) throws(UserError) {
        guard Git.isInstalled else { throw UserError(SyncError.gitMissing.message) }
        let git = Git(folder: nil)
        if !FileManager.default.fileExists(atPath: repository + "/HEAD") {
            do {
                try git.initBare(repository)
            } catch {
                throw UserError(error.message)
            }
        }
        let hook = repository + "/hooks/pre-receive"
        let script = Verifier.hookScript(program: HistoryWiring.programPath)
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: hook), options: .atomic)
        } catch {
            throw UserError("\(hook) could not be written.")
        }
        chmod(hook, 0o700)
    }
}
