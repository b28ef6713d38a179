import CNcursesw
import Glibc
import Synchronization

/// Puts the terminal back the way the shell left it (normal screen, cursor shown, mouse reporting
/// and bracketed paste off) on every exit path: normal exit, `stop()`, termination signals and
/// crashes. ncurses calls are kept to the owning thread except for the
/// last-resort `endwin` in a signal handler, which is what htop's CRT.c does too.
enum TerminalRestore {
    /// True while ncurses owns the screen; cleared by whoever restores it first.
    private static let active = Atomic<Bool>(false)
    private static let installed = Atomic<Bool>(false)

    private static let signals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT,
        SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGTRAP, SIGFPE,
    ]

    /// Marks the screen as owned and installs the atexit hook and signal handlers (once per process).
    static func arm() {
        active.store(true, ordering: .sequentiallyConsistent)
        guard !installed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        atexit { TerminalRestore.restore() }
        for signalNumber in signals {
            signal(signalNumber) { received in
                TerminalRestore.restore()
                // Default action, then re-raise: the process ends as the signal intended (exit
                // status 128+signal, core dump for crashes) with the screen already restored.
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Asks the terminal to bracket pasted text with ESC [200~ and ESC [201~.
    static let bracketedPasteOn = "\u{1B}[?2004h"
    /// Back to pasted text as plain typing, as the shell expects.
    private static let bracketedPasteOff: [UInt8] = Array("\u{1B}[?2004l".utf8)

    /// Leaves curses mode if it is still active. Safe to call more than once and from any exit path.
    static func restore() {
        guard active.exchange(false, ordering: .sequentiallyConsistent) else { return }
        // Turn mouse reporting off explicitly so a dead app does not leave the terminal sending reports.
        mousemask(0, nil)
        curs_set(1)
        endwin()
        fflush(facechart_stdout())
        // write(2) straight to the terminal: safe in a signal handler, after all that curses wrote.
        _ = bracketedPasteOff.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
