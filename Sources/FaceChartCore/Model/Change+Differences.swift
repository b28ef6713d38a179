/// The changes that turn one version of a record into another, field by field, in the words of the file.
public struct ChangeRecorder: Sendable {
    public var by: Clinician
    public var at: Timestamp
    /// Makes a fresh identifier for each change.
    public var makeID: @Sendable () -> RecordID

    public init(by: Clinician, at: Timestamp, makeID: @escaping @Sendable () -> RecordID = { RecordID.random() }) {
        self.by = by
        self.at = at
        self.makeID = makeID
    }

    /// One change, unless `from` and `to` are the same.
    public func change(
        _ subject: Change.Subject, _ field: String, from: String?, to: String?, reason: String? = nil
    ) -> Change? {
        guard from != to else { return nil }
        return Change(id: makeID(), at: at, by: by, record: subject, field: field, from: from, to: to, reason: reason)
    }

    /// What differs between two versions of a patient.
    public func changes(from old: Patient, to new: Patient) -> [Change] {
        let subject = Change.Subject.patient(new.id)
        var changes = [
            change(subject, "name", from: old.name, to: new.name),
            change(subject, "dateOfBirth", from: old.dateOfBirth?.description, to: new.dateOfBirth?.description),
            change(subject, "sex", from: old.sex.rawValue, to: new.sex.rawValue),
            change(subject, "notes", from: old.notes, to: new.notes),
        ]
        for flag in ClinicalFlag.allCases where old.flags.contains(flag) != new.flags.contains(flag) {
            changes.append(change(
                subject, "flags.\(flag.rawValue)", from: old.flags.contains(flag) ? "present" : "absent",
                to: new.flags.contains(flag) ? "present" : "absent"))
        }
        return numbered(changes.compactMap { $0 })
    }

    /// What differs in the header of a session (clinician, indication, vials, notes, status); points are
    /// the chart itself and are not listed one by one.
    public func changes(from old: Session, to new: Session) -> [Change] {
        let subject = Change.Subject.session(new.id)
        var changes = [
            change(subject, "clinician", from: old.clinician.description, to: new.clinician.description),
            change(subject, "indication", from: Self.text(old.indication), to: Self.text(new.indication)),
            change(subject, "notes", from: old.notes, to: new.notes),
            change(subject, "status", from: old.status.name, to: new.status.name, reason: new.voiding?.reason),
        ]
        for vial in new.vials {
            let field = "vials[\(vial.id)]"
            guard let before = old.vial(vial.id) else {
                changes.append(change(subject, field, from: nil, to: Self.text(vial)))
                continue
            }
            changes += [
                change(subject, field + ".product", from: before.product, to: vial.product),
                change(subject, field + ".lot", from: before.lot, to: vial.lot),
                change(subject, field + ".expiry", from: before.expiry?.description, to: vial.expiry?.description),
                change(subject, field + ".size", from: "\(before.vialUnits) U", to: "\(vial.vialUnits) U"),
                change(subject, field + ".diluent", from: Self.millilitres(before), to: Self.millilitres(vial)),
                change(
                    subject, field + ".reconstitutedAt", from: before.reconstitutedAt?.rfc3339,
                    to: vial.reconstitutedAt?.rfc3339),
            ]
        }
        for point in new.points {
            if let before = old.points.first(where: { $0.id == point.id }), before.note != point.note {
                changes.append(change(subject, "points[\(point.id)].note", from: before.note, to: point.note))
            }
        }
        for (index, addendum) in new.addenda.enumerated().dropFirst(old.addenda.count) {
            changes.append(change(subject, "addenda[\(index)]", from: nil, to: "\(addendum.author): \(addendum.text)"))
        }
        for override in new.overrides where !old.overrides.contains(override) {
            let before = old.override(of: override.rule)?.reason
            changes.append(change(subject, "overrides.\(override.rule)", from: before, to: override.reason))
        }
        return numbered(changes.compactMap { $0 })
    }

    /// The changes of one correction with identifiers that keep their order (`<id>-000`, `<id>-001`, ...),
    /// so the change list reads in the order the fields were listed.
    private func numbered(_ changes: [Change]) -> [Change] {
        guard changes.count > 1 else { return changes }
        let base = String(makeID().rawValue.prefix(60))
        return changes.enumerated().map { index, change in
            var numbered = change
            let digits = String(index)
            numbered.id = RecordID(base + "-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits) ?? change.id
            return numbered
        }
    }

    static func text(_ indication: Indication) -> String { "\(indication.kind.rawValue): \(indication.concern)" }

    static func text(_ vial: Vial) -> String {
        "\(vial.product) lot \(vial.lot) exp \(vial.expiry?.description ?? "-") \(vial.vialUnits) U in \(millilitres(vial))"
    }

    static func millilitres(_ vial: Vial) -> String { "\(Units(hundredths: vial.diluentHundredthsML)) mL" }
}
