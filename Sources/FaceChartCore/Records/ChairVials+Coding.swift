/// The chair's open vials as `chair/vials.json` holds them (docs/format.md): `{"vials": [{"openedAt",
/// "openedBy", "vial"}]}`, newest first.
extension ChairVials: Codable {
    private enum CodingKeys: String, CodingKey {
        case vials
    }

    private struct EntryRecord: Codable {
        var openedAt: Timestamp
        var openedBy: Clinician
        var vial: VialRecord
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries.map { EntryRecord(openedAt: $0.openedAt, openedBy: $0.openedBy, vial: VialRecord($0.vial)) },
                             forKey: .vials)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var entries: [Entry] = []
        for record in try container.decode([EntryRecord].self, forKey: .vials) {
            do {
                entries.append(Entry(vial: try record.vial.vial(), openedAt: record.openedAt, openedBy: record.openedBy))
            } catch {
                throw DecodingError.dataCorruptedError(forKey: .vials, in: container, debugDescription: error.description)
            }
        }
        self.init(entries: entries)
    }
}
