import FaceChartCore
import Foundation

/// One session as a FHIR R4 transaction Bundle: the patient, the clinicians, a Medication per vial, a
/// Procedure for the session, a MedicationAdministration per point, an Observation per review score and
/// a Provenance for the signature and each addendum (mapping in docs/export.md).
///
/// The output is stable: entry ids are version-5 UUIDs of the record ids, and nothing depends on the
/// time of export, so the same record always gives the same bytes.
public struct FHIRExport {
    /// Where FaceChart's own extensions are defined (a name, not a server).
    public static let extensionBase = "https://facechart.invalid/fhir/StructureDefinition"
    /// The identifier namespace when the clinic has not set its own.
    public static let defaultIdentifierSystem = "https://facechart.invalid/id"

    public var record: SessionRecord
    public var productName: (String) -> String
    /// The prefix of every `Identifier.system` (`…/patient`, `…/session`, …).
    public var identifierSystem: String
    /// For the review and next-treatment dates of sessions written without an offset (format 1).
    public var timeZone: TimeZone

    public init(
        record: SessionRecord, productName: @escaping (String) -> String,
        identifierSystem: String = FHIRExport.defaultIdentifierSystem, timeZone: TimeZone
    ) {
        self.record = record
        self.productName = productName
        self.identifierSystem = identifierSystem.hasSuffix("/") ? String(identifierSystem.dropLast()) : identifierSystem
        self.timeZone = timeZone
    }

    var session: Session { record.session }

    /// The Bundle as pretty-printed JSON, ending in a newline.
    public func json() -> String { bundle().text() + "\n" }

    /// The Bundle on one line (for NDJSON).
    public func line() -> String { bundle().text(indent: nil) }

    func bundle() -> FHIRJSON {
        var entries = [patientEntry()]
        entries += clinicians().map(practitionerEntry)
        entries += session.vials.map(medicationEntry)
        entries.append(procedureEntry())
        entries += record.numberedPoints.map { administrationEntry($0.point) }
        entries += observationEntries()
        entries += provenanceEntries()
        return .object([
            ("resourceType", .string("Bundle")),
            ("id", .string(StableUUID.record(sessionPath + "/bundle"))),
            ("type", .string("transaction")),
            ("entry", .array(entries)),
        ])
    }

    // MARK: References and identifiers

    var patientPath: String { "patient/\(record.patient.id.rawValue)" }
    var sessionPath: String { "\(patientPath)/session/\(session.id.rawValue)" }

    /// `urn:uuid:` of a record path: the entry's fullUrl and what other entries reference.
    func reference(_ path: String) -> String { "urn:uuid:" + StableUUID.record(path) }

    func referenceTo(_ path: String) -> FHIRJSON { .object([("reference", .string(reference(path)))]) }

    var patientReference: FHIRJSON { referenceTo(patientPath) }
    var procedureReference: FHIRJSON { referenceTo(sessionPath) }
    func clinicianPath(_ clinician: Clinician) -> String { "clinician/\(clinician.id.rawValue)" }
    func vialPath(_ id: RecordID) -> String { "\(sessionPath)/vial/\(id.rawValue)" }
    func pointPath(_ point: InjectionPoint) -> String { "\(sessionPath)/point/\(point.id.rawValue)" }

    func system(_ kind: String) -> String { "\(identifierSystem)/\(kind)" }

    func identifier(_ kind: String, _ value: String) -> FHIRJSON {
        .array([.object([("system", .string(system(kind))), ("value", .string(value))])])
    }

    /// A transaction entry that creates the resource unless one with its identifier exists.
    func entry(path: String, resource: FHIRJSON, type: String, identifierKind: String?, value: String?) -> FHIRJSON {
        var request: [(String, FHIRJSON)] = [("method", .string("POST")), ("url", .string(type))]
        if let identifierKind, let value {
            request.append(("ifNoneExist", .string("identifier=\(system(identifierKind))|\(value)")))
        }
        return .object([("fullUrl", .string(reference(path))), ("resource", resource), ("request", .object(request))])
    }

    // MARK: Patient and clinicians

    func patientEntry() -> FHIRJSON {
        let patient = record.patient
        let gender: String = switch patient.sex {
        case .female: "female"
        case .male: "male"
        case .other: "other"
        case .unspecified: "unknown"
        }
        let resource = FHIRJSON.members([
            ("resourceType", .string("Patient")),
            ("identifier", identifier("patient", patient.id.rawValue)),
            ("name", FHIRJSON.text(patient.name).map { .array([.object([("text", $0)])]) }),
            ("gender", .string(gender)),
            ("birthDate", patient.dateOfBirth.map { .string($0.description) }),
        ])
        return entry(path: patientPath, resource: resource, type: "Patient", identifierKind: "patient", value: patient.id.rawValue)
    }

    /// Everyone named in the record, each once, in the order they first appear.
    func clinicians() -> [Clinician] {
        var all = [session.clinician]
        if let signature = session.signature { all.append(signature.signer) }
        if let voiding = session.voiding { all.append(voiding.by) }
        all += session.overrides.compactMap(\.by)
        all += session.addenda.map(\.author)
        if let review = record.review { all.append(review.clinician) }
        var seen = Set<RecordID>()
        return all.filter { seen.insert($0.id).inserted }
    }

    func practitionerEntry(_ clinician: Clinician) -> FHIRJSON {
        let resource = FHIRJSON.members([
            ("resourceType", .string("Practitioner")),
            ("identifier", identifier("clinician", clinician.id.rawValue)),
            ("name", FHIRJSON.text(clinician.name).map { .array([.object([("text", $0)])]) }),
        ])
        return entry(
            path: clinicianPath(clinician), resource: resource, type: "Practitioner", identifierKind: "clinician",
            value: clinician.id.rawValue)
    }

    func practitionerReference(_ clinician: Clinician) -> FHIRJSON { referenceTo(clinicianPath(clinician)) }

    // MARK: Shared pieces

    /// A region (and side) as a body-site concept: a verified code where there is one, the region's name
    /// as text, and the side as the laterality qualifier extension.
    func bodySite(_ region: Region, side: Side?) -> FHIRJSON {
        var members: [(String, FHIRJSON?)] = []
        if let side {
            members.append(("extension", .array([.object([
                ("url", .string(FHIRCodes.lateralityExtension)),
                ("valueCodeableConcept", .object([("coding", .array([FHIRCodes.laterality(side).json]))])),
            ])])))
        }
        members.append(("coding", FHIRCodes.bodySite(region).map { .array([$0.json]) }))
        let text = side.map { "\(region.name), \($0 == .midline ? "midline" : $0.rawValue)" } ?? region.name
        members.append(("text", .string(text)))
        return .members(members)
    }

    /// A FaceChart extension with a value of its own type (`valueString`, `valueDateTime`, ...).
    func facechartExtension(_ name: String, _ valueType: String, _ value: FHIRJSON) -> FHIRJSON {
        .object([("url", .string("\(Self.extensionBase)/\(name)")), (valueType, value)])
    }

    /// An annotation, with its author and time when known.
    func note(_ text: String, author: Clinician? = nil, time: Timestamp? = nil) -> FHIRJSON? {
        guard let text = FHIRJSON.text(text) else { return nil }
        return .members([
            ("authorReference", author.map(practitionerReference)),
            ("time", time.map { .string($0.rfc3339) }),
            ("text", text),
        ])
    }
}
