import FaceChartCore
import Foundation

/// The two-week review: the prior map read-only with its totals and the day count, an outcome per
/// treated region, a side-effects checklist, and top-up points charted as a linked session.
public struct ReviewScreen: Equatable {
    /// Which part of the screen the keys go to.
    public enum Focus: Equatable {
        case outcomes
        case editingNote(TextField)
        case sideEffects
        case confirmingEarlyTopUp
        /// The top-up's vial, pre-filled from the treatment's: Enter keeps it.
        case settingUpTopUp(SessionSetupScreen)
        case topUp
        case help
    }

    /// The outcome columns, left to right.
    public enum Column: Int, CaseIterable, Hashable, Sendable {
        case rest, maximum, symmetry, satisfaction, note

        var title: String {
            switch self {
            case .rest: "Rest"
            case .maximum: "Max"
            case .symmetry: "Symmetry"
            case .satisfaction: "Sat"
            case .note: "Note"
            }
        }
    }

    public var patient: Patient
    public var original: Session
    public var review: Review
    /// The top-up charting, once started.
    public var topUp: ChartingScreen?
    public var focus: Focus
    public var row: Int
    public var column: Column
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
        self.review = review ?? Review(
            patient: patient.id, session: original.id, createdAt: environment.timestamp, clinician: environment.user)
        if let topUp {
            var chart = ChartingScreen(patient: patient, session: topUp, views: views)
            chart.priorPoints = original.points
            self.topUp = chart
        }
        focus = .outcomes
        row = 0
        column = .rest
        message = nil
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

    public mutating func update(_ event: Event, environment: ScreenEnvironment) -> Outcome {
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

    private mutating func handle(_ event: Event, environment: ScreenEnvironment) -> Outcome {
        if focus == .topUp, var chart = topUp {
            let outcome = chart.update(event, environment: environment)
            topUp = chart
            if outcome.navigation == .back {
                focus = .outcomes
                message = StatusMessage("Top-up: \(Format.units(chart.session.summary.total)) in \(chart.session.points.count) point\(chart.session.points.count == 1 ? "" : "s"), saved.")
            }
            return Outcome(effects: linkingTopUp(outcome.effects))
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
            // The top-up is saved with its first point, not before.
            return .none
        }
        guard case .key(let key) = event else { return .none }
        switch focus {
        case .help:
            focus = .outcomes
            return .none
        case .editingNote(var field):
            switch key {
            case .escape: focus = .outcomes
            case .enter:
                focus = .outcomes
                return editOutcome { $0.note = field.text.trimmingCharacters(in: .whitespaces) }
            default:
                field.handle(key)
                focus = .editingNote(field)
            }
            return .none
        case .sideEffects:
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
        message = nil
        let regions = treatedRegions
        switch key {
        case .character("q"), .escape: return Outcome(navigation: .back)
        case .up, .character("k"): row = max(0, row - 1)
        case .down, .character("j"): row = min(max(0, regions.count - 1), row + 1)
        case .left, .character("h"): column = Column(rawValue: max(0, column.rawValue - 1))!
        case .right, .character("l"), .tab: column = Column(rawValue: min(Column.allCases.count - 1, column.rawValue + 1))!
        case .backTab: column = Column(rawValue: max(0, column.rawValue - 1))!
        case .character("?"): focus = .help
        case .character("e"): focus = .sideEffects
        case .character("t"):
            if topUp != nil {
                focus = .topUp
                return .none
            }
            let day = dayCount(environment: environment)
            if day < Timeline.earliestTopUpDay {
                focus = .confirmingEarlyTopUp
                message = .warning("Day \(day): top-ups are given at the review, not before day \(Timeline.earliestTopUpDay). Press y to top up anyway, any other key to wait.")
                return .none
            }
            return startTopUp(environment: environment)
        case .character(" "):
            if column == .symmetry { return cycleSymmetry() }
        case .enter:
            if column == .note {
                focus = .editingNote(TextField(currentOutcome?.note ?? "", maximumLength: 200))
            } else if column == .symmetry {
                return cycleSymmetry()
            }
        case .backspace, .delete, .character("x"):
            return clearCell()
        case .character(let character):
            if let digit = character.wholeNumberValue { return score(digit) }
        default: break
        }
        return .none
    }

    /// The treated region on the cursor's row.
    var currentRegion: Region? { treatedRegions[safe: row] }

    private var currentOutcome: RegionOutcome? { currentRegion.flatMap { review.outcome(for: $0) } }

    private mutating func score(_ value: Int) -> Outcome {
        switch column {
        case .rest, .maximum:
            guard RegionOutcome.wrinkleScale.contains(value) else {
                message = .error("The Facial Wrinkle Scale runs 0 (none) to 3 (severe).")
                return .none
            }
            let atRest = column == .rest
            return editOutcome { outcome in
                if atRest { outcome.wrinklesAtRest = value } else { outcome.wrinklesAtMaximum = value }
            }
        case .satisfaction:
            guard RegionOutcome.satisfactionScale.contains(value) else {
                message = .error("Satisfaction runs 1 (very unhappy) to 5 (very happy).")
                return .none
            }
            return editOutcome { $0.satisfaction = value }
        case .symmetry, .note:
            message = StatusMessage(column == .symmetry ? "Space cycles even, R higher, L higher." : "Enter edits the note.")
            return .none
        }
    }

    private mutating func cycleSymmetry() -> Outcome {
        editOutcome { outcome in
            let all = RegionOutcome.Symmetry.allCases
            outcome.symmetry = outcome.symmetry.map { all.firstIndex(of: $0)! + 1 < all.count ? all[all.firstIndex(of: $0)! + 1] : nil }
                ?? all[0]
        }
    }

    private mutating func clearCell() -> Outcome {
        let column = self.column
        return editOutcome { outcome in
            switch column {
            case .rest: outcome.wrinklesAtRest = nil
            case .maximum: outcome.wrinklesAtMaximum = nil
            case .symmetry: outcome.symmetry = nil
            case .satisfaction: outcome.satisfaction = nil
            case .note: outcome.note = ""
            }
        }
    }

    /// Changes the current region's outcome and saves the review.
    private mutating func editOutcome(_ edit: (inout RegionOutcome) -> Void) -> Outcome {
        guard let region = currentRegion else {
            message = .warning("No treated region to score.")
            return .none
        }
        var outcome = review.outcome(for: region) ?? RegionOutcome(region: region)
        edit(&outcome)
        review.outcomes.removeAll { $0.region == region }
        if !outcome.isEmpty { review.outcomes.append(outcome) }
        let order = Region.allCases
        review.outcomes.sort { order.firstIndex(of: $0.region)! < order.firstIndex(of: $1.region)! }
        return Outcome(effects: [.saveReview(review)])
    }

    private mutating func handleSideEffect(_ key: Key) -> Outcome {
        switch key {
        case .escape, .enter, .character("q"), .character("e"):
            focus = .outcomes
        case .character(let character):
            if let number = character.wholeNumberValue, (1...SideEffect.allCases.count).contains(number) {
                let effect = SideEffect.allCases[number - 1]
                review.toggleSideEffect(effect)
                return Outcome(effects: [.saveReview(review)])
            }
        default: break
        }
        return .none
    }

    private mutating func startTopUp(environment: ScreenEnvironment) -> Outcome {
        var setup = SessionSetupScreen(
            patient: patient, previous: original, products: environment.products, keepsVial: true, timeZone: environment.timeZone)
        setup.message = StatusMessage("Top-up vial: Enter keeps the treatment's (lot \(original.primaryVial.lot)) with its mixing "
            + "time; a new vial, change the lot.")
        focus = .settingUpTopUp(setup)
        return .none
    }

    private mutating func beginTopUp(_ session: Session, environment: ScreenEnvironment) {
        var chart = ChartingScreen(patient: patient, session: session, views: views)
        chart.priorPoints = original.points
        chart.history = history
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
