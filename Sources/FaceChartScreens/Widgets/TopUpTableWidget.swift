import FaceChartCore
import FaceChartUI

/// Original, top-up and combined units per region and per side, for the review.
public struct TopUpTableWidget {
    public var original: [InjectionPoint]
    public var topUp: [InjectionPoint]

    public init(original: [InjectionPoint], topUp: [InjectionPoint]) {
        self.original = original
        self.topUp = topUp
    }

    public func lines(width: Int) -> [(String, Style)] {
        let before = DoseSummary(points: original), added = DoseSummary(points: topUp)
        let both = DoseSummary(points: original + topUp)
        let nameWidth = max(8, width - 18)
        func cell(_ units: Units) -> String { Format.padLeft(units == .zero ? "" : units.description, 6) }
        var lines: [(String, Style)] = [
            (Format.pad("Region", nameWidth) + Format.padLeft("Orig", 6) + Format.padLeft("Top", 6) + Format.padLeft("Both", 6), .muted),
        ]
        for region in both.regions.map(\.region) {
            lines.append((Format.pad(region.name, nameWidth) + cell(before.units(in: region)) + cell(added.units(in: region))
                + cell(both.units(in: region)), .plain))
        }
        lines.append((Format.pad("R", nameWidth) + cell(before.right) + cell(added.right) + cell(both.right), .plain))
        lines.append((Format.pad("L", nameWidth) + cell(before.left) + cell(added.left) + cell(both.left), .plain))
        lines.append((Format.pad("Total", nameWidth) + cell(before.total) + cell(added.total) + cell(both.total), Style(.title, bold: true)))
        lines.append(("R-L: \(Format.asymmetry(before.asymmetry)) before, \(Format.asymmetry(both.asymmetry)) now",
                      both.asymmetry == .zero ? .plain : Style(.warning)))
        return lines.map { (Format.pad($0.0, width), $0.1) }
    }
}
