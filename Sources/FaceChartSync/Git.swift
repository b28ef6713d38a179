import Foundation

/// Why a history or sync operation could not be done, worded for the user (ids and paths only).
public struct SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    public static let gitMissing = SyncError(
        "git is not installed (or not on PATH), so FaceChart keeps no history and cannot sync; "
            + "everything else works. Install git to turn them on.")
}

/// `git` run in one repository: the data folder, or (for the remote's hook) the current folder.
public struct Git: Sendable {
    /// The repository's folder; `nil` runs in the current folder with git's own discovery (GIT_DIR).
    public let folder: String?
    /// Variables added to every run (author, chair).
    var environment: [String: String]

    public init(folder: String?, environment: [String: String] = [:]) {
        self.folder = folder
        // Never ask a question on a terminal that is not there; never open an editor or a pager.
        var variables = [
            "GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true", "GIT_PAGER": "cat", "LC_ALL": "C",
            "GIT_SSH_COMMAND": "ssh -o BatchMode=yes -o ConnectTimeout=15",
        ]
        if let ssh = ProcessInfo.processInfo.environment["GIT_SSH_COMMAND"] { variables["GIT_SSH_COMMAND"] = ssh }
        if let folder {
            // Exactly the data folder's repository: never one found above it, never one a calling
            // environment names.
            variables["GIT_DIR"] = folder + "/.git"
            variables["GIT_WORK_TREE"] = folder
        }
        variables.merge(environment) { $1 }
        self.environment = variables
    }

    /// Variables of a calling git (a hook, a user's shell) that would point this one elsewhere.
    static let inherited: Set<String> = [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_QUARANTINE_PATH", "GIT_NAMESPACE", "GIT_COMMON_DIR", "GIT_PREFIX",
    ]

    /// Whether `git` can be run at all.
    public static var isInstalled: Bool { ProgramRun.isOnPath("git") }

    /// Runs git; fails with git's own first error line unless the status is in `accepting`.
    @discardableResult
    func run(
        _ arguments: [String], input: [UInt8] = [], accepting: Set<Int32> = [0], environment extra: [String: String] = [:],
        seconds: Double = 120
    ) throws(SyncError) -> ProgramRun.Result {
        var variables = environment
        variables.merge(extra) { $1 }
        let result: ProgramRun.Result
        do {
            let place = folder.map { ["-C", $0] } ?? []
            result = try ProgramRun.run(
                "git", place + arguments, environment: variables, unset: folder == nil ? [] : Self.inherited, input: input,
                seconds: seconds)
        } catch {
            throw SyncError("git \(arguments.first ?? ""): \(error.description)")
        }
        guard accepting.contains(result.status) else {
            let detail = result.errorText.split(separator: "\n").first { !$0.hasPrefix("hint:") }.map(String.init)
                ?? "exit status \(result.status)"
            throw SyncError("git \(arguments.first ?? "") failed: \(detail)")
        }
        return result
    }

    /// The first line of git's output, trimmed.
    func line(_ arguments: [String], input: [UInt8] = [], accepting: Set<Int32> = [0]) throws(SyncError) -> String {
        try run(arguments, input: input, accepting: accepting).lines.first?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// The commit `name` points at, or `nil` when it does not exist.
    func commit(_ name: String) -> String? {
        guard let result = try? run(["rev-parse", "--verify", "--quiet", name + "^{commit}"], accepting: [0, 1]),
              result.status == 0 else { return nil }
        return result.lines.first
    }

    /// Whether `ancestor` is an ancestor of (or equal to) `descendant`.
    func isAncestor(_ ancestor: String, of descendant: String) throws(SyncError) -> Bool {
        try run(["merge-base", "--is-ancestor", ancestor, descendant], accepting: [0, 1]).status == 0
    }

    /// The bytes of `path` in `treeish`, or `nil` when it has no such file.
    func blob(_ treeish: String, _ path: String) -> [UInt8]? {
        guard let result = try? run(["cat-file", "blob", "\(treeish):\(path)"], accepting: [0, 128]), result.status == 0
        else { return nil }
        return result.output
    }

    /// Reads many blobs at once (`git cat-file --batch`), by object id.
    func blobs(_ ids: [String]) throws(SyncError) -> [String: [UInt8]] {
        guard !ids.isEmpty else { return [:] }
        let output = try run(["cat-file", "--batch"], input: Array(ids.joined(separator: "\n").appending("\n").utf8)).output
        var result: [String: [UInt8]] = [:]
        var index = 0
        for id in ids {
            guard let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            index = newline + 1
            guard header.count == 3, header[1] != "missing", let size = Int(header[2]) else { continue }
            result[id] = Array(output[index..<min(output.count, index + size)])
            index += size + 1
        }
        return result
    }

    /// Every file of a commit's tree: path and blob id.
    func files(of treeish: String) throws(SyncError) -> [(path: String, blob: String)] {
        try run(["ls-tree", "-r", "-z", "--full-tree", treeish]).output.split(separator: 0).compactMap { entry in
            let text = String(decoding: entry, as: UTF8.self)
            guard let tab = text.firstIndex(of: "\t") else { return nil }
            let fields = text[..<tab].split(separator: " ")
            guard fields.count == 3, fields[1] == "blob" else { return nil }
            return (String(text[text.index(after: tab)...]), String(fields[2]))
        }
    }

    /// Paths that differ between two commits (`nil` for the empty tree).
    func changedPaths(from old: String?, to new: String) throws(SyncError) -> [String] {
        let base = old ?? Self.emptyTree
        return try run(["diff", "--name-only", "-z", "--no-renames", base, new]).output.split(separator: 0)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// git's empty tree.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
}

extension Git {
    /// Makes a bare repository for a practice's remote, on branch `main`.
    public func initBare(_ path: String) throws(SyncError) {
        try run(["init", "-q", "--bare", "-b", Sync.branch, path])
    }
}
