import FaceChartUI

/// A one-line message at the foot of a screen.
public struct StatusMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, warning, error
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }

    public static func warning(_ text: String) -> StatusMessage { StatusMessage(text, kind: .warning) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(text, kind: .error) }

    public var style: Style {
        switch kind {
        case .info: Style(.ok)
        case .warning: .warning
        case .error: .danger
        }
    }
}
