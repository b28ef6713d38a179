import Foundation

/// A face drawing as stored in a JSON file: art, region mask and the legend that gives each mask character
/// its meaning. Pure data; `makeFaceView()` checks it and builds the `FaceView`.
public struct FaceViewDefinition: Hashable, Codable, Sendable {
    /// What one mask character means; an entry without a region means "no injection here".
    public struct LegendEntry: Hashable, Codable, Sendable {
        public var region: Region?
        public var danger: DangerZone?
        /// What the character stands for, for people editing the file.
        public var note: String?

        public init(region: Region? = nil, danger: DangerZone? = nil, note: String? = nil) {
            self.region = region
            self.danger = danger
            self.note = note
        }
    }

    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    public var schemaVersion: Int
    public var view: ViewKind
    public var source: String
    public var art: [String]
    public var mask: [String]
    /// Mask characters (one-character keys) to their meaning.
    public var legend: [String: LegendEntry]

    public init(
        schemaVersion: Int = FaceViewDefinition.supportedSchemaVersion, view: ViewKind, source: String,
        art: [String], mask: [String], legend: [String: LegendEntry]
    ) {
        self.schemaVersion = schemaVersion
        self.view = view
        self.source = source
        self.art = art
        self.mask = mask
        self.legend = legend
    }

    /// Whether a character may be drawn: printable ASCII or box drawing / block elements (one column each).
    public static func isSingleColumnArt(_ character: Character) -> Bool {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        return (0x20...0x7E).contains(scalar.value) || (0x2500...0x259F).contains(scalar.value)
    }

    /// Checks the definition and builds the drawing.
    public func makeFaceView() throws(DataError) -> FaceView {
        try DataError.requireSchemaVersion(schemaVersion, supported: Self.supportedSchemaVersion)
        var entries: [Character: FaceView.MaskEntry] = [:]
        for (key, entry) in legend {
            guard key.count == 1, let character = key.first else {
                throw DataError("legend key \"\(key)\" must be exactly one character")
            }
            if entry.region == nil, entry.danger == nil, character != "#" && entry.note == nil {
                throw DataError("legend entry \"\(key)\" has neither region, danger nor note")
            }
            entries[character] = FaceView.MaskEntry(region: entry.region, danger: entry.danger)
        }
        for (row, line) in art.enumerated() {
            if let bad = line.first(where: { !Self.isSingleColumnArt($0) }) {
                throw DataError("art row \(row + 1): character '\(bad)' is not single-column ASCII or box drawing")
            }
        }
        do {
            return try FaceView(kind: view, art: art, mask: mask, legend: entries, source: source)
        } catch {
            throw DataError(error.message)
        }
    }
}

extension FaceView {
    /// Reads a drawing from the JSON of a `FaceViewDefinition`.
    public init(json: Data) throws(DataError) {
        self = try DataError.decode(FaceViewDefinition.self, from: json).makeFaceView()
    }
}
