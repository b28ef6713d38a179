import Foundation

/// Why a clinical data file (face view, products, patterns) could not be read: one readable reason.
public struct DataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the field or row when known.
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }

    /// Throws unless a file's `schemaVersion` is the one this build reads.
    public static func requireSchemaVersion(_ version: Int, supported: Int) throws(DataError) {
        guard version == supported else { throw DataError("schemaVersion \(version) is not supported (expected \(supported))") }
    }

    /// Throws on the first item of the list `name` whose key repeats (`name[3]: duplicate key k`) or that has
    /// a problem (`name[3] (k): problem`).
    public static func requireSound<Item>(
        _ items: [Item], named name: String, key: (Item) -> String, problem: (Item) -> String?
    ) throws(DataError) {
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            guard seen.insert(key(item)).inserted else { throw DataError("\(name)[\(index)]: duplicate key \(key(item))") }
            if let found = problem(item) { throw DataError("\(name)[\(index)] (\(key(item))): \(found)") }
        }
    }

    /// Decodes `type` from JSON, turning decoder errors into a reason that names the field path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(DataError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw DataError(describe(error))
        } catch {
            throw DataError("\(error)")
        }
    }

    /// A one-line account of a `DecodingError`: where (the key path) and what.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type), found null"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            return "\(path(context.codingPath)): \(context.debugDescription)" + (underlying.map { " (\($0))" } ?? "")
        @unknown default:
            return "\(error)"
        }
    }
}
