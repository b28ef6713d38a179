extension Session {
    /// Whether the session is a full treatment: not voided, not a top-up of another session, and at least
    /// one point injected (a session with no points is an abandoned draft). Retreatment intervals run from
    /// the last one.
    public var isTreatment: Bool { !isVoided && link?.kind != .topUp && !points.isEmpty }
}
