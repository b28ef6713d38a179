import FaceChartAssets
import FaceChartCore
import Foundation
import Testing

/// The shipped indications, limits and products hold together, and every figure carries its source.
@Suite struct ClinicalRulesTests {
    let rules = try! BundledAssets.clinicalRules()

    static let ingredients = [
        "onabotulinumtoxinA", "abobotulinumtoxinA", "incobotulinumtoxinA", "prabotulinumtoxinA", "daxibotulinumtoxinA",
        "letibotulinumtoxinA",
    ]

    @Test func everyProductNamesOneOfTheSixIngredientsAndHasADefaultDiluent() throws {
        #expect(Set(rules.products.products.map(\.ingredient)) == Set(Self.ingredients))
        #expect(rules.ingredients.count == 6)
        for product in rules.products.products {
            let dilution = try #require(product.defaultDilution, "\(product.key)")
            #expect(dilution.isConsistent)
        }
        #expect(rules.products.product("botox")?.defaultDilution?.diluentML == 2)
        #expect(rules.products.product("xeomin")?.dilutions(forVial: Units(100)).contains { $0.diluentML == 2.5 } == true)
        #expect(rules.products.product("botox")?.dilutions(forVial: Units(200)).first?.unitsPerTenthML == 5)
    }

    @Test func theIndicationKeysAreTheSharedOnes() {
        let keys = [
            "glabellar-lines", "forehead-lines", "lateral-canthal-lines", "upper-face", "platysma-bands", "masseter-hypertrophy",
            "gummy-smile", "perioral-lines", "bunny-lines", "mouth-corners", "chin", "brow-asymmetry", "other-aesthetic",
            "chronic-migraine", "cervical-dystonia", "blepharospasm", "hemifacial-spasm", "sialorrhea", "axillary-hyperhidrosis",
            "bruxism", "spasticity", "other-medical",
        ]
        #expect(Set(rules.indications.indications.map(\.key)) == Set(keys))
        #expect(rules.indications.entry("bruxism")?.kind == .medical)
    }

    @Test func everyRuleNamesKnownIngredientsAndIndicationsAndCarriesASource() {
        let limits = rules.limits
        let known = Set(Self.ingredients), keys = Set(rules.indications.indications.map(\.key))
        let scoped: [any IngredientScoped] = limits.doseLimits + limits.regionDoses + limits.naiveStarts + limits.ageLimits
        for rule in scoped {
            #expect(Set(rule.ingredients).isSubset(of: known), "\(rule.ingredients)")
            #expect(Set(rule.indications ?? []).isSubset(of: keys), "\(rule.indications ?? [])")
        }
        let sources = limits.doseLimits.map(\.source) + limits.regionDoses.map(\.source) + limits.naiveStarts.map(\.source)
            + limits.ageLimits.map(\.source) + limits.flagRules.map(\.source) + limits.bilateral.map(\.source)
            + [limits.regionDoseMultiple.source, limits.asymmetry.source, limits.vialTotal]
            + rules.indications.indications.flatMap(\.retreatment).map(\.source) + rules.indications.defaultRetreatment.map(\.source)
        for source in sources { #expect(!source.text.isEmpty && !source.grades.isEmpty) }
        #expect(Set(limits.asymmetry.exemptIndications).isSubset(of: keys))
    }

    @Test(arguments: ClinicalRulesTests.ingredients)
    func everyIngredientHasAFaceThresholdAndARetreatmentFigure(ingredient: String) throws {
        let threshold = try #require(rules.limits.confirmThreshold(ingredient: ingredient, region: .procerus, indication: "glabellar-lines"))
        #expect(threshold.units != nil)
        let interval = rules.indications.minimumInterval(forIndication: "glabellar-lines", ingredient: ingredient)
        #expect(interval.days == 90)
        #expect(interval.isIndicationSpecific)
        #expect(!rules.describedLimits(ingredient: ingredient).isEmpty)
    }

    @Test func theConfirmThresholdIsTheLowestPerSiteFigureForTheRegion() {
        #expect(rules.limits.confirmThreshold(ingredient: "onabotulinumtoxinA", region: .orbicularisOculiPretarsal, indication: "blepharospasm")?.units == Units(5))
        #expect(rules.limits.confirmThreshold(ingredient: "onabotulinumtoxinA", region: .trapezius, indication: "cervical-dystonia")?.units == Units(50))
        #expect(rules.limits.confirmThreshold(ingredient: "abobotulinumtoxinA", region: .corrugator, indication: "glabellar-lines")?.units == Units(25))
        // No figure for Jeuveau in the neck: its lowest figure anywhere stands in, never nothing.
        #expect(rules.limits.confirmThreshold(ingredient: "prabotulinumtoxinA", region: .trapezius, indication: "other-medical")?.units == Units(10))
    }

    @Test func conversionsPickTheEndThatGivesTheLowerDose() throws {
        let toBotox = try #require(rules.conversion(from: "abobotulinumtoxinA", to: "onabotulinumtoxinA"))
        #expect(abs(toBotox.factor - 1.0 / 3) < 1e-9)
        let toDysport = try #require(rules.conversion(from: "onabotulinumtoxinA", to: "abobotulinumtoxinA"))
        #expect(toDysport.factor == 2.5)
        #expect(rules.conversion(from: "daxibotulinumtoxinA", to: "onabotulinumtoxinA") == nil)
        #expect(rules.conversion(from: "abobotulinumtoxinA", to: "incobotulinumtoxinA") == nil)
    }

    @Test func aLimitNamingAnUnknownRegionIsRejectedWithItsPlace() throws {
        var limits = rules.limits
        limits.doseLimits[0].regions = ["elbow"]
        let data = try JSONEncoder().encode(limits)
        #expect(throws: DataError("doseLimits[0]: \"elbow\" is neither a region nor a region group")) { try LimitCatalogue(json: data) }
    }

    @Test func anIndicationKeyMustBeKebabCase() throws {
        var catalogue = rules.indications
        catalogue.indications[0].key = "Glabellar Lines"
        let data = try JSONEncoder().encode(catalogue)
        #expect(throws: DataError("indications[0]: key \"Glabellar Lines\" must be lower-case kebab-case")) { try IndicationCatalogue(json: data) }
    }

    @Test func theTemplatesListingShowsTheSourceOfEveryLimit() {
        for ingredient in Self.ingredients {
            let described = rules.describedLimits(ingredient: ingredient)
            let limits = rules.limits.doseLimits.filter { $0.ingredients.contains(ingredient) }
            for limit in limits { #expect(described.contains { $0.source == limit.source }, "\(limit.rule) for \(ingredient)") }
        }
    }
}
