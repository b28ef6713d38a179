import FaceChartCore
import Foundation

/// One patient: who they are, what must be borne in mind, and every session newest first.
public struct PatientScreen: Equatable {
    public var patient: Patient
    /// Newest first.
    public var sessions: [Session]
    public var selection: Int
    /// Sessions whose review is due today (by each indication's timing).
    public var reviewDue: Set<RecordID>
    public var showsHelp: Bool
    public var message: StatusMessage?

    /// Opens on the session whose review is due, if any.
    public init(
        patient: Patient, sessions: [Session], reviews: [Review], environment: ScreenEnvironment, message: StatusMessage? = nil
    ) {
        self.init(patient: patient, sessions: sessions, message: message)
        reviewDue = Set(self.sessions.filter { environment.isReviewDue($0, reviews: reviews) }.map(\.id))
        if let due = self.sessions.firstIndex(where: { reviewDue.contains($0.id) }) { selection = due }
    }

    public init(patient: Patient, sessions: [Session], message: StatusMessage? = nil) {
        self.patient = patient
        self.sessions = sessions.sorted { $0.startedAt > $1.startedAt }
        selection = 0
        reviewDue = []
        showsHelp = false
        self.message = message
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> Outcome {
        guard case .key(let key) = event else { return .none }
        if showsHelp {
            showsHelp = false
            return .none
        }
        message = nil
        switch key {
        case .up, .character("k"): selection = max(0, selection - 1)
        case .down, .character("j"): selection = min(max(0, sessions.count - 1), selection + 1)
        case .character("n"): return Outcome(navigation: .newSession(patient))
        case .character("r"):
            guard let session = sessions[safe: selection] else { break }
            if session.link?.kind == .topUp, let original = sessions.first(where: { $0.id == session.link?.session }) {
                return Outcome(navigation: .openReview(patient, original))
            }
            return Outcome(navigation: .openReview(patient, session))
        case .character("H"): return Outcome(navigation: .history(patient))
        case .character("E"): return Outcome(navigation: .editPatient(patient))
        case .character("c"):
            if let session = sessions[safe: selection] { return Outcome(navigation: .compare(patient, session)) }
        case .character("f"):
            if let session = sessions[safe: selection] { return Outcome(navigation: .copyForward(patient, session)) }
        case .enter:
            if let session = sessions[safe: selection] { return Outcome(navigation: .openSession(patient, session)) }
            message = StatusMessage("No sessions yet: n starts one.")
        case .character("?"): showsHelp = true
        case .character("q"), .escape: return Outcome(navigation: .back)
        default: break
        }
        return .none
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        let today = environment.today
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        x += canvas.put(patient.name, x: x, y: 0, style: Style(.title, bold: true))
        var facts: [String] = []
        if let born = patient.dateOfBirth { facts.append("\(born.age(on: today)) y, born \(born)") }
        facts.append("sex \(patient.sex.rawValue)")
        canvas.put("  " + facts.joined(separator: " · "), x: x, y: 0, limit: canvas.width - x)
        var y = 1
        for flag in patient.sortedFlags {
            let style: Style
            let prefix: String
            switch flag.severity {
            case .contraindication:
                style = Style(.danger, bold: true, reverse: true)
                prefix = "CONTRAINDICATION"
            case .warning:
                style = Style(.warning, bold: true)
                prefix = "WARNING"
            case .caution:
                style = Style(.warning)
                prefix = "Caution"
            }
            canvas.put(" \(prefix): \(flag.name) ", x: 0, y: y, style: style, limit: canvas.width)
            y += 1
        }
        if !patient.notes.isEmpty {
            canvas.put("Notes: \(patient.notes)", x: 0, y: y, style: .muted, limit: canvas.width)
            y += 1
        }
        if let latestFull = sessions.first(where: \.isTreatment) {
            let day = latestFull.day(in: environment.timeZone)
            let next = Timeline.nextTreatmentDate(after: latestFull, rules: environment.rules, timeZone: environment.timeZone)
            let interval = environment.rules.minimumInterval(after: latestFull)
            canvas.put("Review due \(day.adding(days: environment.reviewPlan(for: latestFull).dueDay)) · next "
                + "\(interval.indication.lowercased()) treatment from \(next) (\(interval.days) days, \(interval.source.gradeText))",
                       x: 0, y: y, style: .plain, limit: canvas.width)
            y += 1
        }
        y += 1
        canvas.put(Format.pad("Date", 17) + Format.pad("Indication", 20) + Format.pad("Product", 16) + "  Total  Status",
                   x: 0, y: y, style: Style(.muted, underline: true), limit: canvas.width)
        y += 1
        let rows = canvas.height - y - 1
        let first = max(0, min(selection - rows / 2, sessions.count - rows))
        for (index, session) in sessions.enumerated().dropFirst(first).prefix(max(0, rows)) {
            let due = reviewDue.contains(session.id)
            var status = session.status.name
            if session.link?.kind == .topUp { status += " top-up" }
            if due { status += " REVIEW DUE" }
            let line = Format.pad(Format.dateTime(session.startedAt, timeZone: environment.timeZone), 17)
                + Format.pad(session.indication.concern, 19) + " " + Format.pad(environment.productName(session.primaryVial.product), 16)
                + Format.padLeft(session.summary.total.description, 6) + " U " + status
            let style: Style = index == selection ? .selected : (due ? .warning : session.isVoided ? Style(.muted, underline: true) : .plain)
            canvas.put(Format.pad(line, canvas.width), x: 0, y: y + index - first, style: style, limit: canvas.width)
        }
        if sessions.isEmpty {
            canvas.put("No sessions yet. Press n to start one.", x: 2, y: y, style: .muted)
        }
        let footer = message ?? StatusMessage("Enter open · n new · r review · f copy · c compare · H history · E correct · ? keys · q back")
        canvas.put(footer.text, x: 0, y: canvas.height - 1, style: message == nil ? .muted : footer.style, limit: canvas.width)
        if showsHelp {
            HelpOverlay.render(into: &canvas, title: "Patient keys", lines: [
                ("Enter", "open the selected session"),
                ("n", "new session (set up from the last one)"),
                ("r", "review the selected session: outcomes and top-up"),
                ("f", "new session starting from the selected map"),
                ("c", "compare the selected session with the one before"),
                ("H", "history: doses, outcomes, dates to come"),
                ("E", "correct the patient's record (what it replaces is kept)"),
                ("j k arrows", "move"),
                ("q Esc", "back to the patient list"),
            ])
        }
    }
}
