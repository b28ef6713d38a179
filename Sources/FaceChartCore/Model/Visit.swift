/// A treatment with the top-ups given at its review: one visit when treatments are compared, so that a
/// top-up adds to its treatment instead of standing in for it.
public struct Visit: Hashable, Sendable, Identifiable {
    public var treatment: Session
    /// Oldest first.
    public var topUps: [Session]

    public init(treatment: Session, topUps: [Session] = []) {
        self.treatment = treatment
        self.topUps = topUps.sorted { $0.startedAt < $1.startedAt }
    }

    /// The treatment's id.
    public var id: RecordID { treatment.id }

    /// The points the top-ups added.
    public var topUpPoints: [InjectionPoint] { topUps.flatMap(\.points) }

    /// The treatment with its top-ups' points (and the vials they came from) added, for totals and the
    /// grid; it is never saved.
    public var combined: Session {
        var session = treatment
        for (index, topUp) in topUps.enumerated() {
            let prefix = "topup\(index + 1)-"
            func renamed(_ id: RecordID) -> RecordID { RecordID(String((prefix + id.rawValue).prefix(64)))! }
            session.vials += topUp.vials.map { vial in
                var copy = vial
                copy.id = renamed(vial.id)
                return copy
            }
            session.points += topUp.points.map { point in
                var copy = point
                copy.vial = renamed(point.vial)
                return copy
            }
        }
        return session
    }

    /// The visits of `sessions`, oldest first: each top-up goes with the treatment it tops up; a top-up
    /// whose treatment is not among them stands alone.
    public static func visits(of sessions: [Session]) -> [Visit] {
        let ids = Set(sessions.map(\.id))
        var visits: [Visit] = sessions.filter { session in
            guard session.link?.kind == .topUp, let original = session.link?.session else { return true }
            return !ids.contains(original)
        }.map { Visit(treatment: $0) }
        for topUp in sessions where topUp.link?.kind == .topUp {
            if let index = visits.firstIndex(where: { $0.treatment.id == topUp.link?.session && $0.treatment.id != topUp.id }) {
                visits[index].topUps.append(topUp)
                visits[index].topUps.sort { $0.startedAt < $1.startedAt }
            }
        }
        return visits.sorted { $0.treatment.startedAt < $1.treatment.startedAt }
    }
}
