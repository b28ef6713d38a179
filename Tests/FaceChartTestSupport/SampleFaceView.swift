import FaceChartCore

/// A small synthetic drawing with a known mask, for screen tests that must not depend on the art.
public enum SampleFaceView {
    /// 11 x 5 cells; midline at column 5.
    ///
    ///     row 0  frontalis everywhere
    ///     row 1  lower-forehead danger band, corrugators, procerus on the midline
    ///     row 2  lateral orbicularis oculi, eyes (no injection), procerus
    ///     row 3  nasalis either side of the midline
    ///     row 4  masseter on both jaws
    public static func anterior() -> FaceView {
        try! FaceView(
            kind: .anterior,
            art: [
                "R ~~~~~~~ L",
                " --\\ | /-- ",
                "( (o) (o) )",
                "   \\ | /   ",
                " \\_______/ ",
            ],
            mask: [
                "FFFFFFFFFFF",
                "fffccPccfff",
                "o##.#P#.##o",
                "   nn nn   ",
                "MMMM   MMMM",
            ],
            legend: [
                "F": .init(region: .frontalis),
                "f": .init(region: .frontalis, danger: .lowerForehead),
                "c": .init(region: .corrugator),
                "P": .init(region: .procerus),
                "o": .init(region: .orbicularisOculiLateral),
                "#": .init(),
                ".": .init(),
                "n": .init(region: .nasalis),
                "M": .init(region: .masseter),
            ],
            source: "test drawing")
    }

    /// 11 x 3 cells seen from behind: occipitalis, paraspinals, trapezius.
    public static func posterior() -> FaceView {
        try! FaceView(
            kind: .posterior,
            art: [
                "L (  ___  R",
                "   | | |   ",
                " /_______\\ ",
            ],
            mask: [
                "  OOOOOOO  ",
                "   SSSSS   ",
                " TTTTTTTTT ",
            ],
            legend: [
                "O": .init(region: .occipitalis),
                "S": .init(region: .cervicalParaspinal),
                "T": .init(region: .trapezius),
            ],
            source: "test drawing")
    }

    public static func views() -> [ViewKind: FaceView] { [.anterior: anterior(), .posterior: posterior()] }
}
