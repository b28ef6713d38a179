import FaceChartCore
import Foundation

extension FHIRExport {
    // MARK: Observations: the review's scores

    /// One Observation per score recorded at the review, focused on the Procedure.
    func observationEntries() -> [FHIRJSON] {
        guard let review = record.review else { return [] }
        var entries: [FHIRJSON] = []
        for outcome in review.outcomes {
            var measures: [(key: String, name: String, value: (String, FHIRJSON))] = []
            if let score = outcome.wrinklesAtRest {
                measures.append(("wrinkles-at-rest", "Facial Wrinkle Scale at rest (0 none to 3 severe)", ("valueInteger", .number("\(score)"))))
            }
            if let score = outcome.wrinklesAtMaximum {
                measures.append(("wrinkles-at-maximum", "Facial Wrinkle Scale at maximum contraction (0 none to 3 severe)",
                                 ("valueInteger", .number("\(score)"))))
            }
            if let symmetry = outcome.symmetry {
                measures.append(("symmetry", "Symmetry after treatment", ("valueCodeableConcept", .object([("text", .string(symmetry.label))]))))
            }
            if let score = outcome.satisfaction {
                measures.append(("satisfaction", "Patient satisfaction (1 very unhappy to 5 very happy)", ("valueInteger", .number("\(score)"))))
            }
            for measure in measures {
                let value = "\(session.id.rawValue)/\(outcome.region.rawValue)/\(measure.key)"
                let resource = FHIRJSON.members([
                    ("resourceType", .string("Observation")),
                    ("identifier", identifier("observation", value)),
                    ("status", .string("final")),
                    ("code", .object([("text", .string(measure.name))])),
                    ("subject", patientReference),
                    ("focus", .array([procedureReference])),
                    ("effectiveDateTime", .string(review.updatedAt.rfc3339)),
                    ("performer", .array([practitionerReference(review.clinician)])),
                    (measure.value.0, measure.value.1),
                    ("bodySite", bodySite(outcome.region, side: nil)),
                ])
                entries.append(entry(
                    path: "\(sessionPath)/review/\(outcome.region.rawValue)/\(measure.key)", resource: resource,
                    type: "Observation", identifierKind: "observation", value: value))
            }
        }
        let scales = record.reviewPlan.map { ScaleLibrary(scales: $0.scales) }
        for score in review.scores {
            let scale = scales?.scale(score.scale), item = scale?.items.first { $0.key == score.item }
            let name = "\(scale?.name ?? score.scale): \(item?.name ?? score.item)"
            let value = "\(session.id.rawValue)/\(score.region?.rawValue ?? "visit")/\(score.scale).\(score.item)"
            let resource = FHIRJSON.members([
                ("resourceType", .string("Observation")),
                ("identifier", identifier("observation", value)),
                ("status", .string("final")),
                ("code", .object([("text", .string(name))])),
                ("subject", patientReference),
                ("focus", .array([procedureReference])),
                ("effectiveDateTime", .string(review.updatedAt.rfc3339)),
                ("performer", .array([practitionerReference(review.clinician)])),
                item?.labels == nil
                    ? ("valueInteger", .number("\(score.value)"))
                    : ("valueCodeableConcept", .object([("text", .string(item!.text(for: score.value)))])),
                ("bodySite", score.region.map { bodySite($0, side: nil) }),
            ])
            entries.append(entry(
                path: "\(sessionPath)/review/\(score.region?.rawValue ?? "visit")/\(score.scale).\(score.item)", resource: resource,
                type: "Observation", identifierKind: "observation", value: value))
        }
        return entries
    }

    // MARK: Provenance: the signature and each addendum

    func provenanceEntries() -> [FHIRJSON] {
        var entries: [FHIRJSON] = []
        if let signature = session.signature {
            let details = FHIRJSON.object([
                ("url", .string("\(Self.extensionBase)/signature-details")),
                ("extension", .array([
                    .object([("url", .string("meaning")), ("valueString", FHIRJSON.text(signature.meaning) ?? .string("signed"))]),
                    .object([("url", .string("digestAlgorithm")), ("valueString", .string(signature.digest.algorithm))]),
                    .object([("url", .string("digest")), ("valueString", .string(signature.digest.value))]),
                    .object([("url", .string("intact")), ("valueBoolean", .bool(session.signatureIsIntact))]),
                ])),
            ])
            let targets = [procedureReference] + session.points.map { referenceTo(pointPath($0)) }
            let resource = FHIRJSON.object([
                ("resourceType", .string("Provenance")),
                ("target", .array(targets)),
                ("recorded", .string(signature.signedAt.rfc3339)),
                ("activity", .object([("coding", .array([FHIRCodes.authenticated.json]))])),
                ("agent", .array([.object([("who", practitionerReference(signature.signer))])])),
                ("signature", .array([.object([
                    ("extension", .array([details])),
                    ("type", .array([FHIRCodes.authorSignature.json])),
                    ("when", .string(signature.signedAt.rfc3339)),
                    ("who", practitionerReference(signature.signer)),
                ])])),
            ])
            entries.append(entry(path: "\(sessionPath)/signature", resource: resource, type: "Provenance", identifierKind: nil, value: nil))
        }
        for (index, addendum) in session.addenda.enumerated() {
            let resource = FHIRJSON.object([
                ("resourceType", .string("Provenance")),
                ("target", .array([procedureReference])),
                ("recorded", .string(addendum.writtenAt.rfc3339)),
                ("activity", .object([("text", .string("addendum"))])),
                ("agent", .array([.object([("who", practitionerReference(addendum.author))])])),
            ])
            entries.append(entry(
                path: "\(sessionPath)/addendum/\(index + 1)", resource: resource, type: "Provenance", identifierKind: nil, value: nil))
        }
        return entries
    }
}
