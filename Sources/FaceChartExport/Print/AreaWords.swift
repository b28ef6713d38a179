import FaceChartAssets
import FaceChartCore
import Foundation

/// The treated areas in the words a patient uses ("frown lines between the eyebrows, both sides"),
/// from `assets/print/areas.json`.
public struct AreaWords: Hashable, Sendable {
    public static let bundledPath = "print/areas.json"

    private struct File: Decodable {
        var schemaVersion: Int
        var regions: [String: String]
    }

    /// Plain words by `Region.rawValue`.
    public var words: [String: String]

    public init(words: [String: String]) { self.words = words }

    /// The shipped words.
    public static func bundled() throws(PrintError) -> AreaWords {
        do {
            let file = try JSONDecoder().decode(File.self, from: BundledAssets.data(at: bundledPath))
            guard file.schemaVersion == 1 else { throw PrintError("\(bundledPath): schemaVersion \(file.schemaVersion) is not supported") }
            return AreaWords(words: file.regions)
        } catch let error as PrintError {
            throw error
        } catch {
            throw PrintError("FaceChart's own data is damaged: \(bundledPath) cannot be read")
        }
    }

    /// The plain words for a region, else its anatomical name.
    public func name(_ region: Region) -> String { words[region.rawValue] ?? region.name }

    /// One entry per area (regions sharing words are one area), in anatomical order, with the sides
    /// treated: "both sides", "right side", "left side", "centre", or "centre and both sides".
    public func areas(of points: [InjectionPoint]) -> [(area: String, sides: String)] {
        var order: [String] = []
        var sides: [String: Set<Side>] = [:]
        let regions = Region.allCases
        for point in points.sorted(by: { (regions.firstIndex(of: $0.region) ?? 0) < (regions.firstIndex(of: $1.region) ?? 0) }) {
            let area = name(point.region)
            if sides[area] == nil { order.append(area) }
            sides[area, default: []].insert(point.side)
        }
        return order.map { ($0, Self.describe(sides[$0]!)) }
    }

    static func describe(_ sides: Set<Side>) -> String {
        let both = sides.contains(.right) && sides.contains(.left)
        switch (sides.contains(.midline), both) {
        case (true, true): return "centre and both sides"
        case (false, true): return "both sides"
        case (true, false) where sides.count == 1: return "centre"
        case (true, false): return "centre and \(sides.contains(.right) ? "right" : "left") side"
        default: return sides.contains(.right) ? "right side" : "left side"
        }
    }
}
