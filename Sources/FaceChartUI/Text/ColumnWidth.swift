/// How many terminal columns a character takes, by the rules of glibc's `wcwidth` (which tmux and
/// the common Linux terminals follow): 0 for controls, combining marks and other zero-width
/// characters, 2 for East Asian wide characters and emoji, 1 otherwise. The canvas lays text out
/// with it and the terminal draws with it, so the two never disagree about where a cell falls.
public enum ColumnWidth {
    /// The columns of a user-perceived character: those of its first scalar (what follows it, such
    /// as combining marks or a variation selector, takes none).
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return of(scalar)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if contains(zeroWidth, value) { return 0 }
        if contains(doubleWidth, value) { return 2 }
        return 1
    }

    /// Columns taken by a whole string.
    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + of($1) } }

    /// Whether one of the sorted, disjoint `ranges` holds `value` (binary search).
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound {
                high = middle - 1
            } else if value > ranges[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
