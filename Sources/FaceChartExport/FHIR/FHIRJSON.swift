import Foundation

/// JSON with members in the order written, for FHIR resources that read the way the specification
/// lists their elements (`resourceType` first). Numbers are kept as the exact text to write.
indirect enum FHIRJSON: Hashable, Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case array([FHIRJSON])
    case object([(String, FHIRJSON)])

    static func == (lhs: FHIRJSON, rhs: FHIRJSON) -> Bool { lhs.text() == rhs.text() }
    func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// A FHIR string: controls other than tab and line breaks dropped; `nil` when nothing but
    /// whitespace is left (FHIR strings must hold some content).
    static func text(_ value: String?) -> FHIRJSON? {
        guard let value else { return nil }
        let text = PlainText.removingControls(value)
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : .string(text)
    }

    /// An object from members, leaving out those whose value is `nil` or an empty array.
    static func members(_ list: [(String, FHIRJSON?)]) -> FHIRJSON {
        .object(list.compactMap { key, value in
            guard let value else { return nil }
            if case .array(let items) = value, items.isEmpty { return nil }
            return (key, value)
        })
    }

    /// The member `key` of an object, if any.
    subscript(key: String) -> FHIRJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// Pretty-printed with two-space indents, or on one line when `indent` is nil.
    func text(indent: String? = "") -> String {
        var output = ""
        write(to: &output, indent: indent)
        return output
    }

    private func write(to output: inout String, indent: String?) {
        switch self {
        case .string(let value): Self.writeString(value, to: &output)
        case .number(let value): output += value
        case .bool(let value): output += value ? "true" : "false"
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, to: &output, indent: indent) { index, output, inner in
                items[index].write(to: &output, indent: inner)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, to: &output, indent: indent) { index, output, inner in
                Self.writeString(members[index].0, to: &output)
                output += indent == nil ? ":" : ": "
                members[index].1.write(to: &output, indent: inner)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, to output: inout String, indent: String?,
        element: (Int, inout String, String?) -> Void
    ) {
        output += open
        guard count > 0 else { return output += close }
        let inner = indent.map { $0 + "  " }
        for index in 0..<count {
            if index > 0 { output += "," }
            if let inner { output += "\n" + inner }
            element(index, &output, inner)
        }
        if let indent { output += "\n" + indent }
        output += close
    }

    /// A JSON string; record text loses its control characters (FHIR strings may hold only tab and line breaks).
    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in PlainText.removingControls(value).unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{0}"..."\u{1F}", "\u{2028}", "\u{2029}":
                output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
