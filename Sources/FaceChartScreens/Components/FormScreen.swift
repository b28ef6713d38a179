import FaceChartUI

/// A screen that is a form: fields in order (Tab and the arrows move between them), some typed into and
/// some chosen; Enter submits from any field, Esc leaves. A text field reached by Tab is selected whole, so
/// typing replaces what it holds.
protocol FormScreen {
    associatedtype Field: FormField
    var focus: Field { get set }
    var message: StatusMessage? { get set }
    /// Applies `edit` to the focused text field and returns it, or nil when the focus is on a choice.
    mutating func editText(_ edit: (inout TextField) -> Void) -> TextField?
    /// A key on a field that is chosen, not typed.
    mutating func choose(_ key: Key, environment: ScreenEnvironment)
    /// The form's answer to Enter.
    mutating func submit(environment: ScreenEnvironment) -> ScreenResult
    /// Why a paste on a chosen field does nothing: `Sex is not a text field.`
    var pasteRefusal: String { get }
}

extension FormScreen {
    /// The form's keys and pastes.
    mutating func updateForm(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        if case .paste(let text) = event {
            if let edited = editText({ $0.paste(text) }) {
                message = edited.limitNotice.map { .warning($0) }
            } else {
                message = .warning("Paste ignored: \(pasteRefusal)")
            }
            return .none
        }
        guard case .key(let key) = event else { return .none }
        if let field = focus.next(after: key) {
            focus = field
            _ = editText { $0.selectAll() }
            return .none
        }
        switch key {
        case .escape: return ScreenResult(navigation: .back)
        case .enter: return submit(environment: environment)
        default:
            message = nil
            if let edited = editText({ $0.handle(key) }) {
                message = edited.limitNotice.map { .warning($0) }
            } else {
                choose(key, environment: environment)
            }
            return .none
        }
    }
}
