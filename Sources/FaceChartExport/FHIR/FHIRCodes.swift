import FaceChartCore

/// The codes FaceChart writes into FHIR codings. Each was found in a public value set (see
/// docs/export.md); anything not listed here is exported as text only, never with a made-up code.
enum FHIRCodes {
    static let snomed = "http://snomed.info/sct"
    static let ucum = "http://unitsofmeasure.org"

    /// A coding of `system`, `code` and its display.
    struct Code: Hashable {
        var system: String
        var code: String
        /// Left out where no public source gave the preferred term.
        var display: String?

        var json: FHIRJSON {
            .members([("system", .string(system)), ("code", .string(code)), ("display", display.map(FHIRJSON.string))])
        }
    }

    /// SNOMED CT substance: botulinum toxin type A, for every type A product (the ingredient names end in
    /// `botulinumtoxinA`). Other serotypes get text only.
    static func substance(ingredient: String) -> Code? {
        ingredient.hasSuffix("botulinumtoxinA") ? Code(system: snomed, code: "108890005", display: "Botulinum toxin type A") : nil
    }

    /// Laterality qualifiers (mCODE laterality qualifier value set).
    static func laterality(_ side: Side) -> Code {
        switch side {
        case .right: Code(system: snomed, code: "24028007", display: "Right")
        case .left: Code(system: snomed, code: "7771000", display: "Left")
        case .midline: Code(system: snomed, code: "399488007", display: "Midline")
        }
    }

    /// The extension that carries laterality on a body-site concept.
    static let lateralityExtension = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"

    /// Routes of administration. Deep (supraperiosteal) injections are into muscle, down to the bone.
    /// Intraglandular injections (sialorrhea) have no route code found in a public value set: text only.
    static func route(_ depth: Depth) -> Code? {
        switch depth {
        case .intradermal: Code(system: snomed, code: "372464004", display: "Intradermal route")
        case .subcutaneous: Code(system: snomed, code: "34206005", display: "Subcutaneous route")
        case .intramuscular, .deep: Code(system: snomed, code: "78421000", display: "Intramuscular route")
        case .intraglandular: nil
        }
    }

    /// Body structures found verified (without a display: the concept's text names the region); the
    /// other regions get a broader verified structure (face, forehead, muscle of head) or none.
    static func bodySite(_ region: Region) -> Code? {
        switch region {
        case .masseter: Code(system: snomed, code: "79368004", display: nil)
        case .temporalis: Code(system: snomed, code: "52927003", display: nil)
        case .platysma: Code(system: snomed, code: "18252004", display: nil)
        case .sternocleidomastoid: Code(system: snomed, code: "22823000", display: nil)
        case .trapezius: Code(system: snomed, code: "31764008", display: nil)
        case .spleniusCapitis: Code(system: snomed, code: "1600003", display: nil)
        case .parotid: Code(system: snomed, code: "45289007", display: nil)
        case .submandibular: Code(system: snomed, code: "54019009", display: nil)
        case .frontalis: Code(system: snomed, code: "52795006", display: nil)
        case .procerus, .corrugator, .orbicularisOculiLateral, .orbicularisOculiPretarsal, .nasalis,
             .levatorLabiiSuperiorisAlaequeNasi, .orbicularisOris, .depressorAnguliOris, .mentalis:
            Code(system: snomed, code: "89545001", display: nil)
        case .occipitalis: Code(system: snomed, code: "22688005", display: nil)
        default: nil
        }
    }

    /// Provenance activity for a signature: v3 DocumentCompletion "authenticated".
    static let authenticated = Code(
        system: "http://terminology.hl7.org/CodeSystem/v3-DocumentCompletion", code: "AU", display: "authenticated")

    /// Signature type: the author's signature (ASTM E1762-95).
    static let authorSignature = Code(system: "urn:iso-astm:E1762-95:2013", code: "1.2.840.10065.1.12.1.1", display: "Author's Signature")

    /// A dose of toxin: UCUM `[USP'U]` (UCUM has no `[U]`; `U` is the enzyme unit).
    static func dose(_ units: Units) -> FHIRJSON {
        .object([("value", .number(units.description)), ("unit", .string("U")), ("system", .string(ucum)), ("code", .string("[USP'U]"))])
    }

    /// A volume in millilitres.
    static func millilitres(_ value: Double) -> FHIRJSON {
        .object([("value", .number(Figures.trimmed(value))), ("unit", .string("mL")), ("system", .string(ucum)), ("code", .string("mL"))])
    }
}
