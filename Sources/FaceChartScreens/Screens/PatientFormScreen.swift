import FaceChartCore
import FaceChartUI
import Foundation

/// Adds a patient, or corrects one: name, date of birth, sex, clinical flags, notes. Enter saves from any
/// field. A new patient whose name and date of birth match someone already on the list is saved only
/// after a second Enter; a correction is saved with what it replaced in the change list.
public struct PatientFormScreen: Equatable, FormScreen {
    public enum Field: Int, FormField, Hashable, Sendable {
        case name, dateOfBirth, sex, flags, notes

        var label: String {
            switch self {
            case .name: "Name"
            case .dateOfBirth: "Born (YYYY-MM-DD)"
            case .sex: "Sex"
            case .flags: "Clinical flags"
            case .notes: "Notes"
            }
        }
    }

    public var name = TextField(maximumLength: 120)
    public var dateOfBirth = TextField(maximumLength: 10)
    public var sex: Patient.Sex = .unspecified
    public var flags: Set<ClinicalFlag> = []
    public var notes = TextField(maximumLength: 500)
    public var focus: Field = .name
    public var message: StatusMessage?
    /// The record being corrected, or `nil` for a new patient.
    public let editing: Patient?
    /// The patient the new one seems to duplicate, once the user has been told.
    public private(set) var warnedDuplicate: RecordID?

    public init() {
        editing = nil
    }

    /// Says that the new patient seems to be `twin` (same name and date of birth) and returns true, the
    /// first time; once told, returns false so that a second Enter adds the patient after all.
    public mutating func warnDuplicate(_ twin: Patient) -> Bool {
        guard warnedDuplicate != twin.id else { return false }
        warnedDuplicate = twin.id
        let born = twin.dateOfBirth.map { "born \($0)" } ?? "no date of birth"
        message = .warning("\(twin.name), \(born), is already a patient (\(twin.id)): Esc and open that record, "
            + "or Enter again to add another person.")
        return true
    }

    /// The form for correcting `patient`, filled with what the record holds.
    public init(editing patient: Patient) {
        editing = patient
        name = TextField(patient.name, maximumLength: 120)
        dateOfBirth = TextField(patient.dateOfBirth?.description ?? "", maximumLength: 10)
        sex = patient.sex
        flags = patient.flags
        notes = TextField(patient.notes, maximumLength: 500)
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        updateForm(event, environment: environment)
    }

    var pasteRefusal: String { "\(focus.label) is not a text field." }

    /// Sex and the clinical flags are chosen: f m x or the arrows; 1-9 (and 0) toggle a flag.
    mutating func choose(_ key: Key, environment: ScreenEnvironment) {
        switch focus {
        case .name, .dateOfBirth, .notes: break
        case .sex:
            let all = Patient.Sex.allCases
            let index = all.firstIndex(of: sex)!
            switch key {
            case .character("f"), .character("F"): sex = .female
            case .character("m"), .character("M"): sex = .male
            case .character("x"), .character("X"): sex = .other
            case .left: sex = all[(index + all.count - 1) % all.count]
            case .right, .character(" "): sex = all[(index + 1) % all.count]
            default: break
            }
        case .flags:
            // 1-9 toggle the first nine flags, 0 the tenth.
            if case .character(let character) = key, let digit = character.wholeNumberValue,
               case let number = digit == 0 ? 10 : digit, (1...ClinicalFlag.allCases.count).contains(number) {
                let flag = ClinicalFlag.allCases[number - 1]
                if flags.contains(flag) { flags.remove(flag) } else { flags.insert(flag) }
            }
        }
    }

    /// Applies `edit` to the focused text field and returns it, or nil when the focus is not on one.
    mutating func editText(_ edit: (inout TextField) -> Void) -> TextField? {
        func apply(_ field: inout TextField) -> TextField {
            edit(&field)
            return field
        }
        switch focus {
        case .name: return apply(&name)
        case .dateOfBirth: return apply(&dateOfBirth)
        case .notes: return apply(&notes)
        case .sex, .flags: return nil
        }
    }

    mutating func submit(environment: ScreenEnvironment) -> ScreenResult {
        var born: CalendarDate?
        let bornText = dateOfBirth.text.trimmingCharacters(in: .whitespaces)
        if !bornText.isEmpty {
            guard let date = CalendarDate(bornText), date <= environment.today else {
                message = .error("Date of birth '\(bornText)' is not a past date in the form YYYY-MM-DD.")
                focus = .dateOfBirth
                return .none
            }
            born = date
        }
        let trimmedName = name.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let editing { return submitCorrection(of: editing, name: trimmedName, born: born, environment: environment) }
        let patient = Patient(
            id: environment.makeID(), name: trimmedName, dateOfBirth: born, sex: sex, flags: flags, notes: notes.text,
            createdAt: environment.timestamp)
        if let problem = patient.problem {
            message = .error(problem.message)
            focus = .name
            return .none
        }
        return ScreenResult(effects: [.savePatient(patient)], navigation: .patientCreated(patient))
    }

    private mutating func submitCorrection(
        of old: Patient, name: String, born: CalendarDate?, environment: ScreenEnvironment
    ) -> ScreenResult {
        var corrected = old
        corrected.name = name
        corrected.dateOfBirth = born
        corrected.sex = sex
        corrected.flags = flags
        corrected.notes = notes.text
        if let problem = corrected.problem {
            message = .error(problem.message)
            focus = .name
            return .none
        }
        let changes = ChangeRecorder(by: environment.user, at: environment.timestamp, makeID: environment.makeID)
            .changes(from: old, to: corrected)
        guard !changes.isEmpty else { return ScreenResult(navigation: .back) }
        corrected.updatedAt = environment.timestamp
        return ScreenResult(
            effects: [.savePatient(corrected), .recordChanges(changes, patient: corrected.id)],
            navigation: .patientEdited(corrected))
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        canvas.put("FaceChart", x: 0, y: 0, style: .title)
        canvas.put(editing.map { " Correct the record of \($0.name)" } ?? " New patient", x: 9, y: 0, limit: canvas.width - 9)
        let labelWidth = 19
        var y = 2
        for field in Field.allCases {
            let focused = field == focus
            canvas.put(field.label, x: 0, y: y, style: focused ? Style(.accent, bold: true) : .muted)
            let x = labelWidth + 1, width = canvas.width - x - 1
            switch field {
            case .name: name.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .dateOfBirth: dateOfBirth.render(into: &canvas, x: x, y: y, width: 12, focused: focused)
            case .notes: notes.render(into: &canvas, x: x, y: y, width: width, focused: focused)
            case .sex:
                var x = x
                for option in Patient.Sex.allCases {
                    let style: Style = option == sex ? (focused ? .selected : Style(.accent, bold: true)) : .muted
                    x += canvas.put(" \(option.rawValue) ", x: x, y: y, style: style) + 1
                }
            case .flags:
                for (index, flag) in ClinicalFlag.allCases.enumerated() {
                    let on = flags.contains(flag)
                    let style: Style = on ? (flag.severity == .contraindication ? Style.danger : Style.warning) : .muted
                    canvas.put("\((index + 1) % 10) [\(on ? "x" : " ")] \(flag.name)", x: x, y: y + index, style: style, limit: width)
                }
                y += ClinicalFlag.allCases.count - 1
            }
            y += 2
        }
        let hint: String
        switch focus {
        case .sex: hint = "f m x or arrows choose"
        case .flags: hint = "1-9 and 0 toggle a flag"
        default: hint = "type"
        }
        let save = editing == nil ? "Enter save" : "Enter save (what it replaces is kept)"
        let footer = message ?? StatusMessage("\(hint) · Tab next field · \(save) · Esc cancel")
        canvas.putMessage(footer.text, bottom: canvas.height - 1, style: message == nil ? .muted : footer.style)
    }
}
