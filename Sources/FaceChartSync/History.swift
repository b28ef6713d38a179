import FaceChartCore
import Foundation
import Glibc

/// The data folder as a git repository: made on first use, committed at checkpoints. Only the record
/// files are tracked; locks, temp files of saves in progress and derived indexes are ignored.
public final class History: @unchecked Sendable {
    /// The data folder.
    public let root: String
    let git: Git

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        git = Git(folder: self.root)
    }

    /// Files git must never track: locks, saves in progress, the derived index, conflict scratch, and what
    /// belongs to this chair alone (its open vials).
    static let ignored = """
        # Written by FaceChart: only the records are history.
        .lock
        *.lock
        .facechart-tmp-*
        /.index/
        /chair/

        """
    /// Every record merges through FaceChart's record-level driver; the list of chair keys by lines.
    static let attributes = """
        # Written by FaceChart: records merge field by field (facechart merge-driver).
        *.json merge=facechart
        /.facechart/allowed-signers merge=union

        """

    /// Whether the data folder already is a repository.
    public var isRepository: Bool {
        var status = stat()
        return lstat(root + "/.git", &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Makes the data folder a repository if it is not one, and (again, cheaply) checks its settings:
    /// the merge driver (`driver`: this program's path), durable commits, private files, the ignore
    /// and attribute files, and a first commit.
    public func prepare(driver: String) throws(SyncError) {
        guard Git.isInstalled else { throw SyncError.gitMissing }
        // Two FaceChart processes starting on a new data folder would both run `git init` and `git
        // config`, and git fails one of them: the setup holds a lock on the data folder itself (no
        // repository, so no lock file inside it, exists yet).
        let folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 { flock(folder, LOCK_EX) }
        defer { if folder >= 0 { close(folder) } }
        if !isRepository {
            try git.run(["init", "-q", "-b", Sync.branch])
        }
        var settings = try localSettings()
        let wanted: [(String, String)] = [
            ("core.fsync", "committed,index"),
            ("core.fsyncMethod", "fsync"),
            ("core.sharedRepository", "0600"),
            ("core.quotePath", "false"),
            ("merge.facechart.name", "FaceChart records, merged field by field"),
            ("merge.facechart.driver", "\(Self.shellQuoted(driver)) merge-driver %O %A %B %P"),
            ("gc.autoDetach", "false"),
        ]
        for (key, value) in wanted where settings[key] != value {
            try git.run(["config", "--local", key, value])
        }
        if settings["facechart.chair"] == nil {
            let chair = Self.defaultChair()
            try git.run(["config", "--local", "facechart.chair", chair])
            settings["facechart.chair"] = chair
        }
        let chair = settings["facechart.chair"] ?? "chair"
        if settings["user.email"] == nil {
            try git.run(["config", "--local", "user.name", "FaceChart \(chair)"])
            try git.run(["config", "--local", "user.email", "\(chair)@facechart.invalid"])
        }
        try writeIfChanged(".gitignore", Self.ignored)
        try writeIfChanged(".gitattributes", Self.attributes)
        if git.commit("HEAD") == nil {
            // The records follow in the first checkpoint's commit, under its own event.
            try git.run(["add", "--", ".gitignore", ".gitattributes"])
            try git.run(["commit", "-q", "--allow-empty", "-F", "-"], input: Array(Checkpoint.message([Checkpoint(.saved)], chair: chair).utf8))
        }
    }

    /// The commit the data folder is at, or `nil` before the first.
    public var head: String? { isRepository ? git.commit("HEAD") : nil }

    /// This chair's name, kept in the data folder's own git settings (never shared).
    public func chair() -> String {
        (try? git.line(["config", "--local", "facechart.chair"], accepting: [0, 1])).flatMap { $0.isEmpty ? nil : $0 } ?? "chair"
    }

    /// Names this chair (1-64 of `A-Z a-z 0-9 _ -`).
    public func setChair(_ name: String) throws(SyncError) {
        guard RecordID.isValid(name) else { throw SyncError("A chair's name is 1 to 64 letters, digits, '_' or '-'.") }
        try git.run(["config", "--local", "facechart.chair", name])
        try git.run(["config", "--local", "user.name", "FaceChart \(name)"])
        try git.run(["config", "--local", "user.email", "\(name)@facechart.invalid"])
    }

    /// Commits every change in the data folder (or only under `paths`), naming `checkpoints` in the
    /// message. Returns the new commit, or `nil` when there was nothing to commit (unless `always`).
    @discardableResult
    public func commit(_ checkpoints: [Checkpoint], paths: [String] = ["."], always: Bool = false) throws(SyncError) -> String? {
        removeStaleIndexLock()
        try git.run(["add", "-A", "--"] + paths)
        let staged = try git.run(["diff", "--cached", "--quiet"], accepting: [0, 1]).status == 1
        guard staged || always else { return nil }
        let message = Checkpoint.message(checkpoints, chair: chair())
        try git.run(["commit", "-q", "--allow-empty", "--no-verify", "-F", "-"], input: Array(message.utf8))
        return git.commit("HEAD")
    }

    /// Runs `body` holding FaceChart's lock on the repository, so that two FaceChart processes never
    /// run git in it at once. Waits up to `seconds`.
    public func withLock<T>(seconds: Double = 30, _ body: () throws(SyncError) -> T) throws(SyncError) -> T {
        let fd = open(root + "/.git/facechart.lock", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw SyncError("The history's lock file could not be opened (\(String(cString: strerror(errno)))).") }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(seconds)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw SyncError("Another FaceChart is busy with the history; try again in a moment.")
            }
            usleep(20_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// git never removes a lock left by a killed git; under FaceChart's own lock nobody else is
    /// running git here, so an old one is stale.
    private func removeStaleIndexLock() {
        var status = stat()
        let path = root + "/.git/index.lock"
        guard lstat(path, &status) == 0, time(nil) - status.st_mtim.tv_sec > 60 else { return }
        unlink(path)
    }

    private func localSettings() throws(SyncError) -> [String: String] {
        let output = try git.run(["config", "--local", "--list", "-z"], accepting: [0, 1]).output
        var settings: [String: String] = [:]
        for entry in output.split(separator: 0) {
            let text = String(decoding: entry, as: UTF8.self)
            let parts = text.split(separator: "\n", maxSplits: 1).map(String.init)
            settings[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return settings
    }

    func writeIfChanged(_ relative: String, _ text: String) throws(SyncError) {
        let path = root + "/" + relative
        if let current = FileManager.default.contents(atPath: path), current == Data(text.utf8) { return }
        try FileWriting.replace(path, with: Array(text.utf8))
    }

    /// The host's name as a chair name, or `chair`.
    static func defaultChair() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let cleaned = String(name.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.prefix(64))
        return RecordID.isValid(cleaned) ? cleaned : "chair"
    }

    static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// Small durable writes for FaceChart's own files beside the records (ignore and attribute files,
/// hooks): temp file, fsync, rename, fsync the folder.
enum FileWriting {
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t = 0o600) throws(SyncError) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        let temporary = parts.dropLast().joined(separator: "/") + "/.facechart-tmp-\(parts.last ?? "")-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw SyncError("\(path) could not be written (\(String(cString: strerror(errno)))).") }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let synced = fsync(fd) == 0
        fchmod(fd, mode)
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw SyncError("\(path) could not be written.")
        }
        syncFolder(of: path)
    }

    /// fsyncs a file and its folder (after git wrote it), so it survives a power cut.
    static func syncFile(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        syncFolder(of: path)
    }

    static func syncFolder(of path: String) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let fd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
