/// Format 2 of a session record (docs/format.md): the status as a plain string with the signature or
/// the voiding beside it, vials with their quantities, and every point's dose on its vial's scale.
extension Session: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, patient, startedAt, clinician, indication, vials, points, notes, status, signature, void, addenda,
             link, overrides
    }

    private struct PointRecord: Codable {
        var id: RecordID
        var view: ViewKind
        var position: FacePoint
        var region: Region
        var side: Side
        var dose: Quantity
        var depth: Depth
        var vial: RecordID
        var guidance: Guidance?
        var note: String
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(patient, forKey: .patient)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(clinician, forKey: .clinician)
        try container.encode(indication, forKey: .indication)
        try container.encode(vials.map(VialRecord.init), forKey: .vials)
        let ingredients = Dictionary(vials.map { ($0.id, $0.ingredient) }, uniquingKeysWith: { first, _ in first })
        try container.encode(points.map { point in
            PointRecord(
                id: point.id, view: point.view, position: point.position, region: point.region, side: point.side,
                dose: .dose(point.units, scale: ingredients[point.vial] ?? ""), depth: point.depth, vial: point.vial,
                guidance: point.guidance, note: point.note)
        }, forKey: .points)
        try container.encode(notes, forKey: .notes)
        try container.encode(status.name, forKey: .status)
        try container.encodeIfPresent(signature, forKey: .signature)
        try container.encodeIfPresent(voiding, forKey: .void)
        try container.encode(addenda, forKey: .addenda)
        try container.encodeIfPresent(link, forKey: .link)
        try container.encode(overrides, forKey: .overrides)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func problem(_ key: CodingKeys, _ text: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: text)
        }
        var vials: [Vial] = []
        for record in try container.decode([VialRecord].self, forKey: .vials) {
            do {
                vials.append(try record.vial())
            } catch {
                throw problem(.vials, error.description)
            }
        }
        let ingredients = Dictionary(vials.map { ($0.id, $0.ingredient) }, uniquingKeysWith: { first, _ in first })
        var points: [InjectionPoint] = []
        for record in try container.decode([PointRecord].self, forKey: .points) {
            guard let ingredient = ingredients[record.vial] else {
                throw problem(.points, "a point names a vial the session does not hold")
            }
            do {
                points.append(InjectionPoint(
                    id: record.id, view: record.view, position: record.position, region: record.region,
                    side: record.side, units: try record.dose.units(expectingScale: ingredient), depth: record.depth,
                    vial: record.vial, guidance: record.guidance, note: record.note))
            } catch {
                throw problem(.points, error.description)
            }
        }
        let status: Status
        switch try container.decode(String.self, forKey: .status) {
        case "draft": status = .draft
        case "signed":
            guard let signature = try container.decodeIfPresent(Signature.self, forKey: .signature) else {
                throw problem(.signature, "a signed session has no signature")
            }
            status = .signed(signature)
        case "voided":
            guard let voiding = try container.decodeIfPresent(Voiding.self, forKey: .void) else {
                throw problem(.void, "a voided session does not say why")
            }
            status = .voided(voiding)
        default:
            throw problem(.status, "the status is not draft, signed or voided")
        }
        self.init(
            id: try container.decode(RecordID.self, forKey: .id),
            patient: try container.decode(RecordID.self, forKey: .patient),
            startedAt: try container.decode(Timestamp.self, forKey: .startedAt),
            clinician: try container.decode(Clinician.self, forKey: .clinician),
            indication: try container.decode(Indication.self, forKey: .indication),
            vials: vials, points: points, notes: try container.decode(String.self, forKey: .notes), status: status,
            addenda: try container.decode([Addendum].self, forKey: .addenda),
            link: try container.decodeIfPresent(Link.self, forKey: .link),
            overrides: try container.decode([Override].self, forKey: .overrides))
    }
}
