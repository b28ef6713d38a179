import Foundation

/// One treatment visit: the vial used, every point injected, and whether it has been signed.
public struct Session: Hashable, Codable, Sendable, Identifiable {
    /// Draft sessions change freely; signed ones only gain addenda.
    public enum Status: Hashable, Codable, Sendable {
        case draft
        case signed(Signature)
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

    /// A safety rule the clinician chose to go past, with the reason recorded.
    public struct Override: Hashable, Codable, Sendable {
        public var rule: String
        public var reason: String
        public var at: Date

        public init(rule: String, reason: String, at: Date) {
            self.rule = rule
            self.reason = reason
            self.at = at
        }
    }

    public var id: RecordID
    public var patient: RecordID
    public var startedAt: Date
    public var clinician: String
    public var indication: Indication
    public var product: ProductUse
    public var points: [InjectionPoint]
    public var notes: String
    public var status: Status
    public var addenda: [Addendum]
    public var link: Link?
    public var overrides: [Override]

    public init(
        id: RecordID, patient: RecordID, startedAt: Date, clinician: String, indication: Indication,
        product: ProductUse, points: [InjectionPoint] = [], notes: String = "", status: Status = .draft,
        addenda: [Addendum] = [], link: Link? = nil, overrides: [Override] = []
    ) {
        self.id = id
        self.patient = patient
        self.startedAt = startedAt
        self.clinician = clinician
        self.indication = indication
        self.product = product
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

    /// The signature, if signed.
    public var signature: Signature? {
        if case .signed(let signature) = status { return signature }
        return nil
    }

    /// The first problem that makes the record unsound, or `nil`.
    public var problem: ValidationError? {
        if let problem = product.problem { return problem }
        for point in points { if let problem = point.problem { return problem } }
        return nil
    }
}
