import FaceChartStore
import Foundation

/// A failure worded for the user: printed as one line on standard error, exit status 1.
public struct UserError: Error, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension UserError {
    /// Runs a store call, rewording its error for the user.
    public static func fromStore<T>(_ body: () throws(StoreError) -> T) throws(UserError) -> T {
        do {
            return try body()
        } catch {
            throw UserError(error.message)
        }
    }
}

extension UserError {
    /// Runs an index query, turning its failure into a message.
    public static func fromIndex<T>(_ body: () throws(SQLiteError) -> T) throws(UserError) -> T {
        do {
            return try body()
        } catch {
            throw UserError(error.userMessage)
        }
    }
}
