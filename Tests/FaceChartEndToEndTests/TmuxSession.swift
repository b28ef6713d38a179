import Foundation
import Testing

/// The real `facechart` binary running in a private tmux server: keys in, screen text out.
final class TmuxSession {
    let socket: String
    let dataFolder: URL
    let width: Int
    let height: Int

    /// Starts `facechart ARGUMENTS` in a new detached session; the pane stays after the program exits
    /// and prints `EXIT=<status>`. `wrapper` goes before the binary (e.g. `strace ... -e inject=...`).
    init(
        arguments: [String] = [], dataFolder: URL, width: Int = 80, height: Int = 24, environment: [String: String] = [:],
        wrapper: [String] = []
    ) throws {
        socket = "facechart-e2e-\(UUID().uuidString.prefix(8))"
        self.dataFolder = dataFolder
        self.width = width
        self.height = height
        // tmux sets TERM=tmux-256color in the pane whatever -e says; xterm-256color gives SGR mouse reports.
        var variables = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "FACECHART_HOME": dataFolder.path, "TZ": "UTC"]
        variables.merge(environment) { $1 }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        // The test runner's own environment reaches the pane through the tmux server: clear what would
        // change how the program draws (swift test may run with NO_COLOR set) unless the test sets it.
        let cleared = ["NO_COLOR", "COLUMNS", "LINES", "TERMINFO", "TMUX", "LC_ALL", "LC_CTYPE", "LANGUAGE"]
            .filter { variables[$0] == nil }.map { "-u \($0) " }.joined()
        let command = "env \(cleared)\(assignments) \((wrapper + [Self.binary.path]).map(Self.quote).joined(separator: " ")) \(arguments.map(Self.quote).joined(separator: " ")); echo EXIT=$?; sleep 600"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    /// The `facechart` built beside the test bundle.
    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["FACECHART_BINARY"] { return URL(fileURLWithPath: explicit) }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("facechart")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/facechart")
    }

    /// Sends named keys (`Enter`, `Escape`, `Up`, `BTab`, `C-r`) or plain characters, one tmux argument each.
    func send(_ keys: String...) throws { try send(keys: keys) }

    /// Sends a list of named keys or characters, one tmux argument each.
    func send(keys: [String]) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    /// Sends text literally (for escape sequences such as mouse reports).
    func sendLiteral(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Pastes `text` as a terminal does: wrapped in ESC [200~ and ESC [201~ when the program has
    /// asked for bracketed paste, plain otherwise (tmux decides, from what the program asked).
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "--", text])
        try tmux(["paste-buffer", "-p", "-t", "0"])
    }

    /// A left click at a 0-based cell, as an xterm SGR mouse report (press and release).
    func click(x: Int, y: Int) throws {
        try sendLiteral("\u{1b}[<0;\(x + 1);\(y + 1)M")
        try sendLiteral("\u{1b}[<0;\(x + 1);\(y + 1)m")
    }

    /// A quick left click at a 0-based cell: press and release arrive in one read, as trackpad taps
    /// and clicks over ssh do, in SGR 1006 or in X10 encoding.
    func fastClick(x: Int, y: Int, x10: Bool = false) throws {
        if x10 {
            let report = { (button: Int) in "\u{1b}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x)))
                + String(UnicodeScalar(UInt8(33 + y))) }
            try sendLiteral(report(0) + report(3))
        } else {
            try sendLiteral("\u{1b}[<0;\(x + 1);\(y + 1)M\u{1b}[<0;\(x + 1);\(y + 1)m")
        }
    }

    /// The pane's text now; with `escapes`, with its colour and attribute escape sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : []))
    }

    /// A tmux format expanded for the pane, e.g. `#{alternate_on}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen no longer contains `text`.
    @discardableResult
    func waitUntilGone(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if !last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.03)
        }
        Issue.record("Timed out waiting for \"\(text)\" to go. Screen:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError.timedOut(text)
    }

    /// Waits until the screen contains `text`, polling; fails the test with the last screen after `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.03)
        }
        Issue.record("Timed out waiting for \"\(text)\". Screen:\n\(last)", sourceLocation: sourceLocation)
        throw TmuxError.timedOut(text)
    }

    /// The pid of the `facechart` process in the pane.
    func programPID() throws -> Int32 {
        let shell = try tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try run("/usr/bin/pgrep", ["-P", shell]).split(separator: "\n")
        for child in children {
            let pid = String(child)
            let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
            if name.hasPrefix("facechart"), let value = Int32(pid) { return value }
        }
        throw TmuxError.noProgram
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try run("/usr/bin/env", ["tmux", "-L", socket] + arguments)
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        String(decoding: try Spawn.run(executable, arguments).output, as: UTF8.self)
    }

    private static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum TmuxError: Error {
    case timedOut(String)
    case noProgram
}
