import ArgumentParser
import FaceChartCommands

extension ParsableCommand {
    /// Runs `body`, printing a `UserError` as one line and exiting 1 instead of a stack trace.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as UserError {
            printError("facechart: \(error.message)")
            throw ExitCode.failure
        }
    }
}
