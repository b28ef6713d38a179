import CSQLite

/// A failed call into the index's engine, SQLite: its result code and SQLite's own wording (never
/// any record text). The index is derived, so callers fall back to reading the folders.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    public let code: Int32
    public let message: String

    /// The file is not a database, or its pages are damaged: the index is rebuilt from the records.
    var isDamage: Bool {
        let primary = code & 0xff
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
    }

    public var description: String { "the index failed (SQLite \(code): \(message))" }

    /// One sentence for the user.
    public var userMessage: String {
        "The patient index failed (\(message)); delete \(PracticeIndex.relativePath) in the data folder to rebuild it."
    }
}

/// One connection to one SQLite file, used from one thread at a time.
final class SQLiteDatabase {
    private let handle: OpaquePointer
    private var statements: [String: Statement] = [:]

    /// Opens (creating when missing) the database at `path`, waiting up to `busyMilliseconds` for
    /// another process's write to finish before a statement fails with SQLITE_BUSY.
    init(path: String, busyMilliseconds: Int32 = 15_000) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW
        let status = sqlite3_open_v2(path, &pointer, flags, nil)
        guard let pointer else { throw SQLiteError(code: status, message: "out of memory") }
        guard status == SQLITE_OK else {
            let error = SQLiteError(code: status, message: String(cString: sqlite3_errmsg(pointer)))
            sqlite3_close_v2(pointer)
            throw error
        }
        handle = pointer
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyMilliseconds)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        let status = sqlite3_exec(handle, sql, nil, nil, nil)
        if status != SQLITE_OK { throw error(status) }
    }

    /// A prepared statement for `sql`, kept for reuse; its bindings are cleared.
    func statement(_ sql: String) throws(SQLiteError) -> Statement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        var pointer: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard status == SQLITE_OK, let pointer else { throw error(status) }
        let statement = Statement(pointer, database: self)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE), rolling back when it throws.
    func transaction<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The integer of a one-row, one-column query.
    func integer(_ sql: String, _ values: SQLiteValue?...) throws(SQLiteError) -> Int64? {
        try integer(sql, values)
    }

    func integer(_ sql: String, _ values: [SQLiteValue?]) throws(SQLiteError) -> Int64? {
        let query = try statement(sql).bind(values)
        defer { query.finish() }
        guard try query.step() else { return nil }
        return query.optionalInt64(0)
    }

    fileprivate func error(_ status: Int32) -> SQLiteError {
        SQLiteError(code: status, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// A prepared statement: bind by 1-based index, step, read columns by 0-based index.
final class Statement {
    private let pointer: OpaquePointer
    private unowned let database: SQLiteDatabase

    fileprivate init(_ pointer: OpaquePointer, database: SQLiteDatabase) {
        self.pointer = pointer
        self.database = database
    }

    deinit { sqlite3_finalize(pointer) }

    fileprivate func reset() {
        sqlite3_reset(pointer)
        sqlite3_clear_bindings(pointer)
    }

    /// Binds values to ?1, ?2, ... in order; `nil` binds NULL.
    @discardableResult
    func bind(_ values: SQLiteValue?...) -> Statement {
        bind(values)
    }

    @discardableResult
    func bind(_ values: [SQLiteValue?]) -> Statement {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case nil: sqlite3_bind_null(pointer, index)
            case .integer(let number)?: sqlite3_bind_int64(pointer, index, number)
            case .text(let text)?: sqlite3_bind_text(pointer, index, text, -1, facechart_sqlite_transient())
            }
        }
        return self
    }

    /// Advances to the next row: true when there is one, false when done.
    func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(pointer)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(pointer)
            return false
        default:
            let error = database.error(status)
            sqlite3_reset(pointer)
            throw error
        }
    }

    /// Ends a read before its last row, so the connection does not keep reading an old snapshot.
    func finish() { sqlite3_reset(pointer) }

    /// Steps through every row, calling `body` on each.
    func forEachRow(_ body: (Statement) throws(SQLiteError) -> Void) throws(SQLiteError) {
        defer { finish() }
        while try step() { try body(self) }
    }

    /// Steps a statement that returns no rows.
    func run() throws(SQLiteError) {
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(pointer, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(pointer, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(pointer, column)) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(pointer, column) else { return "" }
        return String(cString: bytes)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}

/// A value bound to a statement.
enum SQLiteValue {
    case integer(Int64)
    case text(String)
}

extension SQLiteValue {
    static func int(_ value: Int) -> SQLiteValue { .integer(Int64(value)) }
    static func bool(_ value: Bool) -> SQLiteValue { .integer(value ? 1 : 0) }
}
