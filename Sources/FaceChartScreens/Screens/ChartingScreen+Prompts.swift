import FaceChartCore
import FaceChartUI
import Foundation

/// What a prompt of the charting screen asks for.
public enum PromptPurpose: Hashable, Sendable {
    case sign
    /// With warnings open: the one reason for signing past them.
    case signingReason(signer: String)
    case addendum
    /// Who writes the addendum `text`.
    case addendumAuthor(text: String)
    case override(rule: String)
    case savePattern
    case sessionNotes
    case pointNote(RecordID)
    case void

    /// The prompt's label, keys and longest answer.
    var shape: (label: String, hint: String, maximumLength: Int) {
        switch self {
        case .sign: ("Sign as: ", "Enter sign · Esc cancel", 120)
        case .signingReason: ("Reason: ", "Enter sign · Esc cancel", 200)
        case .addendum: ("Addendum: ", "Enter next · Esc cancel", 500)
        case .addendumAuthor: ("Addendum by: ", "Enter add · Esc back", 60)
        case .override: ("Reason: ", "Enter record · Esc cancel", 200)
        case .savePattern: ("Pattern name: ", "Enter save · Esc cancel", 60)
        case .sessionNotes: ("Session notes: ", "Enter save · Esc cancel", 2_000)
        case .pointNote: ("Point note: ", "Enter save · Esc cancel", 200)
        case .void: ("Void because: ", "Enter void · Esc keep", 200)
        }
    }

    /// What Esc says.
    var withdrawnText: String {
        switch self {
        case .sign, .signingReason: "Not signed."
        case .addendum, .addendumAuthor: "No addendum added."
        case .override: "Not overridden."
        case .savePattern: "Cancelled."
        case .sessionNotes, .pointNote, .void: "Nothing changed."
        }
    }
}

/// The charting screen's questions, all through one `Prompt`: signing, addenda, overrides, a pattern's
/// name, notes and voiding.
extension ChartingScreen {
    /// Opens the prompt for `purpose`, its field holding `text`.
    mutating func ask(_ purpose: PromptPurpose, text: String = "") {
        let shape = purpose.shape
        mode = .prompt(Prompt(shape.label, hint: shape.hint, text: text, maximumLength: shape.maximumLength), for: purpose)
    }

    /// S: refused while a check blocks; otherwise asks who signs.
    mutating func startSigning(environment: ScreenEnvironment) {
        if session.isSigned {
            message = StatusMessage("Already signed by \(session.signature!.signer.name).")
        } else if session.isVoided {
            _ = refuseSigned()
        } else if session.points.isEmpty {
            message = .warning("Nothing to sign: place at least one point.")
        } else if let block = SafetyChecker.blocking(currentFindings(environment: environment)).first {
            message = .error("Cannot sign: \(block.message) (! lists all, O overrides)")
        } else {
            ask(.sign, text: session.clinician.name)
            let open = SafetyChecker.open(findings).count
            if open > 0 { message = .warning("\(open) safety finding\(open == 1 ? "" : "s") open: signing asks for one reason.") }
        }
    }

    /// O: records an override of the first blocking finding, with a reason.
    mutating func startOverride(environment: ScreenEnvironment) {
        let all = currentFindings(environment: environment)
        if session.status != .draft {
            _ = refuseSigned()
        } else if let finding = all.first(where: { $0.isBlocking && SafetyRule.isOverridable($0.rule) }) {
            ask(.override(rule: finding.rule))
            message = .warning("Override: \(finding.message)")
        } else if let warning = SafetyChecker.open(all).first {
            ask(.override(rule: warning.rule))
            message = .warning("Record why: \(warning.message)")
        } else {
            message = StatusMessage("Nothing to override.")
        }
    }

    /// A key while a prompt is open: typing, its answer, or its withdrawal.
    mutating func answer(_ prompt: Prompt, for purpose: PromptPurpose, key: Key, environment: ScreenEnvironment) -> [Effect] {
        var prompt = prompt
        switch prompt.handle(key) {
        case .typing:
            mode = .prompt(prompt, for: purpose)
            if let notice = prompt.field.limitNotice { message = .warning(notice) }
            return []
        case .withdrawn:
            if case .addendumAuthor(let text) = purpose {
                ask(.addendum, text: text)
                return []
            }
            mode = .charting
            message = StatusMessage(purpose.withdrawnText)
            return []
        case .submitted(let text):
            return submit(text, for: purpose, environment: environment)
        }
    }

    private mutating func submit(_ text: String, for purpose: PromptPurpose, environment: ScreenEnvironment) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch purpose {
        case .sign:
            guard !trimmed.isEmpty else {
                message = .error(ValidationError.emptyField("The signer's name").message)
                return []
            }
            let open = SafetyChecker.open(currentFindings(environment: environment))
            guard open.isEmpty else {
                ask(.signingReason(signer: trimmed))
                message = .warning("\(open.count) open: \(open.map(\.rule).joined(separator: ", ")). Why sign past them?")
                return []
            }
            return sign(as: trimmed, since: session, environment: environment)
        case .signingReason(let signer):
            let open = SafetyChecker.open(currentFindings(environment: environment))
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
            ask(.addendumAuthor(text: text), text: environment.user.name)
            return []
        case .addendumAuthor(let addendum):
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
        case .override(let rule):
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
        case .savePattern:
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
        case .sessionNotes, .pointNote, .void:
            return submitCorrection(text, for: purpose, environment: environment)
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
