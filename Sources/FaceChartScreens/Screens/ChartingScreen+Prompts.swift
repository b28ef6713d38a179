import FaceChartCore
import Foundation

/// The one-line text prompts of the charting screen: signing, addenda, overrides, saving a pattern.
extension ChartingScreen {
    /// S: refused while a check blocks; otherwise asks who signs.
    mutating func startSigning(environment: ScreenEnvironment) {
        if session.isSigned {
            message = StatusMessage("Already signed by \(session.signature!.signer).")
        } else if session.points.isEmpty {
            message = .warning("Nothing to sign: place at least one point.")
        } else if let block = SafetyChecker.blocking(findings(environment: environment)).first {
            message = .error("Cannot sign: \(block.message) (! lists all, O overrides)")
        } else {
            mode = .signing(TextField(session.clinician))
            let open = SafetyChecker.open(findings(environment: environment)).count
            if open > 0 { message = .warning("\(open) safety finding\(open == 1 ? "" : "s") open: signing asks for one reason.") }
        }
    }

    /// O: records an override of the first blocking finding, with a reason.
    mutating func startOverride(environment: ScreenEnvironment) {
        let overridable = findings(environment: environment).filter { $0.isBlocking && SafetyRule.isOverridable($0.rule) }
        if session.isSigned {
            _ = refuseSigned()
        } else if let finding = overridable.first {
            mode = .overriding(rule: finding.rule, reason: TextField(maximumLength: 200))
            message = .warning("Override: \(finding.message)")
        } else if let warning = SafetyChecker.open(findings(environment: environment)).first {
            mode = .overriding(rule: warning.rule, reason: TextField(maximumLength: 200))
            message = .warning("Record why: \(warning.message)")
        } else {
            message = StatusMessage("Nothing to override.")
        }
    }

    mutating func handlePrompt(_ key: Key, environment: ScreenEnvironment) -> [Effect] {
        guard var field = promptField else { return [] }
        switch key {
        case .escape:
            message = StatusMessage(cancelText)
            mode = .charting
            return []
        case .enter:
            return submitPrompt(field.text, environment: environment)
        default:
            field.handle(key)
            promptField = field
            return []
        }
    }

    /// The text field of the prompt on screen.
    private var promptField: TextField? {
        get {
            switch mode {
            case .signing(let field), .signingReason(_, let field), .addendumAuthor(let field), .addendum(_, let field),
                 .overriding(_, let field), .savingPattern(let field):
                field
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch mode {
            case .signing: mode = .signing(newValue)
            case .signingReason(let signer, _): mode = .signingReason(signer: signer, reason: newValue)
            case .addendumAuthor: mode = .addendumAuthor(newValue)
            case .addendum(let author, _): mode = .addendum(author: author, text: newValue)
            case .overriding(let rule, _): mode = .overriding(rule: rule, reason: newValue)
            case .savingPattern: mode = .savingPattern(newValue)
            default: break
            }
        }
    }

    private var cancelText: String {
        switch mode {
        case .signing, .signingReason: "Not signed."
        case .addendumAuthor, .addendum: "No addendum added."
        case .overriding: "Not overridden."
        default: "Cancelled."
        }
    }

    private mutating func submitPrompt(_ text: String, environment: ScreenEnvironment) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch mode {
        case .signing:
            guard !trimmed.isEmpty else {
                message = .error(ValidationError.emptyField("The signer's name").message)
                return []
            }
            let open = SafetyChecker.open(findings(environment: environment))
            guard open.isEmpty else {
                mode = .signingReason(signer: trimmed, reason: TextField(maximumLength: 200))
                message = .warning("\(open.count) open: \(open.map(\.rule).joined(separator: ", ")). Why sign past them?")
                return []
            }
            return sign(as: trimmed, environment: environment)
        case .signingReason(let signer, _):
            let open = SafetyChecker.open(findings(environment: environment))
            do {
                let reason = trimmed.isEmpty ? "" : "\(trimmed) (signed by \(signer); open: \(open.map(\.rule).joined(separator: ", ")))"
                let withReason = try session.overriding(rule: SafetyRule.signedWithWarnings, reason: reason, at: environment.now())
                let before = session
                session = withReason
                let effects = sign(as: signer, environment: environment)
                if effects.isEmpty { session = before }
                return effects
            } catch {
                message = .error(error == .emptyReason ? "Signing with warnings open needs a reason." : error.message)
                return []
            }
        case .addendumAuthor:
            guard !trimmed.isEmpty else {
                message = .error(ValidationError.emptyField("The author's name").message)
                return []
            }
            mode = .addendum(author: trimmed, text: TextField(maximumLength: 500))
            return []
        case .addendum(let author, _):
            do {
                session = try session.addingAddendum(text, by: author, at: environment.now())
                mode = .charting
                message = StatusMessage("Addendum added.")
                return [.saveSession(session)]
            } catch {
                message = .error(error.message)
                return []
            }
        case .overriding(let rule, _):
            do {
                session = try session.overriding(rule: rule, reason: text, at: environment.now())
                mode = .charting
                message = StatusMessage("Override recorded with its reason.")
                return [.saveSession(session)]
            } catch {
                message = .error(error.message)
                return []
            }
        case .savingPattern:
            guard !trimmed.isEmpty else {
                message = .error("The pattern needs a name.")
                return []
            }
            mode = .charting
            let pattern = TreatmentPattern.fromPoints(
                session.points, key: "user-" + environment.makeID().rawValue, name: trimmed,
                indication: session.indication, product: session.product.product)
            message = StatusMessage("Saved \"\(trimmed)\" as a pattern: t applies it.")
            return [.savePattern(pattern)]
        default:
            return []
        }
    }

    private mutating func sign(as signer: String, environment: ScreenEnvironment) -> [Effect] {
        do {
            session = try session.signed(by: signer, at: environment.now(), meaning: "administered and documented")
            mode = .charting
            selected = nil
            message = StatusMessage("Signed by \(session.signature!.signer). The session is now read-only.")
            return [.saveSession(session)]
        } catch {
            message = .error(error.message)
            return []
        }
    }
}
