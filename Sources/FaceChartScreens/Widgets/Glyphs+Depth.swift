import FaceChartCore
import FaceChartUI

extension Glyphs {
    /// The mark of a point injected at `depth`.
    public func point(_ depth: Depth) -> Character {
        switch depth {
        case .intradermal: intradermal
        case .subcutaneous: subcutaneous
        case .intramuscular: intramuscular
        case .deep: deep
        case .intraglandular: intraglandular
        }
    }
}
