import FaceChartCore
import Foundation

/// One session with what gives it meaning outside FaceChart: the patient, the review of it, and for a
/// top-up the treatment it tops up.
public struct SessionRecord: Sendable {
    public var patient: Patient
    public var session: Session
    /// The review of this session, if one was saved.
    public var review: Review?
    /// For a top-up: the treatment it tops up, when it is on record.
    public var toppedUp: Session?
    /// What the review of the treatment asks and when it is due, by its indication; the general
    /// two-week review when not known.
    public var reviewPlan: ReviewPlan?
    /// The clinical rules: the treatment's minimum retreatment interval comes from its indication catalogue.
    public var rules: ClinicalRules

    public init(
        patient: Patient, session: Session, review: Review? = nil, toppedUp: Session? = nil, reviewPlan: ReviewPlan? = nil,
        rules: ClinicalRules
    ) {
        self.rules = rules
        self.patient = patient
        self.session = session
        self.review = review
        self.toppedUp = toppedUp
        self.reviewPlan = reviewPlan
    }

    /// The record of `session` among a patient's sessions and reviews, with the review plan of its
    /// treatment's indication from `outcomes`.
    public init(
        patient: Patient, session: Session, sessions: [Session], reviews: [Review], outcomes: OutcomeCatalogue?, rules: ClinicalRules
    ) {
        let toppedUpID = session.link?.kind == .topUp
            ? session.link?.session : reviews.first { $0.topUp == session.id }?.session
        let toppedUp = toppedUpID.flatMap { id in sessions.first { $0.id == id } }
        self.init(
            patient: patient, session: session, review: reviews.first { $0.session == session.id }, toppedUp: toppedUp,
            reviewPlan: outcomes?.plan(for: toppedUp ?? session, rules: rules), rules: rules)
    }

    /// The review's scores beyond the wrinkle and symmetry outcomes, one line per scale, named by the plan's scales.
    public var reviewScoreSummaries: [String] {
        review?.scoreSummaries(scales: reviewPlan.map { ScaleLibrary(scales: $0.scales) }) ?? []
    }

    /// Points numbered from 1 in charting order, as every printed and exported form numbers them.
    public var numberedPoints: [(number: Int, point: InjectionPoint)] {
        session.points.enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// The volume of a point's dose at its own vial's dilution, in mL.
    public func millilitres(_ point: InjectionPoint) -> Double {
        Dilution(session.vial(for: point)).millilitres(for: point.units)
    }

    /// The treatment whose interval and review dates apply: the topped-up treatment for a top-up.
    public var treatment: Session { toppedUp ?? session }

    /// The day the review falls due: at the plan's day for the indication, else at two weeks.
    public func reviewDate(timeZone: TimeZone) -> CalendarDate {
        treatment.day(in: timeZone).adding(days: reviewPlan?.dueDay ?? Timeline.reviewDay)
    }

    /// The earliest day for the next full treatment, at the indication's interval for the product.
    public func nextTreatmentDate(timeZone: TimeZone) -> CalendarDate {
        Timeline.nextTreatmentDate(after: treatment, rules: rules, timeZone: timeZone)
    }

    /// Totals per active ingredient (units of different ingredients are never added together).
    public var totals: [IngredientTotals] {
        var order: [String] = []
        var byIngredient: [String: IngredientTotals] = [:]
        for point in session.points {
            let vial = session.vial(for: point)
            if byIngredient[vial.ingredient] == nil {
                order.append(vial.ingredient)
                byIngredient[vial.ingredient] = IngredientTotals(ingredient: vial.ingredient)
            }
            byIngredient[vial.ingredient]!.add(point, millilitres: millilitres(point), vial: vial)
        }
        return order.map { byIngredient[$0]! }
    }
}

/// Units and volumes of one active ingredient, per region and side.
public struct IngredientTotals: Hashable, Sendable {
    /// Units and volume on one side of one region, or in all.
    public struct Amount: Hashable, Sendable {
        public var units: Units = .zero
        public var millilitres: Double = 0
        public var points = 0

        mutating func add(_ units: Units, _ millilitres: Double) {
            self.units += units
            self.millilitres += millilitres
            points += 1
        }
    }

    /// One region's amounts by side.
    public struct RegionRow: Hashable, Sendable {
        public var region: Region
        public var right = Amount()
        public var left = Amount()
        public var midline = Amount()
        public var total = Amount()
    }

    public var ingredient: String
    /// Product keys of the vials drawn from, in the order first used.
    public var products: [String] = []
    /// Regions in anatomical order (the order of `Region`).
    public var regions: [RegionRow] = []
    public var right = Amount()
    public var left = Amount()
    public var midline = Amount()
    public var total = Amount()

    mutating func add(_ point: InjectionPoint, millilitres: Double, vial: Vial) {
        if !products.contains(vial.product) { products.append(vial.product) }
        var index = regions.firstIndex { $0.region == point.region }
        if index == nil {
            regions.append(RegionRow(region: point.region))
            let order = Region.allCases
            regions.sort { (order.firstIndex(of: $0.region) ?? 0) < (order.firstIndex(of: $1.region) ?? 0) }
            index = regions.firstIndex { $0.region == point.region }
        }
        switch point.side {
        case .right: regions[index!].right.add(point.units, millilitres); right.add(point.units, millilitres)
        case .left: regions[index!].left.add(point.units, millilitres); left.add(point.units, millilitres)
        case .midline: regions[index!].midline.add(point.units, millilitres); midline.add(point.units, millilitres)
        }
        regions[index!].total.add(point.units, millilitres)
        total.add(point.units, millilitres)
    }
}
