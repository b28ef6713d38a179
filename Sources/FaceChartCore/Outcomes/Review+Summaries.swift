extension Review {
    /// One line per scale scored in `scores` (per-region ones named by region), by the library's names;
    /// by the scale's key and item keys when the library does not know it.
    public func scoreSummaries(scales: ScaleLibrary?) -> [String] {
        var keys: [(String, Region?)] = []
        for score in scores where !keys.contains(where: { $0 == (score.scale, score.region) }) {
            keys.append((score.scale, score.region))
        }
        return keys.map { key, region in
            let values = scores.values(of: key, region: region)
            let text = scales?.scale(key)?.summary(values)
                ?? key + " " + values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return (region.map { $0.name + ": " } ?? "") + text
        }
    }
}
