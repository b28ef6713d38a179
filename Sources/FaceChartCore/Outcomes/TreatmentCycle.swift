/// A full treatment with the top-ups given at its review: one cycle of a patient's care.
public struct TreatmentCycle: Hashable, Sendable {
    public var session: Session
    public var topUps: [Session]

    public init(session: Session, topUps: [Session] = []) {
        self.session = session
        self.topUps = topUps
    }

    /// Units per region: the session's, and the top-ups' separately.
    public func units(in region: Region) -> (session: Units, topUp: Units) {
        (session.summary.units(in: region), topUps.map { $0.summary.units(in: region) }.total())
    }

    /// Every point given in the cycle, top-ups included.
    public var points: [InjectionPoint] { session.points + topUps.flatMap(\.points) }

    /// All units given, top-ups included.
    public var total: Units { session.summary.total + topUps.map(\.summary.total).total() }

    /// The full treatment each top-up belongs to, by the top-up's id (from the session's link or a review).
    public static func topUpParents(sessions: [Session], reviews: [Review]) -> [RecordID: RecordID] {
        var parents: [RecordID: RecordID] = [:]
        for session in sessions {
            if let link = session.link, link.kind == .topUp { parents[session.id] = link.session }
        }
        for review in reviews { if let topUp = review.topUp { parents[topUp] = review.session } }
        return parents
    }

    /// Full treatments in the order given (oldest first when `sessions` are), each with its top-ups. A top-up
    /// whose treatment is missing counts as its own; a session without points (an abandoned draft) is none.
    public static func cycles(sessions: [Session], reviews: [Review]) -> [TreatmentCycle] {
        let parents = topUpParents(sessions: sessions, reviews: reviews)
        let ids = Set(sessions.map(\.id))
        var result: [TreatmentCycle] = []
        for session in sessions {
            if let parent = parents[session.id], ids.contains(parent), parent != session.id { continue }
            if session.points.isEmpty, parents[session.id] == nil { continue }
            let topUps = sessions.filter { parents[$0.id] == session.id && $0.id != session.id }
            result.append(TreatmentCycle(session: session, topUps: topUps))
        }
        return result
    }
}
