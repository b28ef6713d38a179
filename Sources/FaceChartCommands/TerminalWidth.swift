import Glibc

/// The width text output is wrapped to: the terminal's columns when standard output is a terminal,
/// else 80 (a file or a pipe keeps the printed layout).
public enum TerminalWidth {
    /// The width when standard output is not a terminal.
    public static let notATerminal = 80

    /// The width to wrap standard output to now.
    public static func current() -> Int {
        guard isatty(STDOUT_FILENO) == 1 else { return notATerminal }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return notATerminal
    }
}
