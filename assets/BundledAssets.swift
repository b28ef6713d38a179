import FaceChartCore
import Foundation

/// The clinical data shipped with FaceChart (face drawings, products, treatment patterns), read from the
/// module bundle. Parsing lives in FaceChartCore; this type only finds and reads the files.
public enum BundledAssets {
    /// The path of a view's drawing inside the bundle, such as `faces/anterior.json`.
    public static func facePath(_ kind: ViewKind) -> String { "faces/\(kind.rawValue).json" }

    /// The drawing for a view.
    public static func faceView(_ kind: ViewKind) throws(BundledAssetError) -> FaceView {
        let path = facePath(kind)
        let data = try data(at: path)
        let view: FaceView
        do {
            view = try FaceView(json: data)
        } catch {
            throw BundledAssetError(file: path, reason: error.reason)
        }
        guard view.kind == kind else {
            throw BundledAssetError(
                file: path, reason: "describes the \(view.kind.rawValue) view, not the \(kind.rawValue) view")
        }
        return view
    }

    /// The product catalogue, `clinical/products.json`.
    public static func productCatalogue() throws(BundledAssetError) -> ProductCatalogue {
        try read("clinical/products.json") { data throws(DataError) in try ProductCatalogue(json: data) }
    }

    /// The built-in treatment patterns, `clinical/patterns.json`.
    public static func patternLibrary() throws(BundledAssetError) -> PatternLibrary {
        try read("clinical/patterns.json") { data throws(DataError) in try PatternLibrary(json: data) }
    }

    /// The indication catalogue, `clinical/indications.json`.
    public static func indicationCatalogue() throws(BundledAssetError) -> IndicationCatalogue {
        try read("clinical/indications.json") { data throws(DataError) in try IndicationCatalogue(json: data) }
    }

    /// The dose limits and plausibility thresholds, `clinical/limits.json`.
    public static func limitCatalogue() throws(BundledAssetError) -> LimitCatalogue {
        try read("clinical/limits.json") { data throws(DataError) in try LimitCatalogue(json: data) }
    }

    /// A bundled file parsed, its problem named with its path.
    private static func read<T>(_ path: String, _ parse: (Data) throws(DataError) -> T) throws(BundledAssetError) -> T {
        let bytes = try data(at: path)
        do { return try parse(bytes) } catch { throw BundledAssetError(file: path, reason: error.reason) }
    }

    /// Products, indications and limits together, as the safety checks use them.
    public static func clinicalRules() throws(BundledAssetError) -> ClinicalRules {
        ClinicalRules(products: try productCatalogue(), indications: try indicationCatalogue(), limits: try limitCatalogue())
    }

    /// The outcome scales and the per-indication review measures, `clinical/scales.json` and `clinical/measures.json`.
    public static func outcomeCatalogue() throws(BundledAssetError) -> OutcomeCatalogue {
        let scalesPath = "clinical/scales.json", measuresPath = "clinical/measures.json"
        let scaleBytes = try data(at: scalesPath), measureBytes = try data(at: measuresPath)
        let scales: ScaleLibrary
        do { scales = try ScaleLibrary(json: scaleBytes) } catch { throw BundledAssetError(file: scalesPath, reason: error.reason) }
        do {
            return OutcomeCatalogue(scales: scales, measures: try OutcomeMeasures(json: measureBytes, scales: scales))
        } catch {
            throw BundledAssetError(file: measuresPath, reason: error.reason)
        }
    }

    /// The raw bytes of a bundled file, by its path inside the bundle (`faces/anterior.json`).
    public static func data(at path: String) throws(BundledAssetError) -> Data {
        let parts = path.split(separator: "/").map(String.init)
        guard let fileName = parts.last, parts.count >= 1 else {
            throw BundledAssetError(file: path, reason: "not a file path")
        }
        let directory = parts.dropLast().joined(separator: "/")
        let name = (fileName as NSString).deletingPathExtension
        let ext = (fileName as NSString).pathExtension
        guard let url = Bundle.module.url(
            forResource: name, withExtension: ext, subdirectory: directory.isEmpty ? nil : directory)
        else {
            throw BundledAssetError(file: path, reason: "not found in the FaceChartAssets bundle")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw BundledAssetError(file: path, reason: "could not be read (\(error.localizedDescription))")
        }
    }
}
