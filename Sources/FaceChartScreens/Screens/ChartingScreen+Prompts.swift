import FaceChartCore
import FaceChartUI
import Foundation

/// The one-line text prompts of the charting screen: signing, addenda, overrides, saving a pattern.
extension ChartingScreen {
    /// S: refused while a check blocks; otherwise asks who signs.
    mutating func startSigning(environment: ScreenEnvironment) {
        if session.isSigned {
            message = StatusMessage("Already signed by \(session.signature!.signer.name).")
        } else if session.isVoided {
            _ = refuseSigned()
        } else if session.points.isEmpty {
            message = .warning("Nothing to sign: place at least one point.")
        } else if let block = SafetyChecker.blocking(findings(environment: environment)).first {
            message = .error("Cannot sign: \(block.message) (! lists all, O overrides)")
        } else {
            mode = .signing(TextField(session.clinician.name))
            let open = SafetyChecker.open(findings(environment: environment)).count
            if open > 0 { message = .warning("\(open) safety finding\(open == 1 ? "" : "s") open: signing asks for one reason.") }
        }
    }

    /// O: records an override of the first blocking finding, with a reason.
    mutating func startOverride(environment: ScreenEnvironment) {
        let overridable = findings(environment: environment).filter { $0.isBlocking && SafetyRule.isOverridable($0.rule) }
        if session.status != .draft {
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
            if case .addendumAuthor(let text, _) = mode {
                mode = .addendum(TextField(text, maximumLength: 500))
                return []
            }
            message = StatusMessage(cancelText)
            mode = .charting
            return []
        case .enter:
            return submitPrompt(field.text, environment: environment)
        default:
            field.handle(key)
            if let notice = field.limitNotice { message = .warning(notice) }
            promptField = field
            return []
        }
    }

    /// The text field of the prompt on screen.
    var promptField: TextField? {
        get {
            switch mode {
            case .signing(let field), .signingReason(_, let field), .addendum(let field), .addendumAuthor(_, let field),
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
            case .addendum: mode = .addendum(newValue)
            case .addendumAuthor(let text, _): mode = .addendumAuthor(text: text, author: newValue)
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
            return sign(as: trimmed, since: session, environment: environment)
        case .signingReason(let signer, _):
            let open = SafetyChecker.open(findings(environment: environment))
            let reason = trimmed.isEmpty ? "" : "\(trimmed) (open: \(open.map(\.rule).joined(separator: ", ")))"
            do throws(SafetyOverrideError) {
                let withReason = try session.overriding(
                    rule: SafetyRule.signedWithWarnings, reason: reason, at: environment.timestamp,
                    by: environment.clinician(named: signer))
                let before = session
                session = withReason
                let effects = sign(as: signer, since: before, environment: environment)
                if effects.isEmpty { session = before }
                return effects
            } catch {
                message = .error(error == .emptyReason ? "Signing with warnings open needs a reason." : error.message)
                return []
            }
        case .addendum:
            guard !trimmed.isEmpty else {
                message = .error(ValidationError.emptyField("The addendum").message)
                return []
            }
            mode = .addendumAuthor(text: text, author: TextField(environment.user.name, maximumLength: 60))
            return []
        case .addendumAuthor(let addendum, _):
            do throws(ValidationError) {
                let before = session
                session = try session.addingAddendum(addendum, by: environment.clinician(named: text), at: environment.timestamp)
                mode = .charting
                message = StatusMessage("Addendum added.")
                return saving(from: before, environment: environment)
            } catch {
                message = .error(error.message)
                return []
            }
        case .overriding(let rule, _):
            do throws(SafetyOverrideError) {
                let before = session
                session = try session.overriding(rule: rule, reason: text, at: environment.timestamp, by: environment.user)
                mode = .charting
                message = StatusMessage("Override recorded with its reason.")
                return saving(from: before, environment: environment)
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
                indication: session.indication, product: session.primaryVial.product)
            message = StatusMessage("Saved \"\(trimmed)\" as a pattern: t applies it.")
            return [.savePattern(pattern)]
        default:
            return []
        }
    }

    /// Signs, saving with change-list entries for what changed since `unsigned`.
    private mutating func sign(as signer: String, since unsigned: Session, environment: ScreenEnvironment) -> [Effect] {
        do throws(ValidationError) {
            session = try session.signed(
                by: environment.clinician(named: signer), at: environment.timestamp, meaning: "administered and documented")
            mode = .charting
            selected = nil
            message = StatusMessage("Signed by \(session.signature!.signer.name). The session is now read-only.")
            return saving(from: unsigned, environment: environment)
        } catch {
            message = .error(error.message)
            return []
        }
    }
}
