/// What a command prints: lines on standard output, warnings on standard error (before them), and the
/// failure it ends with, if any.
public struct CommandOutput: Equatable, Sendable {
    public var lines: [String]
    /// One line each on standard error, `facechart: warning: ` first.
    public var warnings: [String]
    /// Printed last, as the command's error (exit status 1).
    public var failure: UserError?

    public init(lines: [String] = [], warnings: [String] = [], failure: UserError? = nil) {
        self.lines = lines
        self.warnings = warnings
        self.failure = failure
    }

    /// Prints the warnings, then the lines, then throws the failure.
    public func emit() throws(UserError) {
        for warning in warnings { printError("facechart: warning: \(warning)") }
        for line in lines { print(line) }
        if let failure { throw failure }
    }
}
