import FaceChartAssets
import FaceChartCore
import Testing

@Suite struct ProductConversionTests {
    let catalogue = try! BundledAssets.productCatalogue()

    @Test func theReferenceConversionsAreThereAsLabelledGuidanceOnly() throws {
        let dysport = try #require(catalogue.conversion(between: "botox-cosmetic", and: "dysport"))
        #expect(dysport.ratio == "Dysport : Botox 2.5-3 : 1")
        #expect(dysport.guidance.hasPrefix("Off-label guidance only, never a dose:"))
        #expect(dysport.source.grade == .paper)
        #expect(dysport.guidance.hasSuffix("published evidence)"))
        #expect(dysport.productUnitsPerReferenceUnit == 2.5...3)
        let jeuveau = try #require(catalogue.conversion(between: "jeuveau", and: "botox"))
        #expect(jeuveau.guidance.hasSuffix("typical range, clinician's judgement)"))
        #expect(catalogue.conversion(between: "xeomin", and: "botox")?.ratio == "Xeomin : Botox 1 : 1")
    }

    @Test func daxxifyHasItsOwnScaleAndNoConversion() {
        #expect(catalogue.conversion(between: "daxxify", and: "botox") == nil)
        #expect(catalogue.conversion(between: "dysport", and: "xeomin") == nil)
    }
}
