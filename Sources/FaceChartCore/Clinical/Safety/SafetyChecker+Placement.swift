extension SafetyChecker {
    /// Danger zones and cells with no muscle, read from the mask of the view each point sits on.
    static func placementFindings(_ session: Session, views: [ViewKind: FaceView]) -> [SafetyFinding] {
        var found: [SafetyFinding] = []
        var unchecked: [ViewKind] = []
        for point in session.points {
            guard let view = views[point.view] else {
                if !unchecked.contains(point.view) { unchecked.append(point.view) }
                continue
            }
            let cell = view.cell(at: point.position)
            let (column, row) = view.cellCoordinates(of: point.position)
            let place = "\(point.view.title) row \(row + 1), column \(column + 1)"
            if let danger = cell.danger {
                found.append(SafetyFinding(
                    rule: SafetyRule.placementDanger, severity: danger.severity,
                    message: "\(point.units) U in \(point.region.name) (\(point.side.letter)) at \(place): \(danger.warning).",
                    source: danger.source, point: point.id))
            }
            if cell.region == nil {
                found.append(SafetyFinding(
                    rule: SafetyRule.placementNoInjection, severity: .warning,
                    message: "\(point.units) U at \(place): no muscle is charted under this cell, no injection here.",
                    source: SafetySource(.unconfirmed, text: view.source), point: point.id))
            }
        }
        for kind in unchecked {
            found.append(SafetyFinding(
                rule: SafetyRule.placementUnchecked, severity: .caution,
                message: "No \(kind.title.lowercased()) drawing was available: placement of its points was not checked.",
                source: SafetySource(.unconfirmed, text: "no drawing")))
        }
        return found
    }
}
