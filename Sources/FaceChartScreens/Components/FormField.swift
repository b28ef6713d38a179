import FaceChartUI

/// The fields of a form, in order: Tab and Down move to the next, Shift-Tab and Up to the previous,
/// wrapping at either end.
public protocol FormField: CaseIterable, Equatable, RawRepresentable where RawValue == Int {}

extension FormField {
    /// The field `step` places away, wrapping around.
    public func moved(by step: Int) -> Self {
        let count = Self.allCases.count
        return Self(rawValue: ((rawValue + step) % count + count) % count)!
    }

    /// The field after a form-navigation key, or `nil` when the key is not one.
    public func next(after key: Key) -> Self? {
        switch key {
        case .tab, .down: moved(by: 1)
        case .backTab, .up: moved(by: -1)
        default: nil
        }
    }
}
