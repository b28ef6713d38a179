import ArgumentParser
import FaceChartStore
import Foundation

/// A failure worded for the user: printed as one line on standard error, exit status 1.
struct UserError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}

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

extension UserError {
    /// Runs a store call, rewording its error for the user.
    static func fromStore<T>(_ body: () throws(StoreError) -> T) throws(UserError) -> T {
        do {
            return try body()
        } catch {
            throw UserError(error.message)
        }
    }

    /// Runs an index query, turning its failure into a message.
    static func fromIndex<T>(_ body: () throws(SQLiteError) -> T) throws(UserError) -> T {
        do {
            return try body()
        } catch {
            throw UserError(error.userMessage)
        }
    }
}
