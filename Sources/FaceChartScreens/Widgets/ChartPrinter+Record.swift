import FaceChartCore
import FaceChartUI
import Foundation

extension ChartPrinter {
    private func time(_ value: Timestamp) -> String { Format.dateTime(value, timeZone: timeZone) }

    /// Who, when, why, with which vials, and the record's status.
    func headerLines() -> [PrintedLine] {
        var lines: [PrintedLine] = []
        var who = patient.name
        if let born = patient.dateOfBirth { who += " (born \(born))" }
        lines.append(PrintedLine(text: "FaceChart: \(who)", style: .title))
        let indication = session.indication.kind == .medical ? "Medical" : "Aesthetic"
        lines.append(PrintedLine(
            text: "Session \(time(session.startedAt)) · \(indication): \(session.indication.concern) · \(session.clinician)", indent: 2))
        if let link = session.link {
            let date = toppedUp.map { " of \($0.day(in: timeZone))" } ?? ""
            let what = link.kind == .topUp ? "Top-up of the treatment\(date)" : "Started from the map of session\(date)"
            lines.append(PrintedLine(text: "\(what) (session \(link.session))", indent: 2))
        } else if let toppedUp {
            lines.append(PrintedLine(text: "Top-up of the treatment of \(toppedUp.day(in: timeZone)) (session \(toppedUp.id))", indent: 2))
        }
        for vial in session.vials {
            var text = session.vials.count > 1 ? "Vial \(vial.id): " : ""
            text += "\(productName(vial.product)) (\(vial.ingredient)) lot \(vial.lot.isEmpty ? "-" : vial.lot)"
            text += " exp \(vial.expiry?.description ?? "-")"
            text += " · \(vial.vialUnits) U in \(Format.trimmed(vial.diluentML)) mL (\(Format.trimmed(Dilution(vial).unitsPerTenthML)) U/0.1 mL)"
            if let mixed = vial.reconstitutedAt { text += " · mixed \(time(mixed))" }
            lines.append(PrintedLine(text: text, indent: 2))
        }
        if let signature = session.signature {
            lines.append(PrintedLine(text: "Signed by \(signature.signer) \(time(signature.signedAt)): \(signature.meaning)", indent: 2))
            if !session.signatureIsIntact {
                lines.append(PrintedLine(
                    text: "WARNING: the record no longer matches its signature: it was changed after signing.", style: Style(.danger, bold: true)))
            }
        } else if let voiding = session.voiding {
            lines.append(PrintedLine(
                text: "VOIDED by \(voiding.by) \(time(voiding.at)): \(voiding.reason). Kept on record; counted in no total, interval or recall.",
                style: Style(.danger, bold: true), indent: 2))
        } else {
            lines.append(PrintedLine(text: "Draft (not signed)"))
        }
        if !patient.flags.isEmpty {
            lines.append(PrintedLine(text: "Flags: " + patient.sortedFlags.map(\.shortName).joined(separator: ", "), indent: 2))
        }
        return lines
    }

    /// Everything below the grid: points, totals, notes, overrides, review, addenda.
    func recordLines(width: Int) -> [PrintedLine] {
        var lines = pointLines(width: width) + totalLines()
        if !session.notes.isEmpty { lines += [PrintedLine(text: ""), PrintedLine(text: "Notes: \(session.notes)", indent: 2)] }
        if !session.overrides.isEmpty {
            lines += [PrintedLine(text: ""), PrintedLine(text: "Safety overrides", style: .title)]
            lines += session.overrides.map { entry in
                PrintedLine(text: "\(entry.rule) overridden \(time(entry.at)) by \(entry.by?.description ?? "(not recorded)"): \(entry.reason)", indent: 2)
            }
        }
        lines += reviewLines()
        if !session.addenda.isEmpty {
            lines += [PrintedLine(text: ""), PrintedLine(text: "Addenda", style: .title)]
            for (index, addendum) in session.addenda.enumerated() {
                lines.append(PrintedLine(text: "\(index + 1). \(time(addendum.writtenAt)) \(addendum.author): \(addendum.text)", indent: 3))
            }
        }
        return lines
    }

    /// The point table when it fits the width, else one wrapped entry per point; notes on their own lines.
    func pointLines(width: Int) -> [PrintedLine] {
        guard !session.points.isEmpty else { return [PrintedLine(text: "(no points charted)")] }
        let guided = session.points.contains { $0.guidance != nil }
        let headers = ["#", "View", "Region", "Side", "Units", "Depth", "mL", "Vial", "Lot"] + (guided ? ["Guide"] : [])
        let rows: [[String]] = session.points.enumerated().map { index, point in
            let vial = session.vial(for: point)
            return ["\(index + 1)", point.view.abbreviation, point.region.name, point.side.letter,
                    "\(point.units)", point.depth.abbreviation, Format.fixed(Dilution(vial).millilitres(for: point.units), digits: 2),
                    vial.id.rawValue, vial.lot.isEmpty ? "-" : vial.lot] + (guided ? [point.guidance?.abbreviation ?? "-"] : [])
        }
        let right: Set<Int> = [0, 4, 6]
        let widths = headers.indices.map { column in ([headers] + rows).map { ColumnWidth.of($0[column]) }.max() ?? 0 }
        let tableWidth = widths.reduce(0, +) + 2 * (widths.count - 1)
        var lines: [PrintedLine] = []
        if tableWidth <= width {
            for (index, row) in ([headers] + rows).enumerated() {
                let cells = row.indices.map { right.contains($0) ? Format.padLeft(row[$0], widths[$0]) : Format.pad(row[$0], widths[$0]) }
                var text = cells.joined(separator: "  ")
                while text.hasSuffix(" ") { text.removeLast() }
                lines.append(PrintedLine(text: text, style: index == 0 ? .muted : .plain))
                if index > 0, !session.points[index - 1].note.isEmpty {
                    lines.append(PrintedLine(text: "     note: \(session.points[index - 1].note)", style: .muted, indent: 11))
                }
            }
        } else {
            for (index, row) in rows.enumerated() {
                var text = "\(row[0]). \(row[2]) \(row[3]) \(row[4]) U \(row[5]) \(row[6]) mL, \(row[1]), vial \(row[7]) lot \(row[8])"
                if let guidance = session.points[index].guidance { text += ", \(guidance.name) guided" }
                if !session.points[index].note.isEmpty { text += " · note: \(session.points[index].note)" }
                lines.append(PrintedLine(text: text, indent: 4))
            }
        }
        return lines
    }

    /// Totals per active ingredient (units of different ingredients are never added together).
    func totalLines() -> [PrintedLine] {
        let ingredients = session.vials.map(\.ingredient).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return ingredients.compactMap { ingredient in
            let points = session.points.filter { session.vial(for: $0).ingredient == ingredient }
            guard !points.isEmpty else { return nil }
            let summary = DoseSummary(points: points)
            let millilitres = points.map { Dilution(session.vial(for: $0)).millilitres(for: $0.units) }.reduce(0, +)
            let scale = ingredients.count > 1 ? " \(ingredient)" : ""
            return PrintedLine(
                text: "Total \(Format.units(summary.total))\(scale) · R \(Format.units(summary.right)) · L \(Format.units(summary.left))"
                    + " · M \(Format.units(summary.midline)) · R-L \(Format.asymmetry(summary.asymmetry)) · \(Format.millilitres(millilitres))",
                indent: 2)
        }
    }

    /// The review: when and by whom, each region's outcome, side effects (or none), notes.
    func reviewLines() -> [PrintedLine] {
        guard let review else { return [] }
        var lines = [PrintedLine(text: ""), PrintedLine(text: "Review \(time(review.updatedAt)) by \(review.clinician)", style: .title, indent: 2)]
        for outcome in review.outcomes where !outcome.isEmpty {
            var parts: [String] = []
            if let rest = outcome.wrinklesAtRest { parts.append("rest \(rest)/3") }
            if let maximum = outcome.wrinklesAtMaximum { parts.append("max \(maximum)/3") }
            if let symmetry = outcome.symmetry { parts.append(symmetry.label) }
            if let satisfaction = outcome.satisfaction { parts.append("satisfaction \(satisfaction)/5") }
            if !outcome.note.isEmpty { parts.append(outcome.note) }
            lines.append(PrintedLine(text: "\(outcome.region.name): " + parts.joined(separator: " · "), indent: 4))
        }
        lines += review.scoreSummaries(scales: outcomes?.scales).map { PrintedLine(text: $0, indent: 4) }
        if review.sideEffects.isEmpty {
            lines.append(PrintedLine(text: "Side effects: none recorded"))
        } else {
            lines.append(PrintedLine(text: "Side effects:"))
            lines += review.sideEffects.map { PrintedLine(text: "  \($0.summary)", indent: 4) }
        }
        for text in [review.sideEffectNotes, review.notes] where !text.isEmpty {
            lines.append(PrintedLine(text: text, indent: 2))
        }
        if let topUp = review.topUp { lines.append(PrintedLine(text: "Top-up charted at the review: session \(topUp)")) }
        return lines
    }
}
