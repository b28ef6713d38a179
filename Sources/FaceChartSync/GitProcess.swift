import Foundation
import Glibc

/// One run of `git` (or another program) to completion: `posix_spawn` with a clean signal mask, the
/// output captured through unlinked temp files (a large output can never block the child), a deadline
/// after which the child is killed, and umask 077 so every file git writes is private.
///
/// Foundation's `Process` is not used: it spawns children with the calling thread's signal mask and
/// waits for a SIGCHLD that threads may block.
struct ProgramRun: Sendable {
    /// How a run ended.
    struct Result: Sendable {
        var status: Int32
        var output: [UInt8]
        var errors: [UInt8]

        var text: String { String(decoding: output, as: UTF8.self) }
        var errorText: String { String(decoding: errors, as: UTF8.self) }
        /// Output lines without the trailing empty one.
        var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// The program could not be started, or did not end in time.
    struct Failure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable ARGUMENTS` with `environment` added to this process's own (less `unset`),
    /// `input` on standard input. Kills the child after `seconds`.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], unset: Set<String> = [],
        input: [UInt8] = [], seconds: Double = 120
    ) throws(Failure) -> Result {
        let stdin = try TemporaryFile(contents: input)
        let stdout = try TemporaryFile(contents: [])
        let stderr = try TemporaryFile(contents: [])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin.fd, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.fd, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.fd, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Its own process group, so a terminal's Ctrl-C or hang-up reaches FaceChart and not git mid-write.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var variables = ProcessInfo.processInfo.environment.filter { !unset.contains($0.key) }
        variables.merge(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        umask(0o077)  // FaceChart's files are private, whoever writes them
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "\(executable) could not be started (\(String(cString: strerror(spawned))))") }

        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        var pause: useconds_t = 200
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "waiting for \(executable) failed (\(String(cString: strerror(errno))))")
            }
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                throw Failure(description: "\(executable) did not finish within \(Int(seconds)) seconds and was stopped")
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        let low = status & 0x7f
        let exit = low == 0 ? (status >> 8) & 0xff : 128 + low
        return Result(status: exit, output: stdout.contents(), errors: stderr.contents())
    }

    /// Whether `program` is an executable file in one of PATH's folders.
    static func isOnPath(_ program: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }
}

/// An unlinked temporary file, for a child's standard streams.
private final class TemporaryFile {
    let fd: Int32

    init(contents: [UInt8]) throws(ProgramRun.Failure) {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/facechart-git-XXXXXX".utf8CString)
        fd = mkstemp(&template)
        guard fd >= 0 else { throw ProgramRun.Failure(description: "a temporary file could not be made in \(base)") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            written += count
        }
        lseek(fd, 0, SEEK_SET)
    }

    deinit { close(fd) }

    func contents() -> [UInt8] {
        lseek(fd, 0, SEEK_SET)
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }
}
