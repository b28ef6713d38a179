import FaceChartCore
import Foundation

/// One view as an inline SVG, drawn from the same drawing and mask as the terminal: faint region
/// colours from the mask, the ASCII art over them, numbered markers at the points' positions with
/// their units, and the patient's sides labelled.
struct FaceDrawing {
    var view: FaceView
    /// The points on this view, with the numbers the point table gives them.
    var points: [(number: Int, point: InjectionPoint)]

    static let cellWidth = 10.0
    static let cellHeight = 20.0
    /// Room above the drawing for the side labels.
    static let headroom = 22.0
    static let markerRadius = 9.0

    var width: Double { Double(view.width) * Self.cellWidth }
    var height: Double { Double(view.height) * Self.cellHeight }

    /// The markers' colours by depth (legend printed beside the table).
    static func colour(_ depth: Depth) -> String {
        switch depth {
        case .intradermal: "#1f6fb4"
        case .subcutaneous: "#2a8a2a"
        case .intramuscular: "#c62828"
        case .deep: "#6a3d9a"
        case .intraglandular: "#00838f"
        }
    }

    /// A faint colour for a region, from a fixed palette in region order.
    static func tint(_ region: Region) -> String {
        let palette = ["#f4c7c3", "#fce8b2", "#b7e1cd", "#c6dafc", "#e1bee7", "#ffe0b2", "#c8e6c9", "#b2ebf2",
                       "#f8bbd0", "#d7ccc8", "#dcedc8", "#cfd8dc"]
        return palette[(Region.allCases.firstIndex(of: region) ?? 0) % palette.count]
    }

    func svg() -> String {
        let top = -Self.headroom
        var parts = [
            "<svg class=\"face\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 \(Figures.trimmed(top)) "
                + "\(Figures.trimmed(width)) \(Figures.trimmed(height + Self.headroom))\" role=\"img\" "
                + "aria-label=\"\(HTML.escape(view.kind.title)) view with \(points.count) point\(points.count == 1 ? "" : "s")\">",
        ]
        parts.append(regionTints())
        parts.append(art())
        parts.append(sideLabels())
        parts.append(markers())
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// One rectangle per run of cells of one region in a row.
    private func regionTints() -> String {
        var rects: [String] = []
        for row in 0..<view.height {
            var column = 0
            while column < view.width {
                guard let region = view.cell(column: column, row: row).region else {
                    column += 1
                    continue
                }
                var end = column + 1
                while end < view.width, view.cell(column: end, row: row).region == region { end += 1 }
                rects.append("<rect x=\"\(Figures.trimmed(Double(column) * Self.cellWidth))\" "
                    + "y=\"\(Figures.trimmed(Double(row) * Self.cellHeight))\" "
                    + "width=\"\(Figures.trimmed(Double(end - column) * Self.cellWidth))\" height=\"\(Figures.trimmed(Self.cellHeight))\" "
                    + "fill=\"\(Self.tint(region))\"/>")
                column = end
            }
        }
        return "<g class=\"tints\" fill-opacity=\"0.55\">" + rects.joined() + "</g>"
    }

    /// The art, each character centred in its cell so that no font can shift it.
    private func art() -> String {
        var rows: [String] = []
        for row in 0..<view.height {
            var characters = ""
            var xs: [String] = []
            for column in 0..<view.width where view.art[row][column] != " " {
                if isSideLetter(column: column, row: row) { continue }
                characters.append(view.art[row][column])
                xs.append(Figures.trimmed((Double(column) + 0.5) * Self.cellWidth))
            }
            guard !characters.isEmpty else { continue }
            let y = Figures.trimmed((Double(row) + 0.72) * Self.cellHeight)
            rows.append("<text x=\"\(xs.joined(separator: " "))\" y=\"\(y)\">\(HTML.escape(characters))</text>")
        }
        return "<g class=\"art\">" + rows.joined() + "</g>"
    }

    /// The drawing's own R and L letters are replaced by the labels above it.
    private func isSideLetter(column: Int, row: Int) -> Bool {
        let character = view.art[row][column]
        return (character == "R" || character == "L") && (column < 3 || column >= view.width - 3)
    }

    /// "R" and "L" with the patient's side spelt out, over the screen's left and right edges.
    private func sideLabels() -> String {
        let leftSide = view.side(column: 0, region: nil), rightSide = view.side(column: view.width - 1, region: nil)
        func label(_ side: Side) -> String { "\(side.letter) · patient's \(side == .right ? "right" : "left")" }
        return "<g class=\"sides\">"
            + "<text x=\"2\" y=\"-6\">\(HTML.escape(label(leftSide)))</text>"
            + "<text x=\"\(Figures.trimmed(width - 2))\" y=\"-6\" text-anchor=\"end\">\(HTML.escape(label(rightSide)))</text>"
            + "<line x1=\"\(Figures.trimmed(width / 2))\" y1=\"-16\" x2=\"\(Figures.trimmed(width / 2))\" y2=\"-2\"/>"
            + "</g>"
    }

    /// The centre of each marker: the point's position, nudged off any marker placed before it.
    func markerCentres() -> [(x: Double, y: Double)] {
        var placed: [(x: Double, y: Double)] = []
        for entry in points {
            var x = entry.point.position.x * width, y = entry.point.position.y * height
            var attempt = 0
            while attempt < 12, placed.contains(where: { hypot($0.x - x, $0.y - y) < Self.markerRadius * 1.8 }) {
                attempt += 1
                let angle = Double(attempt) * .pi / 3
                x = entry.point.position.x * width + cos(angle) * Self.markerRadius * 2 * Double(1 + attempt / 6)
                y = entry.point.position.y * height + sin(angle) * Self.markerRadius * 2 * Double(1 + attempt / 6)
            }
            placed.append((x, y))
        }
        return placed
    }

    private func markers() -> String {
        var parts: [String] = []
        for (entry, centre) in zip(points, markerCentres()) {
            let x = Figures.trimmed(centre.x), y = Figures.trimmed(centre.y)
            let label = "\(entry.point.units) U"
            parts.append(
                "<g class=\"marker\" data-point=\"\(entry.number)\">"
                    + "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(Figures.trimmed(Self.markerRadius))\" fill=\"\(Self.colour(entry.point.depth))\"/>"
                    + "<text class=\"number\" x=\"\(x)\" y=\"\(Figures.trimmed(centre.y + 3.5))\">\(entry.number)</text>"
                    + "<rect x=\"\(Figures.trimmed(centre.x + Self.markerRadius))\" y=\"\(Figures.trimmed(centre.y - Self.markerRadius - 9))\" "
                    + "width=\"\(Figures.trimmed(Double(label.count) * 6.5 + 3))\" height=\"12\" rx=\"2\"/>"
                    + "<text class=\"units\" x=\"\(Figures.trimmed(centre.x + Self.markerRadius + 1.5))\" "
                    + "y=\"\(Figures.trimmed(centre.y - Self.markerRadius))\">\(HTML.escape(label))</text>"
                    + "</g>")
        }
        return "<g class=\"markers\">" + parts.joined() + "</g>"
    }
}
