/// What a command prints: lines on standard output, warnings on standard error (before them), and the
/// failure it ends with, if any.
public struct CommandOutput: Equatable, Sendable {
    public var lines: [String]
    /// One line each on standard error, `facechart: warning: ` first.
    public var warnings: [String]
    /// One line each on standard error, `facechart: ` first: what the reader should know of the output.
    public var notes: [String]
    /// Printed last, as the command's error (exit status 1).
    public var failure: UserError?

    public init(lines: [String] = [], warnings: [String] = [], notes: [String] = [], failure: UserError? = nil) {
        self.lines = lines
        self.warnings = warnings
        self.notes = notes
        self.failure = failure
    }

    /// Prints the warnings, then the lines and the notes, then throws the failure.
    public func emit() throws(UserError) {
        for warning in warnings { printError("facechart: warning: \(warning)") }
        for line in lines { print(line) }
        for note in notes { printError("facechart: \(note)") }
        if let failure { throw failure }
    }
}
