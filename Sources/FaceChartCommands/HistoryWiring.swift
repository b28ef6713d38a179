import FaceChartCore
import FaceChartStore
import FaceChartSync
import Foundation

/// The data folder's history as the commands use it: made on first use when git is installed, off
/// (with a reason) when it is not.
public enum HistoryWiring {
    /// This program's own path, for the merge driver and the remote's hook.
    public static var programPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }

    /// Whether the data folder keeps a history: git is installed and FACECHART_HISTORY is not `off`
    /// (for a data folder that another tool already versions).
    public static var isOn: Bool { offReason == nil }

    /// Why there is no history, worded for the user; `nil` when there is one.
    public static var offReason: String? {
        if ProcessInfo.processInfo.environment["FACECHART_HISTORY"] == "off" {
            return "The history is turned off (FACECHART_HISTORY=off), so FaceChart keeps no history and cannot sync."
        }
        return Git.isInstalled ? nil : SyncError.gitMissing.message
    }

    /// The store's data folder as a prepared repository.
    public static func history(of store: PatientStore) throws(UserError) -> History {
        if let offReason { throw UserError(offReason) }
        let history = History(root: store.root)
        do {
            try history.prepare(driver: programPath)
        } catch {
            throw UserError(error.message)
        }
        return history
    }

    /// Commits what a command just saved, when git is there; a failure is a warning, never a loss (the
    /// files are saved; the next commit takes them).
    public static func checkpoint(_ checkpoint: Checkpoint, store: PatientStore) {
        guard isOn else { return }
        do {
            let history = try history(of: store)
            try history.withLock { () throws(SyncError) in _ = try history.commit([checkpoint]) }
        } catch {
            let message = (error as? UserError)?.message ?? (error as? SyncError)?.message ?? "\(error)"
            FileHandle.standardError.write(Data("facechart: warning: saved, but not yet in the history: \(message)\n".utf8))
        }
    }
}
