/// One treatment visit: the vials used, every point injected, and whether it has been signed or voided.
public struct Session: Hashable, Sendable, Identifiable {
    /// Draft sessions change freely; signed ones only gain addenda; voided ones stay on record but count
    /// for nothing.
    public enum Status: Hashable, Sendable {
        case draft
        case signed(Signature)
        case voided(Voiding)

        /// `draft`, `signed` or `voided`, as written in the file.
        public var name: String {
            switch self {
            case .draft: "draft"
            case .signed: "signed"
            case .voided: "voided"
            }
        }
    }

    /// How this session relates to an earlier one.
    public struct Link: Hashable, Codable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// Points added at the review of the linked session.
            case topUp
            /// Started from the linked session's map.
            case copiedFrom
        }

        public var kind: Kind
        public var session: RecordID

        public init(kind: Kind, session: RecordID) {
            self.kind = kind
            self.session = session
        }
    }

    /// A safety rule the clinician chose to go past, with the reason, when and who.
    public struct Override: Hashable, Codable, Sendable {
        public var rule: String
        public var reason: String
        public var at: Timestamp
        /// `nil` on overrides recorded before FaceChart kept who made them.
        public var by: Clinician?

        public init(rule: String, reason: String, at: Timestamp, by: Clinician?) {
            self.rule = rule
            self.reason = reason
            self.at = at
            self.by = by
        }
    }

    /// The identifier of the vial a session starts with.
    public static let firstVialID = RecordID("v1")!

    public var id: RecordID
    public var patient: RecordID
    public var startedAt: Timestamp
    public var clinician: Clinician
    public var indication: Indication
    /// Every vial drawn from, in the order they were opened; never empty.
    public var vials: [Vial]
    public var points: [InjectionPoint]
    public var notes: String
    public var status: Status
    public var addenda: [Addendum]
    public var link: Link?
    public var overrides: [Override]

    public init(
        id: RecordID, patient: RecordID, startedAt: Timestamp, clinician: Clinician, indication: Indication,
        vials: [Vial], points: [InjectionPoint] = [], notes: String = "", status: Status = .draft,
        addenda: [Addendum] = [], link: Link? = nil, overrides: [Override] = []
    ) {
        self.id = id
        self.patient = patient
        self.startedAt = startedAt
        self.clinician = clinician
        self.indication = indication
        self.vials = vials
        self.points = points
        self.notes = notes
        self.status = status
        self.addenda = addenda
        self.link = link
        self.overrides = overrides
    }

    /// Whether the session is signed (and so read-only but for addenda).
    public var isSigned: Bool {
        if case .signed = status { return true }
        return false
    }

    /// Whether the session was voided: kept on record, left out of totals, intervals and recall.
    public var isVoided: Bool {
        if case .voided = status { return true }
        return false
    }

    /// The signature, if signed.
    public var signature: Signature? {
        if case .signed(let signature) = status { return signature }
        return nil
    }

    /// Why and by whom the session was voided, if it was.
    public var voiding: Voiding? {
        if case .voided(let voiding) = status { return voiding }
        return nil
    }

    /// The first problem that makes the record unsound, or `nil`.
    public var problem: ValidationError? {
        if let problem = clinician.problem { return problem }
        guard !vials.isEmpty else { return .emptyField("A vial") }
        var vialIDs = Set<RecordID>()
        for vial in vials {
            if let problem = vial.problem { return problem }
            guard vialIDs.insert(vial.id).inserted else { return .duplicateIdentifier(vial.id.rawValue) }
        }
        for point in points {
            if let problem = point.problem { return problem }
            guard vialIDs.contains(point.vial) else { return .unknownVial(point.vial.rawValue) }
        }
        return nil
    }
}
