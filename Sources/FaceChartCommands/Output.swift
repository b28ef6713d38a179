import FaceChartTerminal
import FaceChartUI
import Foundation

// Record text is data, never control: everything the commands print passes through these two
// functions, which strip each line of control characters and escape sequences (a patient name
// holding ESC ] 0 ; … BEL would otherwise retitle the window, ESC [ 2 J clear the screen).

/// Prints `text` on standard output, line by line, made safe for a terminal. Named `print` so that
/// every `print` in this module's commands goes through it.
public func print(_ text: String) {
    Swift.print(safeLines(text))
}

/// Writes `text` as one line on standard error, made safe for a terminal.
public func printError(_ text: String) {
    FileHandle.standardError.write(Data((safeLines(text) + "\n").utf8))
}

/// `text` with each line sanitised and the line breaks kept.
private func safeLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { TerminalText.sanitized(String($0)) }
        .joined(separator: "\n")
}

/// The glyphs the locale of this process can show: printed charts and reports use them too.
public func localeGlyphs() -> Glyphs {
    TerminalLocale.adopt(environment: ProcessInfo.processInfo.environment)
}
