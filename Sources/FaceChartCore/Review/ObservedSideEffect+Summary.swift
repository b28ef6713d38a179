extension ObservedSideEffect {
    /// The side effect in words: "Bruising, right, mild, from day 1: settled".
    public var summary: String {
        var parts = [effect.name]
        if let side { parts.append(side.rawValue) }
        if let severity { parts.append(severity.rawValue) }
        if let onsetDay { parts.append("from day \(onsetDay)") }
        let text = parts.joined(separator: ", ")
        return note.isEmpty ? text : "\(text): \(note)"
    }
}
