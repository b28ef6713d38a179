import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import Foundation

/// The clinical data the screens and the printed chart are built from, loaded once at start.
struct AssetLibrary {
    let views: [ViewKind: FaceView]
    let catalogue: ProductCatalogue
    let patterns: [TreatmentPattern]
    let products: [ProductChoice]

    static func load() throws(UserError) -> AssetLibrary {
        do {
            var views: [ViewKind: FaceView] = [:]
            for kind in ViewKind.allCases { views[kind] = try BundledAssets.faceView(kind) }
            let catalogue = try BundledAssets.productCatalogue()
            let patterns = try BundledAssets.patternLibrary().patterns
            return AssetLibrary(
                views: views, catalogue: catalogue, patterns: patterns, products: catalogue.products.map(choice))
        } catch {
            throw UserError("FaceChart's own data is damaged: \(error.message)")
        }
    }

    /// The environment the screens run in: the real clock, random ids, the local time zone.
    func screenEnvironment() -> ScreenEnvironment {
        var environment = ScreenEnvironment(
            now: { Date() }, makeID: { RecordID.random() }, timeZone: .current, views: views, products: products,
            patterns: patterns, user: CurrentUser.clinician())
        environment.conversions = catalogue.conversions
        return environment
    }

    /// A product's brand name by its catalogue key (the key itself when the catalogue lacks it).
    var productName: (String) -> String {
        let catalogue = self.catalogue
        return { key in catalogue.product(key)?.name ?? key }
    }

    /// A printer for one session's chart.
    func printer(patient: Patient, session: Session, review: Review? = nil, toppedUp: Session? = nil) -> ChartPrinter {
        ChartPrinter(
            patient: patient, session: session, views: views, productName: productName, review: review, toppedUp: toppedUp)
    }

    /// A product as session setup offers it: its first listed vial and dilution.
    private static func choice(_ product: Product) -> ProductChoice {
        let dilution = product.dilutions.first
        return ProductChoice(
            key: product.key, name: product.name, vialUnits: dilution?.vialUnits ?? product.vialSizes[0],
            diluentHundredthsML: dilution?.diluentHundredthsML, useWithinHours: product.useWithinHours,
            genericName: product.genericName)
    }
}
