import FaceChartCore

/// A three-way merge of two versions of one record, field by field, on the `record` members of the
/// files (docs/format.md). Arrays whose elements have identities merge as sets by identity: points and
/// vials by `id`, outcomes by `region`, side effects by `effect`; flags, addenda and overrides by their
/// whole value. A field changed on both sides to different values is a conflict; nothing is guessed.
public enum RecordMerge {
    /// A field both sides changed differently, named as in docs/format.md (`name`, `points[p3].dose`).
    public struct Conflict: Equatable, Sendable {
        public var field: String
        public var base: JSONValue?
        public var mine: JSONValue?
        public var theirs: JSONValue?
    }

    /// The merged record, and the fields that could not be merged. In `merged`, a conflicting field
    /// holds `prefer`'s version, so a caller can keep a whole, readable record while a person decides.
    public struct Outcome: Sendable {
        public var merged: JSONValue
        public var conflicts: [Conflict]
    }

    public enum Side: Sendable { case mine, theirs }

    /// Merges `mine` and `theirs`, both made from `base` (`nil` when both sides created the record).
    /// `choose` answers a disputed field (by its name) with the value wanted, or `nil` to leave it
    /// in dispute.
    public static func merge(
        base: JSONValue?, mine: JSONValue, theirs: JSONValue, prefer: Side = .theirs,
        choose: (String) -> JSONValue? = { _ in nil }
    ) -> Outcome {
        let (merged, found) = withoutActuallyEscaping(choose) { choose in
            var context = Context(prefer: prefer, choose: choose)
            let merged = value(base, mine, theirs, field: "", context: &context)
            return (merged, context.conflicts)
        }
        var conflicts = found
        var result = merged ?? (prefer == .mine ? mine : theirs)
        if !conflicts.isEmpty || !keepsSignedContent(result, mine: mine, theirs: theirs) {
            if conflicts.isEmpty {
                conflicts.append(Conflict(field: "signature", base: base?["signature"], mine: mine["signature"], theirs: theirs["signature"]))
            }
            if signedContentDiffers(mine, theirs) { result = prefer == .mine ? mine : theirs }
        }
        return Outcome(merged: result, conflicts: conflicts)
    }

    /// Fields whose later value wins: when the record last changed.
    static let latestWins: Set<String> = ["updatedAt"]

    /// How the elements of an array field are identified, by field name.
    static func identity(ofArray field: String) -> ((JSONValue) -> JSONValue)? {
        switch field {
        case "points", "vials": return { $0["id"] ?? $0 }
        case "outcomes": return { $0["region"] ?? $0 }
        case "sideEffects": return { $0["effect"] ?? $0 }
        case "flags", "addenda", "overrides": return { $0 }
        default: return nil
        }
    }

    private struct Context {
        var prefer: Side
        var choose: (String) -> JSONValue?
        var conflicts: [Conflict] = []
    }

    private static func value(
        _ base: JSONValue?, _ mine: JSONValue?, _ theirs: JSONValue?, field: String, context: inout Context
    ) -> JSONValue? {
        if mine == theirs { return mine }
        if base == mine { return theirs }
        if base == theirs { return mine }
        let name = lastName(field)
        if latestWins.contains(name), let mine, let theirs {
            let (a, b) = (mine.stringValue.flatMap(Timestamp.init(rfc3339:)), theirs.stringValue.flatMap(Timestamp.init(rfc3339:)))
            if let a, let b { return a < b ? theirs : mine }
        }
        switch (mine, theirs) {
        case (.object(let left)?, .object(let right)?):
            var baseMembers: [String: JSONValue] = [:]
            if case .object(let members)? = base { baseMembers = members }
            var result: [String: JSONValue] = [:]
            for key in Set(left.keys).union(right.keys).sorted() {
                let child = field.isEmpty ? key : "\(field).\(key)"
                if let merged = value(baseMembers[key], left[key], right[key], field: child, context: &context) {
                    result[key] = merged
                }
            }
            return .object(result)
        case (.array(let left)?, .array(let right)?):
            if let identity = identity(ofArray: name) {
                var baseElements: [JSONValue] = []
                if case .array(let elements)? = base { baseElements = elements }
                return .array(set(baseElements, left, right, field: field, identity: identity, context: &context))
            }
        default:
            break
        }
        if let chosen = context.choose(field) { return chosen }
        context.conflicts.append(Conflict(field: field, base: base, mine: mine, theirs: theirs))
        return context.prefer == .mine ? mine : theirs
    }

    /// A set merge by identity: elements added on either side are kept, removed on one side and
    /// untouched on the other are removed, changed on both are merged in turn. Order: mine's, then
    /// theirs' new ones; addenda and overrides by time, so both chairs write the same bytes.
    private static func set(
        _ base: [JSONValue], _ mine: [JSONValue], _ theirs: [JSONValue], field: String,
        identity: (JSONValue) -> JSONValue, context: inout Context
    ) -> [JSONValue] {
        func keyed(_ elements: [JSONValue]) -> [JSONValue: JSONValue] {
            Dictionary(elements.map { (identity($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
        let (baseByKey, mineByKey, theirsByKey) = (keyed(base), keyed(mine), keyed(theirs))
        var order: [JSONValue] = []
        for key in mine.map(identity) + theirs.map(identity) where !order.contains(key) { order.append(key) }
        var result: [JSONValue] = []
        for key in order {
            let label = "\(field)[\(keyText(key))]"
            if let merged = value(baseByKey[key], mineByKey[key], theirsByKey[key], field: label, context: &context) {
                result.append(merged)
            }
        }
        let name = lastName(field)
        if name == "addenda" || name == "overrides" {
            let time = name == "addenda" ? "writtenAt" : "at"
            result.sort { left, right in
                let (a, b) = (left[time]?.stringValue.flatMap(Timestamp.init(rfc3339:)), right[time]?.stringValue.flatMap(Timestamp.init(rfc3339:)))
                if let a, let b, a != b { return a < b }
                return CanonicalJSON.serialize(left).lexicographicallyPrecedes(CanonicalJSON.serialize(right))
            }
        }
        return result
    }

    /// Whether a signed merge result still carries exactly the content its signature was made on.
    private static func keepsSignedContent(_ merged: JSONValue, mine: JSONValue, theirs: JSONValue) -> Bool {
        guard let signature = merged["signature"] else { return true }
        let signers = [mine, theirs].filter { $0["signature"] == signature }
        return signers.contains { signedContent($0) == signedContent(merged) }
    }

    private static func signedContentDiffers(_ mine: JSONValue, _ theirs: JSONValue) -> Bool {
        (mine["signature"] != nil || theirs["signature"] != nil) && signedContent(mine) != signedContent(theirs)
    }

    /// What a signature covers: the record without status, signature, void and addenda.
    static func signedContent(_ record: JSONValue) -> JSONValue { record.removing(SessionDigest.unsignedMembers) }

    private static func lastName(_ field: String) -> String {
        let tail = field.split(separator: ".").last.map(String.init) ?? field
        return tail.split(separator: "[").first.map(String.init) ?? tail
    }

    private static func keyText(_ key: JSONValue) -> String {
        if let text = key.stringValue { return text }
        return String(decoding: CanonicalJSON.serialize(key), as: UTF8.self)
    }
}

extension JSONValue {
    /// The value as a short text for a person: strings bare, anything else as compact JSON.
    public var displayText: String {
        if let text = stringValue { return text }
        return String(decoding: CanonicalJSON.serialize(self), as: UTF8.self)
    }
}
