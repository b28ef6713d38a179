/// A muscle or gland that toxin is injected into.
public enum Region: String, Codable, CaseIterable, Sendable {
    case frontalis
    case procerus
    case corrugator
    case orbicularisOculiLateral
    case orbicularisOculiPretarsal
    case nasalis
    case levatorLabiiSuperiorisAlaequeNasi
    case orbicularisOris
    case depressorAnguliOris
    case mentalis
    case masseter
    case temporalis
    case platysma
    case sternocleidomastoid
    case parotid
    case submandibular
    case occipitalis
    case cervicalParaspinal
    case spleniusCapitis
    case trapezius
    case levatorScapulae
    case scalenes
    case semispinalis
    /// The hair-bearing skin of the axillary vault (eccrine sweat glands), injected intradermally.
    case axilla

    /// The muscle's name as injectors write it.
    public var name: String {
        switch self {
        case .frontalis: "Frontalis"
        case .procerus: "Procerus"
        case .corrugator: "Corrugator"
        case .orbicularisOculiLateral: "Orb. oculi (lateral)"
        case .orbicularisOculiPretarsal: "Orb. oculi (pretarsal)"
        case .nasalis: "Nasalis"
        case .levatorLabiiSuperiorisAlaequeNasi: "LLSAN"
        case .orbicularisOris: "Orb. oris"
        case .depressorAnguliOris: "DAO"
        case .mentalis: "Mentalis"
        case .masseter: "Masseter"
        case .temporalis: "Temporalis"
        case .platysma: "Platysma"
        case .sternocleidomastoid: "SCM"
        case .parotid: "Parotid"
        case .submandibular: "Submandibular"
        case .occipitalis: "Occipitalis"
        case .cervicalParaspinal: "Cerv. paraspinal"
        case .spleniusCapitis: "Splenius capitis"
        case .trapezius: "Trapezius"
        case .levatorScapulae: "Levator scapulae"
        case .scalenes: "Scalenes"
        case .semispinalis: "Semispinalis"
        case .axilla: "Axilla (sweat glands)"
        }
    }

    /// Muscles that straddle the midline: a point on the centre column is charted as midline.
    public var spansMidline: Bool {
        switch self {
        case .procerus, .frontalis, .orbicularisOris, .mentalis, .nasalis, .platysma: true
        default: false
        }
    }
}
