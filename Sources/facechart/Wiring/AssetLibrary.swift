import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import Foundation

/// The clinical data the screens and the printed chart are built from, loaded once at start.
struct AssetLibrary {
    let views: [ViewKind: FaceView]
    let products: [ProductChoice]

    static func load() throws(UserError) -> AssetLibrary {
        do {
            var views: [ViewKind: FaceView] = [:]
            for kind in ViewKind.allCases { views[kind] = try BundledAssets.faceView(kind) }
            return AssetLibrary(views: views, products: TEMPORARY_products)
        } catch {
            throw UserError("FaceChart's own data is damaged: \(error)")
        }
    }

    /// The environment the screens run in: the real clock, random ids, the local time zone.
    func screenEnvironment() -> ScreenEnvironment {
        ScreenEnvironment(
            now: { Date() }, makeID: { RecordID.random() }, timeZone: .current, views: views, products: products)
    }

    /// A printer for one session's chart.
    func printer(patient: Patient, session: Session) -> ChartPrinter {
        let products = self.products
        return ChartPrinter(
            patient: patient, session: session, views: views,
            productName: { key in products.first { $0.key == key }?.name ?? key })
    }
}

let TEMPORARY_products = [
    ProductChoice(key: "botox-cosmetic", name: "Botox Cosmetic", vialUnits: Units(100), diluentHundredthsML: 250),
    ProductChoice(key: "dysport", name: "Dysport", vialUnits: Units(300), diluentHundredthsML: 150),
]
