import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import Foundation

/// The clinical data the screens and the printed chart are built from, loaded once at start.
public struct AssetLibrary {
    public let views: [ViewKind: FaceView]
    public let rules: ClinicalRules
    public let patterns: [TreatmentPattern]
    public let outcomes: OutcomeCatalogue

    public var catalogue: ProductCatalogue { rules.products }

    /// Reads the bundled assets; a damaged one is FaceChart's own fault, said so.
    public static func load() throws(UserError) -> AssetLibrary {
        do {
            var views: [ViewKind: FaceView] = [:]
            for kind in ViewKind.allCases { views[kind] = try BundledAssets.faceView(kind) }
            let rules = try BundledAssets.clinicalRules()
            let patterns = try BundledAssets.patternLibrary().patterns
            return AssetLibrary(views: views, rules: rules, patterns: patterns, outcomes: try BundledAssets.outcomeCatalogue())
        } catch {
            throw UserError("FaceChart's own data is damaged: \(error.message)")
        }
    }

    /// The environment the screens run in: the real clock, random ids, the local time zone.
    public func screenEnvironment() -> ScreenEnvironment {
        var environment = ScreenEnvironment(
            now: Date(), makeID: { RecordID.random() }, timeZone: .current, views: views, rules: rules, patterns: patterns,
            user: CurrentUser.clinician())
        environment.outcomes = outcomes
        return environment
    }

    /// A product's display name by catalogue key.
    public func productName(_ key: String) -> String { catalogue.product(key)?.name ?? key }

    /// A product's active ingredient by catalogue key.
    public func ingredient(_ key: String) -> String { rules.ingredient(of: key) }

    /// A printer for one session's chart and record, in the glyphs the locale can show.
    public func printer(patient: Patient, session: Session, review: Review? = nil, toppedUp: Session? = nil) -> ChartPrinter {
        ChartPrinter(
            patient: patient, session: session, views: views, productName: productName, timeZone: .current,
            glyphs: localeGlyphs(), review: review, toppedUp: toppedUp, outcomes: outcomes)
    }
}
