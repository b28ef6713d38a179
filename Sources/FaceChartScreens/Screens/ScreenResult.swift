/// What a screen returns from an event: the records to save and where to go next. The app turns the
/// saves into commands the loop runs, and goes on only once they are on disk.
public struct ScreenResult: Hashable, Sendable {
    public var effects: [Effect]
    public var navigation: Navigation?

    public init(effects: [Effect] = [], navigation: Navigation? = nil) {
        self.effects = effects
        self.navigation = navigation
    }

    public static let none = ScreenResult()
}
