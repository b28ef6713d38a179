import FaceChartCore
import FaceChartUI
import Foundation

/// The review of a treatment: the prior map read-only on any view with its units and the day count, the
/// scales of the treatment's indication (per treated region and per visit), a side-effects checklist, and
/// top-up points charted as a linked session.
public struct ReviewScreen: Equatable {
    /// Which part of the screen the keys go to.
    public enum Focus: Equatable {
        /// Asked when a new review is opened before the earliest review day.
        case confirmingEarlyReview
        case outcomes
        case editingNote(Prompt)
        case sideEffects
        /// A detail of one recorded side effect being typed: its onset day or its note.
        case editingSideEffect(SideEffectEdit)
        case confirmingEarlyTopUp
        /// The top-up's vial, pre-filled from the treatment's: Enter keeps it.
        case settingUpTopUp(SessionSetupScreen)
        case topUp
        case help(Overlay)
    }

    public var patient: Patient
    public var original: Session
    public var review: Review
    /// The top-up charting, once started.
    public var topUp: ChartingScreen?
    public var focus: Focus
    /// What the review asks and when it is due, for the treatment's indication.
    public let plan: ReviewPlan
    /// The cursor: a row of `rows` and a field within it.
    public var row: Int
    public var column: Int
    /// Characters typed towards a value that more characters could still change (`3` of `31`).
    public var entry: String
    /// The drawing shown.
    public var view: ViewKind
    /// The side effect under the checklist's cursor.
    public var sideEffectCursor: Int
    public var message: StatusMessage?
    public let views: [ViewKind: FaceView]
    /// The patient's sessions, for the top-up's safety checks.
    public var history: [Session] = [] {
        didSet {
            let own = topUp?.session.id
            topUp?.history = history.filter { $0.id != own }
        }
    }

    public init(
        patient: Patient, original: Session, review: Review?, topUp: Session?, views: [ViewKind: FaceView],
        environment: ScreenEnvironment
    ) {
        self.patient = patient
        self.original = original
        self.views = views
        self.plan = environment.reviewPlan(for: original)
        self.review = review ?? Review(
            patient: patient.id, session: original.id, createdAt: environment.timestamp, clinician: environment.user)
        if let topUp {
            var chart = ChartingScreen(patient: patient, session: topUp, views: views, environment: environment)
            chart.priorPoints = original.points
            self.topUp = chart
        }
        row = 0
        column = 0
        entry = ""
        sideEffectCursor = 0
        let kinds = ViewKind.allCases.filter { views[$0] != nil }
        view = kinds.max { kind, other in original.points(on: kind).count < original.points(on: other).count } ?? .anterior
        if original.points.isEmpty || views[view] == nil { view = kinds.first ?? .anterior }
        focus = .outcomes
        message = nil
        let day = original.day(in: environment.timeZone).days(until: environment.today)
        if review == nil, plan.needsConfirmation(onDay: day) {
            focus = .confirmingEarlyReview
            message = .warning("Day \(day): this review is due \(plan.dueText) and the effect is still building. Press y to review now, any other key to go back.")
        }
    }

    /// Whole days from the treatment to today.
    public func dayCount(environment: ScreenEnvironment) -> Int {
        original.day(in: environment.timeZone).days(until: environment.today)
    }

    /// The regions treated originally or at the top-up, top of the face first.
    public var treatedRegions: [Region] {
        DoseSummary(points: original.points + (topUp?.session.points ?? [])).regions.map(\.region)
    }

    // MARK: - Update

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        var outcome = handle(event, environment: environment)
        // Every saved change is dated; when the review was first made stays as it was.
        if outcome.effects.contains(where: { if case .saveReview = $0 { true } else { false } }) {
            review.updatedAt = environment.timestamp
            outcome.effects = outcome.effects.map { effect in
                if case .saveReview = effect { .saveReview(review) } else { effect }
            }
        }
        return outcome
    }

    private mutating func handle(_ event: Event, environment: ScreenEnvironment) -> ScreenResult {
        if focus == .topUp, var chart = topUp {
            let outcome = chart.update(event, environment: environment)
            topUp = chart
            if outcome.navigation == .back {
                focus = .outcomes
                message = StatusMessage("Top-up: \(Format.units(chart.session.summary.total)) in \(chart.session.points.count) point\(chart.session.points.count == 1 ? "" : "s"), saved.")
            }
            return ScreenResult(effects: linkingTopUp(outcome.effects))
        }
        if case .settingUpTopUp(var setup) = focus {
            let result = setup.update(event, environment: environment)
            switch result.navigation {
            case .sessionCreated(_, var session)?:
                session.link = Session.Link(kind: .topUp, session: original.id)
                beginTopUp(session, environment: environment)
            case .back?:
                focus = .outcomes
                message = StatusMessage("No top-up started.")
            default:
                focus = .settingUpTopUp(setup)
            }
            // The top-up is saved with its first point, not before; a new vial is kept for the day at once.
            return ScreenResult(effects: result.effects.filter { if case .keepChairVial = $0 { true } else { false } })
        }
        if case .paste(let text) = event {
            switch focus {
            case .editingNote(var prompt):
                prompt.paste(text)
                message = prompt.field.limitNotice.map { .warning($0) }
                focus = .editingNote(prompt)
            case .editingSideEffect(var edit):
                edit.field.paste(text)
                message = edit.field.limitNotice.map { .warning($0) }
                focus = .editingSideEffect(edit)
            default:
                message = .warning("Paste ignored: scores are typed here. Enter opens a note to paste into.")
            }
            return .none
        }
        guard case .key(let key) = event else { return .none }
        switch focus {
        case .confirmingEarlyReview:
            guard key == .character("y") else { return ScreenResult(navigation: .back) }
            focus = .outcomes
            message = StatusMessage("Early review: scores are dated today.")
            return .none
        case .help(var overlay):
            let rows = Overlay.keyRows(Self.keys.helpRows, screenWidth: environment.screenSize.width).count
            focus = overlay.handle(key, rowCount: rows, screenHeight: environment.screenSize.height) ? .help(overlay) : .outcomes
            return .none
        case .editingNote(var prompt):
            switch prompt.handle(key) {
            case .withdrawn: focus = .outcomes
            case .submitted(let text):
                focus = .outcomes
                return saveNote(text)
            case .typing:
                message = prompt.field.limitNotice.map { .warning($0) }
                focus = .editingNote(prompt)
            }
            return .none
        case .sideEffects, .editingSideEffect:
            return handleSideEffect(key)
        case .confirmingEarlyTopUp:
            if key == .character("y") {
                return startTopUp(environment: environment)
            }
            focus = .outcomes
            message = StatusMessage("No top-up started.")
            return .none
        case .outcomes, .topUp, .settingUpTopUp:
            break
        }
        return handleKey(key, environment: environment)
    }

    // MARK: Top-up

    mutating func startTopUp(environment: ScreenEnvironment) -> ScreenResult {
        let treatments = VialOffer(vial: original.primaryVial, origin: .treatment(day: original.day(in: environment.timeZone)))
        var setup = SessionSetupScreen(
            patient: patient, previous: original, products: environment.products,
            offers: [treatments] + environment.vialOffers.filter { !$0.vial.isSameVial(as: original.primaryVial) }, preferred: 0,
            clinician: environment.user, timeZone: environment.timeZone)
        setup.message = StatusMessage("Top-up vial: Enter keeps the treatment's (lot \(original.primaryVial.lot)) with its mixing time; "
            + "Tab then arrows for today's vials or a new one.")
        focus = .settingUpTopUp(setup)
        return .none
    }

    private mutating func beginTopUp(_ session: Session, environment: ScreenEnvironment) {
        var chart = ChartingScreen(patient: patient, session: session, views: views, history: history, environment: environment)
        chart.priorPoints = original.points
        chart.view = view
        chart.message = StatusMessage("Top-up of \(original.day(in: environment.timeZone)): original points are dimmed. q returns to the outcomes.")
        topUp = chart
        focus = .topUp
    }

    /// The first save of a top-up also records it on the review.
    private mutating func linkingTopUp(_ effects: [Effect]) -> [Effect] {
        guard let chart = topUp, review.topUp != chart.session.id,
              effects.contains(where: { if case .saveSession = $0 { true } else { false } })
        else { return effects }
        review.topUp = chart.session.id
        return effects + [.saveReview(review)]
    }
}
