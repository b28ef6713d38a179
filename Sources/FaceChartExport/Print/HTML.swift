/// Text made safe for HTML and SVG: record text is data, never markup.
enum HTML {
    /// `text` with `& < > " '` escaped, for element content and quoted attribute values alike.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in PlainText.removingControls(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An element with escaped text content: `element("td", "4 U", class: "num")`.
    static func element(_ name: String, _ text: String, class className: String? = nil) -> String {
        "<\(name)\(className.map { " class=\"\($0)\"" } ?? "")>\(escape(text))</\(name)>"
    }

    /// A table row of escaped cells; columns listed in `numeric` are right-aligned.
    static func row(_ cells: [String], header: Bool = false, numeric: Set<Int> = []) -> String {
        let tag = header ? "th" : "td"
        return "<tr>" + cells.enumerated().map { element(tag, $0.element, class: numeric.contains($0.offset) ? "num" : nil) }
            .joined() + "</tr>"
    }
}
