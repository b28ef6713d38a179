import Foundation
import Glibc

/// Runs a program to completion with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process` is not used: it spawns children with the calling thread's signal mask
/// (test threads block SIGHUP, SIGINT and SIGTERM, so a tmux server started from one ignored
/// `kill-server` and the program in its pane never saw a hang-up), and its `waitUntilExit` waits for
/// a SIGCHLD that every thread of the test process blocks, so it hung forever.
enum Spawn {
    struct Result {
        /// The exit status, or 128 + the signal that ended the program.
        var status: Int32
        var output: Data
        var errors: Data
        /// Whether the program was killed for running past its deadline.
        var timedOut = false
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `path ARGUMENTS` with stdin from /dev/null, capturing stdout and stderr (through files, so
    /// a large output cannot block the child). `environment` nil inherits this process's. With
    /// `deadline` (seconds), a program still running then is killed and `timedOut` set.
    static func run(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil, deadline: Double? = nil
    ) throws -> Result {
        let output = try TemporaryOutput(), errors = try TemporaryOutput()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output.fd, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.fd, 2)

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
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables = environment ?? ProcessInfo.processInfo.environment
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "posix_spawn \(path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var timedOut = false
        if let deadline {
            let end = Date().addingTimeInterval(deadline)
            while true {
                let waited = waitpid(pid, &status, WNOHANG)
                if waited == pid { break }
                if waited < 0, errno != EINTR { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
                if Date() >= end, !timedOut {
                    timedOut = true
                    kill(pid, SIGKILL)
                }
                usleep(5_000)
            }
        } else {
            while waitpid(pid, &status, 0) < 0 {
                guard errno == EINTR else { throw Failure(description: "waitpid: \(String(cString: strerror(errno)))") }
            }
        }
        let low = status & 0x7f
        let exit = low == 0 ? (status >> 8) & 0xff : 128 + low
        return Result(status: exit, output: output.contents(), errors: errors.contents(), timedOut: timedOut)
    }
}

/// An unlinked temporary file that a child writes its output into.
private final class TemporaryOutput {
    let fd: Int32

    init() throws {
        var template = Array("\(NSTemporaryDirectory())/facechart-e2e-out-XXXXXX".utf8CString)
        fd = mkstemp(&template)
        guard fd >= 0 else { throw Spawn.Failure(description: "mkstemp: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(fd) }

    func contents() -> Data {
        lseek(fd, 0, SEEK_SET)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }
}
