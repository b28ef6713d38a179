import FaceChartAssets
import FaceChartCore
import Foundation
import Testing

@Suite("Product catalogue")
struct ProductCatalogueTests {
    let catalogue: ProductCatalogue

    init() throws { catalogue = try BundledAssets.productCatalogue() }

    @Test func holdsTheSevenProducts() {
        #expect(catalogue.products.map(\.key).sorted()
            == ["botox", "botox-cosmetic", "daxxify", "dysport", "jeuveau", "letybo", "xeomin"])
        for product in catalogue.products {
            #expect(product.problem == nil, "\(product.key)")
            #expect(!product.genericName.isEmpty && !product.vialSizesSource.reference.isEmpty)
        }
        #expect(catalogue.product("botox")?.genericName == "onabotulinumtoxinA")
        #expect(catalogue.product("nope") == nil)
    }

    @Test func reconstitutedLifetimes() {
        for key in ["botox", "botox-cosmetic", "dysport", "xeomin", "jeuveau"] {
            #expect(catalogue.product(key)?.useWithinHours == 24, "\(key)")
        }
        #expect(catalogue.product("daxxify")?.useWithinHours == 72)
    }

    /// the clinical reference's reconstitution table, row by row: product, vial U, mL added, U per 0.1 mL.
    @Test(arguments: [
        ("botox", 100, 1.0, 10.0), ("botox", 100, 2.0, 5.0), ("botox", 100, 2.5, 4.0), ("botox", 100, 4.0, 2.5),
        ("botox", 100, 8.0, 1.25), ("botox", 50, 1.25, 4.0),
        ("dysport", 300, 1.5, 20.0), ("dysport", 300, 2.5, 12.0),
        ("dysport", 500, 1.0, 50.0), ("dysport", 500, 2.5, 20.0), ("dysport", 500, 5.0, 10.0),
        ("xeomin", 100, 2.0, 5.0), ("jeuveau", 100, 2.5, 4.0),
        ("botox-cosmetic", 100, 2.5, 4.0), ("botox-cosmetic", 50, 1.25, 4.0),
    ])
    func matchesTheReconstitutionTable(_ key: String, _ vial: Int, _ millilitres: Double, _ perTenth: Double) throws {
        let product = try #require(catalogue.product(key))
        let option = try #require(product.dilutions(forVial: Units(vial)).first { $0.diluentML == millilitres })
        #expect(option.unitsPerTenthML == perTenth)
        #expect(option.isConsistent)
        #expect(option.source.grade == .label)
        #expect(abs(option.dilution.syringeMarks(for: Units(exactly: perTenth)!) - 10) < 1e-9, "0.1 mL = 10 marks")
    }

    @Test func unconfirmedFiguresSayJudgement() throws {
        let letybo = try #require(catalogue.product("letybo"))
        #expect(letybo.useWithinSource.grade == .unconfirmed)
        #expect(letybo.useWithinSource.description.contains("typical range, clinician's judgement"))
        #expect(Grade.web.note == "typical range, clinician's judgement")
        #expect(Grade.label < Grade.web && Grade.web < Grade.unconfirmed)
    }

    @Test func inconsistentFiguresAreRejectedWithTheirPlace() {
        let json = Data(#"""
        {"schemaVersion":1,"source":"t","products":[{"key":"x","name":"X","genericName":"g","manufacturer":"m",
         "vialSizes":[100],"vialSizesSource":{"grade":"L","reference":"r"},"useWithinHours":24,
         "useWithinSource":{"grade":"L","reference":"r"},
         "dilutions":[{"vialUnits":100,"diluentML":2.5,"unitsPerTenthML":5,"source":{"grade":"L","reference":"r"}}]}]}
        """#.utf8)
        #expect(throws: DataError("products[0] (x): dilutions[0]: 100 U in 2.5 mL is 4.0 U per 0.1 mL, not 5.0")) {
            try ProductCatalogue(json: json)
        }
        let badGrade = Data(#"{"schemaVersion":1,"source":"t","products":[{"key":"x","vialSizesSource":{"grade":"Z"}}]}"#.utf8)
        do {
            _ = try ProductCatalogue(json: badGrade)
            Issue.record("must not load")
        } catch {
            #expect(error.reason.hasPrefix("products[0]"), "\(error.reason)")
        }
    }
}
