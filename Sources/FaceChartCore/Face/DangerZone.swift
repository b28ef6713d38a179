/// A place on the face where toxin risks a known complication; the chart warns when a point lands here.
public enum DangerZone: String, Codable, CaseIterable, Sendable {
    /// The lowest 2-2.5 cm of forehead above the brow: brow ptosis.
    case lowerForehead
    /// Within 1 cm of the bony orbital rim above the eye: lid ptosis (levator palpebrae).
    case supraorbitalRim
    /// Medial lower lid: diplopia, lid malposition.
    case medialLowerLid
    /// The zygomaticus path below the lateral canthus: smile asymmetry.
    case zygomaticusPath
    /// Within 1.5 cm of the mouth corners: drooling, asymmetric smile.
    case mouthCorner
    /// Deep neck centre over the larynx: dysphagia.
    case anteriorNeck
    /// Within 1 cm of the lateral orbital rim: crow's-feet sites belong further out.
    case lateralOrbitalRim
    /// The lower nasal sidewall over LLSAN: spread droops the upper lip. A caution, not a warning.
    case lowerNasalSidewall

    /// What can go wrong, in the words of the placement rules.
    public var warning: String {
        switch self {
        case .lowerForehead: "lowest 2 cm of forehead: brow ptosis risk"
        case .supraorbitalRim: "within 1 cm of the orbital rim: lid ptosis risk"
        case .medialLowerLid: "medial lower lid: diplopia risk, never inject"
        case .zygomaticusPath: "zygomaticus path: smile asymmetry risk"
        case .mouthCorner: "within 1.5 cm of the mouth corner"
        case .anteriorNeck: "central neck: dysphagia risk"
        case .lateralOrbitalRim: "within 1 cm of the lateral orbital rim: crow's-feet sites belong >= 1 cm lateral"
        case .lowerNasalSidewall: "lower nasal sidewall over LLSAN: spread can droop the upper lip"
        }
    }

    /// Where the rule comes from and its grade (L label, P paper, W web).
    public var source: SafetySource {
        switch self {
        case .lowerForehead: SafetySource(.paper, .web, text: "forehead, upper two-thirds only")
        case .supraorbitalRim: SafetySource(.label, text: "Botox Cosmetic label, glabellar injection >= 1 cm above the orbital rim")
        case .medialLowerLid: SafetySource(.label, text: "Botox label (blepharospasm), avoid the medial lower lid")
        case .zygomaticusPath: SafetySource(.paper, .web, text: "lateral canthal, superficial, avoid zygomaticus major")
        case .mouthCorner: SafetySource(.paper, text: "perioral, >= 1.5 cm from the mouth corners")
        case .anteriorNeck: SafetySource(.label, text: "dysphagia warning (neck injections)")
        case .lateralOrbitalRim: SafetySource(.paper, .web, text: "lateral canthal, >= 1 cm lateral to the orbital rim")
        case .lowerNasalSidewall: SafetySource(
            .paper, .web, text: "gummy smile / bunny lines: LLSAN spread from the lower nasal sidewall, upper-lip ptosis (jddonline.com)")
        }
    }

    /// How strongly a point here is flagged: a caution over the nasal sidewall, a warning elsewhere.
    public var severity: SafetyFinding.Severity { self == .lowerNasalSidewall ? .caution : .warning }
}
