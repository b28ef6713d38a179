extension App {
    /// Whether the screen on top waits on the clock (a figure being typed for the pen): the terminal loop
    /// then sends `.tick` when no input comes for a moment.
    public var wantsTicks: Bool {
        if case .charting(let screen) = top { return screen.wantsTicks }
        return false
    }
}
