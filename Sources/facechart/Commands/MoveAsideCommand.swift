import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartStore
import Foundation

/// Moves files FaceChart cannot use out of the way, unchanged.
struct MoveAsideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move-aside",
        abstract: "Move a file FaceChart cannot use into a damaged/ folder beside it, unchanged.",
        discussion: """
            Give each file as a warning names it (relative to the data folder) or by its full path. Only files \
            reported as damaged, not a file, unexpected, misnamed or a second copy are moved, and only while the \
            patient is not open in another window. The file keeps its bytes; nothing is deleted.
            """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("The files to move aside.", valueName: "file"))
    var files: [String]

    func run() throws {
        try reportingErrors {
            let store = try data.openStore(.viewing)
            var failures: [String] = []
            for file in files {
                do {
                    let relative = try Self.relative(file, root: store.root)
                    guard let patient = relative.split(separator: "/").dropFirst().first.flatMap({ RecordID(String($0)) })
                    else { throw UserError(StoreError.nothingToMoveAside(file: relative).message) }
                    let target = try UserError.fromStore { () throws(StoreError) in
                        let lock = try store.lockPatient(patient)
                        defer { lock.unlock() }
                        return try store.moveAside(relative, holding: lock)
                    }
                    print("Moved \(relative) to \(target).")
                } catch {
                    failures.append((error as? UserError)?.message ?? "\(error)")
                }
            }
            if !failures.isEmpty { throw UserError(failures.joined(separator: "\nfacechart: ")) }
        }
    }

    /// `file` relative to the data folder: a path under `root`, or one already relative to it.
    static func relative(_ file: String, root: String) throws(UserError) -> String {
        guard file.hasPrefix("/") else { return file }
        let base = root.hasSuffix("/") ? root : root + "/"
        guard file.hasPrefix(base) else { throw UserError("\(file) is not in the data folder \(root).") }
        return String(file.dropFirst(base.count))
    }
}
