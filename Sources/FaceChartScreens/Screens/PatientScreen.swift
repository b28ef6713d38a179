import FaceChartCore
import FaceChartUI
import Foundation

/// One patient: who they are, what must be borne in mind, and every session newest first.
public struct PatientScreen: Equatable {
    public var patient: Patient
    /// Newest first.
    public var sessions: [Session]
    public var selection: Int
    /// Sessions whose review is due today (by each indication's timing).
    public var reviewDue: Set<RecordID>
    /// The keys, while shown.
    public var help: Overlay?
    public var message: StatusMessage?
    /// Files that could not be used or need a look, named in a banner.
    public var notices: [FileNotice] = []
    /// Why the patient can only be viewed, or nil when charting is possible.
    public var readOnly: String?
    /// Set after `M`, until `y` confirms or another key cancels.
    public var confirmingMoveAside = false

    /// Opens on the session whose review is due, if any.
    public init(opened: OpenedPatient, environment: ScreenEnvironment) {
        self.init(patient: opened.patient, sessions: opened.sessions, reviews: opened.reviews, environment: environment)
        notices = opened.notices
        readOnly = opened.readOnly
    }

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
        help = nil
        self.message = message
    }

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        if case .mouse(let mouse) = event {
            handle(mouse, height: environment.screenSize.height)
            return .none
        }
        guard case .key(let key) = event else { return .none }
        if Overlay.take(key, by: &help, keys: Self.keys, environment: environment) { return .none }
        message = nil
        if confirmingMoveAside {
            confirmingMoveAside = false
            guard key == .character("y") else {
                message = StatusMessage("Nothing was moved.")
                return .none
            }
            return ScreenResult(navigation: .moveAside(patient: patient.id, files: movable.map(\.file)))
        }
        let action = Self.keys.action(for: key)
        if readOnly != nil, let action, [.newSession, .review, .copyForward, .moveAside, .correct].contains(action) {
            message = .warning("Read-only here: sessions can be viewed, not charted.")
            return .none
        }
        switch action {
        case .previous?: selection = max(0, selection - 1)
        case .next?: selection = min(max(0, sessions.count - 1), selection + 1)
        case .newSession?: return ScreenResult(navigation: .newSession(patient))
        case .moveAside?:
            let count = movable.count
            if count == 0 {
                message = StatusMessage("No damaged file to move aside.")
            } else {
                confirmingMoveAside = true
                let them = count == 1 ? "it" : "them"
                message = .warning("Move \(count == 1 ? "the file" : "\(count) files") into damaged/, unchanged? "
                    + "y moves, any other key keeps \(them).")
            }
        case .review?:
            guard let session = sessions[safe: selection] else { break }
            if session.link?.kind == .topUp, let original = sessions.first(where: { $0.id == session.link?.session }) {
                return ScreenResult(navigation: .openReview(patient, original))
            }
            return ScreenResult(navigation: .openReview(patient, session))
        case .history?: return ScreenResult(navigation: .history(patient))
        case .correct?: return ScreenResult(navigation: .editPatient(patient))
        case .compare?:
            if let session = sessions[safe: selection] { return ScreenResult(navigation: .compare(patient, session)) }
        case .copyForward?:
            if let session = sessions[safe: selection] { return ScreenResult(navigation: .copyForward(patient, session)) }
        case .open?:
            if let session = sessions[safe: selection] { return ScreenResult(navigation: .openSession(patient, session)) }
            message = StatusMessage("No sessions yet: n starts one.")
        case .showKeys?: help = Overlay()
        case .back?: return ScreenResult(navigation: .back)
        case nil: break
        }
        return .none
    }

    /// The notices whose files `M` moves aside.
    public var movable: [FileNotice] { notices.filter(\.canMoveAside) }

    /// What the patient screen's keys do.
    enum KeyAction: Hashable, Sendable {
        case open, newSession, review, copyForward, compare, history, moveAside, correct, previous, next, showKeys, back
    }

    static let keys = KeyTable<KeyAction>("Patient keys", [
        .init([.enter], "open the selected session", .open),
        .init([.character("n")], "new session (set up from the last one, with today's vials)", .newSession),
        .init([.character("r")], "review the selected session: scores, side effects, top-up", .review),
        .init([.character("f")], "new session starting from the selected map", .copyForward),
        .init([.character("c")], "compare the selected visit with the one before", .compare),
        .init([.character("H")], "history: doses, outcomes, dates to come", .history),
        .init([.character("M")], "move files that cannot be used aside, into damaged/ (asks first)", .moveAside),
        .init([.character("E")], "correct the patient's record (what it replaces is kept)", .correct),
        .init([.character("j"), .down], "next session (or the wheel)", .next),
        .init([.character("k"), .up], "previous session", .previous),
        .init(describing: "click", "select the row"),
        .init(describing: "C", "choose between versions changed on another chair (when any wait)"),
        .init([.character("?")], "these keys", .showKeys),
        .init([.character("q"), .escape], "back to the patient list", .back),
    ])

    /// A click on a session's row selects it; the wheel moves the selection.
    private mutating func handle(_ mouse: MouseEvent, height: Int) {
        switch mouse.kind {
        case .press:
            let window = sessionWindow(height: height)
            let index = window.lowerBound + mouse.y - listTop
            if window.contains(index) {
                selection = index
                message = nil
            }
        case .scrollUp: selection = max(0, selection - 1)
        case .scrollDown: selection = min(max(0, sessions.count - 1), selection + 1)
        case .release: break
        }
    }

    /// The first row of the session list: below the title, the flags, the notes, the read-only mark,
    /// the files that cannot be used, the dates ahead and the column headings.
    private var listTop: Int {
        2 + patient.flags.count + (patient.notes.isEmpty ? 0 : 1) + (readOnly == nil ? 0 : 1) + noticeRows
            + (sessions.contains(where: \.isTreatment) ? 1 : 0) + 1
    }

    /// The sessions shown on a screen `height` rows tall, the selection in the middle when it can be;
    /// the last two rows hold the scroll position and the footer.
    private func sessionWindow(height: Int) -> Range<Int> {
        let rows = max(1, height - listTop - 2)
        let first = max(0, min(selection - rows / 2, sessions.count - rows))
        return first..<min(sessions.count, first + rows)
    }

    public func render(into canvas: inout Canvas, environment: ScreenEnvironment) {
        let today = environment.today
        var x = canvas.put("FaceChart ", x: 0, y: 0, style: .title)
        var facts: [String] = []
        if let born = patient.dateOfBirth { facts.append("\(born.age(on: today)) y, born \(born)") }
        facts.append("sex \(patient.sex.rawValue)")
        let factsText = "  " + facts.joined(separator: " · ")
        // A long name gives way (with an ellipsis) so that the date of birth shows whole.
        x += canvas.put(patient.name, x: x, y: 0, style: Style(.title, bold: true),
                        limit: max(10, canvas.width - x - ColumnWidth.of(factsText)))
        canvas.put(factsText, x: x, y: 0, limit: canvas.width - x)
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
        if let readOnly {
            canvas.put(" READ-ONLY: \(readOnly) ", x: 0, y: y, style: Style(.warning, bold: true, reverse: true),
                       limit: canvas.width)
            y += 1
        }
        y += renderNotices(into: &canvas, y: y)
        if let latestFull = sessions.first(where: \.isTreatment) {
            let day = latestFull.day(in: environment.timeZone)
            let next = Timeline.nextTreatmentDate(after: latestFull, rules: environment.rules, timeZone: environment.timeZone)
            let interval = environment.rules.minimumInterval(after: latestFull)
            canvas.put("Review due \(day.adding(days: environment.reviewPlan(for: latestFull).dueDay)) · next "
                + "\(interval.indication.lowercased()) treatment from \(next) (\(interval.days) days, \(interval.source.gradeText))",
                       x: 0, y: y, style: .plain, limit: canvas.width)
            y += 1
        }
        canvas.put(Format.pad("Date", 17) + Format.pad("Indication", 20) + Format.pad("Product", 16) + "  Total  Status",
                   x: 0, y: listTop - 1, style: Style(.muted, underline: true), limit: canvas.width)
        let window = sessionWindow(height: canvas.height)
        for index in window {
            let session = sessions[index]
            let due = reviewDue.contains(session.id)
            var status = session.status.name
            if !session.signatureIsIntact { status = "SIGNATURE BROKEN" }
            if session.link?.kind == .topUp { status += " top-up" }
            if due { status += " REVIEW DUE" }
            let line = Format.pad(Format.dateTime(session.startedAt, timeZone: environment.timeZone), 17)
                + Format.pad(session.indication.concern, 19) + " " + Format.pad(environment.productName(session.primaryVial.product), 16)
                + Format.padLeft(session.summary.total.description, 6) + " U " + status
            let style: Style = index == selection ? .selected
                : !session.signatureIsIntact ? Style(.danger, bold: true)
                : (due ? .warning : session.isVoided ? Style(.muted, underline: true) : .plain)
            canvas.put(Format.pad(line, canvas.width), x: 0, y: listTop + index - window.lowerBound, style: style, limit: canvas.width)
        }
        if sessions.isEmpty {
            canvas.put("No sessions yet. Press n to start one.", x: 2, y: listTop, style: .muted)
        }
        if window.count < sessions.count {
            canvas.put(Format.scrollPosition(window, of: sessions.count, glyphs: canvas.glyphs) + " j k scroll",
                       x: 0, y: canvas.height - 2, style: .muted)
        }
        let keys = readOnly != nil ? ["Enter view", "c compare", "H history", "? keys", "q back"]
            : ["Enter open", "n new", "r review", "f copy", "c compare", "H history", "E correct", "? keys", "q back"]
        let footer = message ?? StatusMessage(Format.hints(keys, width: canvas.width))
        canvas.putMessage(footer.text, bottom: canvas.height - 1, style: message == nil ? .muted : footer.style)
        if let help {
            help.render(into: &canvas, keys: Self.keys)
        }
    }

    /// The rows of the banner naming files that cannot be used: a headline when any is left out, at
    /// most three files, then a count of the rest.
    private var noticeRows: Int {
        guard !notices.isEmpty else { return 0 }
        return (notices.contains(where: \.isLeftOut) ? 1 : 0) + min(3, notices.count) + (notices.count > 3 ? 1 : 0)
    }

    /// The banner naming files that could not be used and the key that moves them aside; returns the
    /// rows used (`noticeRows`).
    private func renderNotices(into canvas: inout Canvas, y: Int) -> Int {
        guard !notices.isEmpty else { return 0 }
        let leftOut = notices.filter(\.isLeftOut).count
        var rows = 0
        if leftOut > 0 {
            var headline = "\(leftOut) file\(leftOut == 1 ? "" : "s") cannot be used (the rest is shown)"
            headline += movable.isEmpty || readOnly != nil ? "." : ": M moves \(movable.count == 1 ? "it" : "them") aside."
            canvas.put(headline, x: 0, y: y, style: Style(.danger, bold: true), limit: canvas.width)
            rows += 1
        }
        let shown = notices.prefix(3)
        for notice in shown {
            canvas.put("! \(notice.shortName): \(notice.summary)", x: 0, y: y + rows,
                       style: notice.isLeftOut ? .danger : .warning, limit: canvas.width)
            rows += 1
        }
        if notices.count > shown.count {
            canvas.put("  and \(notices.count - shown.count) more ('facechart history' lists them all)", x: 0, y: y + rows,
                       style: .muted, limit: canvas.width)
            rows += 1
        }
        return rows
    }
}
