import FaceChartCore
import Foundation

/// Format-1 records as format-2 models. Nothing is written here: a migrated record reaches the disk as
/// format 2 only when it next changes.
extension Format1 {
    /// The active ingredient of each product format 1 could name.
    static let ingredients = [
        "botox": "onabotulinumtoxinA", "botox-cosmetic": "onabotulinumtoxinA", "dysport": "abobotulinumtoxinA",
        "xeomin": "incobotulinumtoxinA", "jeuveau": "prabotulinumtoxinA", "letybo": "letibotulinumtoxinA",
        "daxxify": "daxibotulinumtoxinA",
    ]

    static func clinician(_ name: String) -> Clinician { Clinician(name: name) }

    static func vial(_ product: ProductUse, id: RecordID) -> Vial {
        Vial(
            id: id, product: product.product, ingredient: ingredients[product.product] ?? product.product, lot: product.lot,
            expiry: product.expiry, vialUnits: product.vialUnits, diluentHundredthsML: product.diluentHundredthsML,
            reconstitutedAt: product.reconstitutedAt.map(Format1Time.timestamp))
    }

    /// The session in format 2: the session's vial first, then one vial per distinct product a point
    /// recorded of its own. A signature whose format-1 digest still matches is bound to the format-2
    /// digest of the migrated content and names the digest it was signed with; one that no longer
    /// matches keeps only its format-1 digest, so it shows as broken.
    static func migrate(_ old: Session) -> FaceChartCore.Session {
        var vials = [vial(old.product, id: FaceChartCore.Session.firstVialID)]
        var ownVials: [(product: ProductUse, id: RecordID)] = []
        let points = old.points.map { point in
            var vialID = FaceChartCore.Session.firstVialID
            if let product = point.product {
                if let known = ownVials.first(where: { $0.product == product }) {
                    vialID = known.id
                } else {
                    vialID = RecordID("v\(vials.count + 1)")!
                    ownVials.append((product, vialID))
                    vials.append(vial(product, id: vialID))
                }
            }
            return FaceChartCore.InjectionPoint(
                id: point.id, view: point.view, position: point.position, region: point.region, side: point.side,
                units: point.units, depth: point.depth, vial: vialID, note: point.note)
        }
        var session = FaceChartCore.Session(
            id: old.id, patient: old.patient, startedAt: Format1Time.timestamp(old.startedAt),
            clinician: clinician(old.clinician),
            indication: FaceChartCore.Indication(
                kind: old.indication.kind, concern: old.indication.concern,
                key: indicationKey(forConcern: old.indication.concern, kind: old.indication.kind)),
            vials: vials, points: points, notes: old.notes,
            addenda: old.addenda.map {
                FaceChartCore.Addendum(author: clinician($0.author), writtenAt: Format1Time.timestamp($0.writtenAt), text: $0.text)
            },
            link: old.link.flatMap { link in
                FaceChartCore.Session.Link.Kind(rawValue: link.kind).map { .init(kind: $0, session: link.session) }
            },
            overrides: old.overrides.map {
                .init(rule: $0.rule, reason: $0.reason, at: Format1Time.timestamp($0.at), by: nil)
            })
        if case .signed(let signature) = old.status {
            let signedWith = FaceChartCore.Signature.Digest(algorithm: SessionDigest.format1, value: signature.contentDigest)
            var digest = signedWith
            var migratedFrom: FaceChartCore.Signature.Digest?
            if digest.value == Self.digest(of: old), let current = try? session.contentDigest() {
                digest = FaceChartCore.Signature.Digest(algorithm: SessionDigest.canonical, value: current)
                migratedFrom = signedWith
            }
            session.status = .signed(FaceChartCore.Signature(
                signer: clinician(signature.signer), signedAt: Format1Time.timestamp(signature.signedAt),
                meaning: signature.meaning, digest: digest, migratedFrom: migratedFrom))
        }
        return session
    }

    static func migrate(_ old: Patient) -> FaceChartCore.Patient {
        FaceChartCore.Patient(
            id: old.id, name: old.name, dateOfBirth: old.dateOfBirth, sex: old.sex, flags: Set(old.flags), notes: old.notes,
            createdAt: Format1Time.timestamp(old.createdAt))
    }

    static func migrate(_ old: Review) -> FaceChartCore.Review {
        FaceChartCore.Review(
            patient: old.patient, session: old.session, createdAt: Format1Time.timestamp(old.reviewedAt),
            clinician: clinician(old.clinician),
            outcomes: old.outcomes.map {
                FaceChartCore.RegionOutcome(
                    region: $0.region, wrinklesAtRest: $0.wrinklesAtRest, wrinklesAtMaximum: $0.wrinklesAtMaximum,
                    symmetry: $0.symmetry, satisfaction: $0.satisfaction, note: $0.note)
            },
            sideEffects: old.sideEffects.map { ObservedSideEffect(effect: $0) }, sideEffectNotes: old.sideEffectNotes,
            topUp: old.topUp, notes: old.notes)
    }
}
