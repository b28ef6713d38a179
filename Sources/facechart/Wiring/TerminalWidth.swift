import Glibc

/// The width text output is wrapped to: the terminal's columns when standard output is a terminal,
/// else 80 (a file or a pipe keeps the printed layout).
enum TerminalWidth {
    static let notATerminal = 80

    static func current() -> Int {
        guard isatty(STDOUT_FILENO) == 1 else { return notATerminal }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return notATerminal
    }
}
