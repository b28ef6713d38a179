/// A drawing of the patient as a grid of terminal cells, with a region mask of the same shape.
///
/// The art is what the injector sees; the mask says, for every cell, which muscle lies under it, whether
/// it is a danger zone, or whether nothing may be injected there. Positions are kept in 0...1
/// coordinates so that a point placed on one rendition lands in the same place on another.
public struct FaceView: Hashable, Sendable {
    /// What one mask character means.
    public struct MaskEntry: Hashable, Codable, Sendable {
        public var region: Region?
        public var danger: DangerZone?

        public init(region: Region? = nil, danger: DangerZone? = nil) {
            self.region = region
            self.danger = danger
        }
    }

    /// What lies under one cell.
    public struct CellInfo: Hashable, Sendable {
        public var region: Region?
        public var danger: DangerZone?
        public var side: Side

        /// Whether a point may be charted here at all.
        public var isInjectable: Bool { region != nil }
    }

    public var kind: ViewKind
    public var width: Int
    public var height: Int
    /// Rows of art, each exactly `width` single-column characters.
    public var art: [[Character]]
    /// Rows of mask characters, the same shape as `art`.
    public var mask: [[Character]]
    public var legend: [Character: MaskEntry]
    /// The column of the midline (the cells where a midline muscle is charted as midline).
    public var midlineColumn: Int
    /// Where the figures of this drawing come from.
    public var source: String

    public init(
        kind: ViewKind, art: [String], mask: [String], legend: [Character: MaskEntry], source: String
    ) throws(FaceViewError) {
        guard let first = art.first, !first.isEmpty else { throw .empty }
        let width = first.count
        guard art.count == mask.count else { throw .shapeMismatch(row: min(art.count, mask.count)) }
        for (row, line) in art.enumerated() where line.count != width { throw .ragged(layer: "art", row: row) }
        for (row, line) in mask.enumerated() {
            guard line.count == width else { throw .ragged(layer: "mask", row: row) }
            for character in line where legend[character] == nil && character != " " {
                throw .unknownMaskCharacter(character, row: row)
            }
        }
        self.kind = kind
        self.width = width
        self.height = art.count
        self.art = art.map(Array.init)
        self.mask = mask.map(Array.init)
        self.legend = legend
        self.midlineColumn = width / 2
        self.source = source
    }

    /// What lies under the cell at `column`, `row` (0-based from the top left).
    public func cell(column: Int, row: Int) -> CellInfo {
        guard (0..<width).contains(column), (0..<height).contains(row) else {
            return CellInfo(region: nil, danger: nil, side: side(column: column, region: nil))
        }
        let entry = legend[mask[row][column]] ?? MaskEntry()
        return CellInfo(region: entry.region, danger: entry.danger, side: side(column: column, region: entry.region))
    }

    /// What lies under a resolution-independent position.
    public func cell(at point: FacePoint) -> CellInfo {
        let (column, row) = cellCoordinates(of: point)
        return cell(column: column, row: row)
    }

    /// The cell that holds a position.
    public func cellCoordinates(of point: FacePoint) -> (column: Int, row: Int) {
        let column = min(width - 1, max(0, Int((point.x * Double(width)).rounded(.down))))
        let row = min(height - 1, max(0, Int((point.y * Double(height)).rounded(.down))))
        return (column, row)
    }

    /// The centre of a cell as a resolution-independent position.
    public func position(column: Int, row: Int) -> FacePoint {
        FacePoint(x: (Double(column) + 0.5) / Double(width), y: (Double(row) + 0.5) / Double(height))
    }

    /// The side from the patient's point of view: on views drawn face to face (anterior, axilla) the
    /// screen's left half is the patient's right; on the posterior view (seen from behind) the screen's left
    /// is the patient's left.
    public func side(column: Int, region: Region?) -> Side {
        if column == midlineColumn, region?.spansMidline ?? true { return .midline }
        let onScreenLeft = column < midlineColumn
        return onScreenLeft == kind.isSeenFromTheFront ? .right : .left
    }
}
