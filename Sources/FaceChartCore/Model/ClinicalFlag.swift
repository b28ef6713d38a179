/// Something about the patient that changes whether or how toxin may be given.
public enum ClinicalFlag: String, Codable, CaseIterable, Sendable, Comparable {
    case siteInfection
    case toxinHypersensitivity
    case neuromuscularDisorder
    case dysphagiaOrBreathing
    case pregnancy
    case lactation
    case aminoglycosides
    case anticoagulants
    case recentOtherToxin
    /// Contraindicates products that may hold cow's-milk protein (abobotulinumtoxinA); see `FlagRule`.
    case cowsMilkProteinAllergy

    /// How strongly the flag bears on treatment.
    public enum Severity: Int, Sendable, Comparable {
        /// Bruising and similar: note it, never block.
        case caution
        /// Label warning: show prominently.
        case warning
        /// Label contraindication: block until overridden with a recorded reason.
        case contraindication

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var severity: Severity {
        switch self {
        case .siteInfection, .toxinHypersensitivity: .contraindication
        case .neuromuscularDisorder, .dysphagiaOrBreathing, .pregnancy, .lactation, .aminoglycosides,
             .recentOtherToxin: .warning
        case .anticoagulants, .cowsMilkProteinAllergy: .caution
        }
    }

    /// The flag as a clinician would read it.
    public var name: String {
        switch self {
        case .siteInfection: "Infection at the injection site"
        case .toxinHypersensitivity: "Hypersensitivity to botulinum toxin"
        case .neuromuscularDisorder: "Neuromuscular disorder (MG, LEMS, ALS)"
        case .dysphagiaOrBreathing: "Dysphagia or breathing problems"
        case .pregnancy: "Pregnancy"
        case .lactation: "Lactation"
        case .aminoglycosides: "Aminoglycosides / curare-like drugs"
        case .anticoagulants: "Anticoagulants / bleeding disorder"
        case .recentOtherToxin: "Another toxin within months"
        case .cowsMilkProteinAllergy: "Cow's-milk protein allergy"
        }
    }

    /// A short form for headers.
    public var shortName: String {
        switch self {
        case .siteInfection: "site infection"
        case .toxinHypersensitivity: "toxin allergy"
        case .neuromuscularDisorder: "neuromuscular"
        case .dysphagiaOrBreathing: "dysphagia"
        case .pregnancy: "pregnant"
        case .lactation: "lactating"
        case .aminoglycosides: "aminoglycosides"
        case .anticoagulants: "anticoagulant"
        case .recentOtherToxin: "other toxin"
        case .cowsMilkProteinAllergy: "milk allergy"
        }
    }

    public static func < (lhs: ClinicalFlag, rhs: ClinicalFlag) -> Bool {
        let order = ClinicalFlag.allCases
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
