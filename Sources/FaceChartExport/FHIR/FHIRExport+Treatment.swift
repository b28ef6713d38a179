import FaceChartCore
import Foundation

extension FHIRExport {
    /// `completed` once signed; `in-progress` while a draft; `entered-in-error` when voided.
    var eventStatus: String {
        switch session.status {
        case .signed: "completed"
        case .draft: "in-progress"
        case .voided: "entered-in-error"
        }
    }

    var voidReason: FHIRJSON? { session.voiding.flatMap { FHIRJSON.text($0.reason) }.map { .object([("text", $0)]) } }

    // MARK: Medication

    func medicationEntry(_ vial: Vial) -> FHIRJSON {
        let substance = FHIRJSON.members([
            ("coding", FHIRCodes.substance(ingredient: vial.ingredient).map { .array([$0.json]) }),
            ("text", .string(vial.ingredient)),
        ])
        let strength = FHIRJSON.object([
            ("numerator", FHIRCodes.dose(vial.vialUnits)),
            ("denominator", FHIRCodes.millilitres(vial.diluentML)),
        ])
        let resource = FHIRJSON.members([
            ("resourceType", .string("Medication")),
            ("extension", vial.reconstitutedAt.map { .array([facechartExtension("reconstituted-at", "valueDateTime", .string($0.rfc3339))]) }),
            ("identifier", identifier("vial", "\(session.id.rawValue)/\(vial.id.rawValue)")),
            ("code", .object([("text", .string("\(productName(vial.product)) (\(vial.ingredient)), \(vial.vialUnits) U vial"))])),
            ("ingredient", .array([
                .object([("itemCodeableConcept", substance), ("isActive", .bool(true)), ("strength", strength)]),
                .object([
                    ("itemCodeableConcept", .object([("text", .string("Sodium chloride 0.9%, preservative-free (diluent)"))])),
                    ("isActive", .bool(false)),
                ]),
            ])),
            ("batch", .members([
                ("lotNumber", FHIRJSON.text(vial.lot)),
                ("expirationDate", vial.expiry.map { .string($0.description) }),
            ])),
        ])
        return entry(
            path: vialPath(vial.id), resource: resource, type: "Medication", identifierKind: "vial",
            value: "\(session.id.rawValue)/\(vial.id.rawValue)")
    }

    // MARK: Procedure

    func procedureEntry() -> FHIRJSON {
        var sites: [FHIRJSON] = []
        var seenSites = Set<String>()
        for point in session.points where seenSites.insert("\(point.region.rawValue)/\(point.side.rawValue)").inserted {
            sites.append(bodySite(point.region, side: point.side))
        }
        var extensions: [FHIRJSON] = []
        var partOf: [FHIRJSON] = []
        if let link = session.link {
            let linked = FHIRJSON.object([("system", .string(system("session"))), ("value", .string(link.session.rawValue))])
            switch link.kind {
            case .topUp:
                partOf.append(.object([("reference", .string("Procedure?identifier=\(system("session"))|\(link.session.rawValue)"))]))
            case .copiedFrom:
                extensions.append(facechartExtension("copied-from", "valueIdentifier", linked))
            }
        }
        let resource = FHIRJSON.members([
            ("resourceType", .string("Procedure")),
            ("extension", .array(extensions)),
            ("identifier", identifier("session", session.id.rawValue)),
            ("partOf", .array(partOf)),
            ("status", .string(eventStatus)),
            ("statusReason", voidReason),
            ("code", .object([("text", .string("Injection of botulinum toxin"))])),
            ("subject", patientReference),
            ("performedDateTime", .string(session.startedAt.rfc3339)),
            ("performer", .array([.members([
                ("function", FHIRJSON.text(session.clinician.role).map { .object([("text", $0)]) }),
                ("actor", practitionerReference(session.clinician)),
            ])])),
            ("reasonCode", FHIRJSON.text(session.indication.concern).map {
                .array([.object([("text", $0)])])
            }),
            ("bodySite", .array(sites)),
            ("note", .array(procedureNotes())),
            ("complication", .array((record.review?.sideEffects ?? []).map { .object([("text", .string($0.summary))]) })),
            ("followUp", .array([
                .object([("text", .string("Two-week review from \(record.reviewDate(timeZone: timeZone))"))]),
                .object([("text", .string("Next full treatment not before \(record.nextTreatmentDate(timeZone: timeZone))"))]),
            ])),
            ("usedReference", .array(session.vials.map { referenceTo(vialPath($0.id)) })),
        ])
        return entry(path: sessionPath, resource: resource, type: "Procedure", identifierKind: "session", value: session.id.rawValue)
    }

    /// Session notes, overrides, review notes and the signature's state, as annotations.
    func procedureNotes() -> [FHIRJSON] {
        var notes: [FHIRJSON?] = [note(session.notes, author: session.clinician)]
        notes += session.overrides.map { entry in
            note("Safety rule overridden: \(entry.rule). Reason: \(entry.reason)", author: entry.by, time: entry.at)
        }
        notes += session.addenda.map { note("Addendum: \($0.text)", author: $0.author, time: $0.writtenAt) }
        if let review = record.review {
            if review.isDone, review.sideEffects.isEmpty {
                notes.append(note("Review: no side effects recorded.", author: review.clinician, time: review.updatedAt))
            }
            notes += review.outcomes.filter { !$0.note.isEmpty }.map {
                note("Review, \($0.region.name): \($0.note)", author: review.clinician, time: review.updatedAt)
            }
            notes.append(note(review.sideEffectNotes, author: review.clinician, time: review.updatedAt))
            notes.append(note(review.notes, author: review.clinician, time: review.updatedAt))
        }
        if session.isSigned, !session.signatureIsIntact {
            notes.append(note("The record no longer matches its signature: it was changed after signing."))
        }
        return notes.compactMap { $0 }
    }

    // MARK: MedicationAdministration

    func administrationEntry(_ point: InjectionPoint) -> FHIRJSON {
        let position = FHIRJSON.object([
            ("url", .string("\(Self.extensionBase)/chart-position")),
            ("extension", .array([
                .object([("url", .string("view")), ("valueCode", .string(point.view.rawValue))]),
                .object([("url", .string("x")), ("valueDecimal", .number("\(point.position.x)"))]),
                .object([("url", .string("y")), ("valueDecimal", .number("\(point.position.y)"))]),
            ])),
        ])
        let route = FHIRCodes.route(point.depth)
        let resource = FHIRJSON.members([
            ("resourceType", .string("MedicationAdministration")),
            ("extension", .array([position])),
            ("identifier", identifier("point", "\(session.id.rawValue)/\(point.id.rawValue)")),
            ("partOf", .array([procedureReference])),
            ("status", .string(eventStatus)),
            ("statusReason", voidReason.map { .array([$0]) }),
            ("medicationReference", referenceTo(vialPath(session.vial(for: point).id))),
            ("subject", patientReference),
            ("effectiveDateTime", .string(session.startedAt.rfc3339)),
            ("performer", .array([.object([("actor", practitionerReference(session.clinician))])])),
            ("note", note(point.note).map { .array([$0]) }),
            ("dosage", .members([
                ("site", bodySite(point.region, side: point.side)),
                ("method", point.guidance.map { .object([("text", .string("\($0.name) guided"))]) }),
                ("route", .members([("coding", route.map { .array([$0.json]) }), ("text", .string(point.depth.name))])),
                ("dose", FHIRCodes.dose(point.units)),
            ])),
        ])
        return entry(
            path: pointPath(point), resource: resource, type: "MedicationAdministration", identifierKind: "point",
            value: "\(session.id.rawValue)/\(point.id.rawValue)")
    }
}
