/// A side effect asked about at the review.
public enum SideEffect: String, Codable, CaseIterable, Sendable, Comparable {
    case browPtosis
    case lidPtosis
    case asymmetry
    case headache
    case bruising
    case diplopia
    case dysphagia
    case smileChange
    case neckWeakness
    case dryEye
    case chewingFatigue
    case lipIncompetence
    case dysphonia
    case breathingDifficulty
    /// Anything else, described in the review's side-effect notes.
    case other

    public var name: String {
        switch self {
        case .browPtosis: "Brow ptosis"
        case .lidPtosis: "Lid ptosis"
        case .asymmetry: "Asymmetry"
        case .headache: "Headache"
        case .bruising: "Bruising"
        case .diplopia: "Diplopia"
        case .dysphagia: "Dysphagia"
        case .smileChange: "Smile change"
        case .neckWeakness: "Neck weakness"
        case .dryEye: "Dry eye"
        case .chewingFatigue: "Chewing fatigue"
        case .lipIncompetence: "Lip incompetence"
        case .dysphonia: "Dysphonia"
        case .breathingDifficulty: "Breathing difficulty"
        case .other: "Other"
        }
    }

    public static func < (lhs: SideEffect, rhs: SideEffect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
