import FaceChartCore
import Foundation

/// The clinician's page of a printed record: who, when and why; each view used with its numbered
/// points; the vials; a table of every point; totals per region and side; and everything that makes it
/// a medical record: overrides, the review, the signature and every addendum.
struct RecordSheet {
    var record: SessionRecord
    var views: [ViewKind: FaceView]
    var clinic: ClinicSettings
    var productName: (String) -> String
    var timeZone: TimeZone

    var session: Session { record.session }

    func html() -> String {
        var parts = [header(), "<div class=\"top\">\(chart())<div class=\"about\">\(facts())\(legend())</div></div>"]
        parts += [vials(), pointTable(), totals()]
        parts += [overrides(), notes(), review(), signature(), addenda()].compactMap { $0 }
        return parts.joined(separator: "\n")
    }

    private func time(_ value: Timestamp) -> String { LocalTime.minute(value, fallback: timeZone) }

    private func header() -> String {
        var who = record.patient.name
        if let born = record.patient.dateOfBirth { who += " · born \(born)" }
        who += " · patient \(record.patient.id.rawValue)"
        return "<header class=\"sheet-head\"><div><h1>Treatment record</h1>"
            + "<p class=\"lede\">\(HTML.escape(who))</p></div>"
            + (clinic.name.map { "<p class=\"clinic-name\">\(HTML.escape($0))</p>" } ?? "")
            + "</header>"
    }

    private func facts() -> String {
        var rows: [(String, String)] = [
            ("Session", "\(time(session.startedAt)) · record \(session.id.rawValue)"),
            ("Clinician", session.clinician.description),
            ("Indication", "\(session.indication.kind == .medical ? "Medical" : "Aesthetic"): \(session.indication.concern)"),
            ("Status", statusText),
        ]
        if let link = session.link {
            let linked = record.toppedUp.map { "the treatment of \($0.day(in: timeZone)) (record \($0.id.rawValue))" }
                ?? "record \(link.session.rawValue)"
            rows.append((link.kind == .topUp ? "Top-up of" : "Copied from", linked))
        } else if let toppedUp = record.toppedUp {
            rows.append(("Top-up of", "the treatment of \(toppedUp.day(in: timeZone)) (record \(toppedUp.id.rawValue))"))
        }
        if !record.patient.flags.isEmpty {
            rows.append(("Patient flags", record.patient.sortedFlags.map(\.shortName).joined(separator: ", ")))
        }
        rows.append(("Review due", "from \(record.reviewDate(timeZone: timeZone)) · next treatment not before \(record.nextTreatmentDate(timeZone: timeZone))"))
        return "<table class=\"facts\">" + rows.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</table>"
    }

    var statusText: String {
        switch session.status {
        case .draft: "Draft: not signed"
        case .signed(let signature): "Signed by \(signature.signer.description) on \(time(signature.signedAt))"
        case .voided(let voiding): "VOIDED on \(time(voiding.at)) by \(voiding.by.description): \(voiding.reason)"
        }
    }

    private func chart() -> String {
        let numbered = record.numberedPoints
        let used = ViewKind.allCases.filter { kind in
            views[kind] != nil && (numbered.contains { $0.point.view == kind } || (numbered.isEmpty && kind == .anterior))
        }
        let figures = used.map { kind in
            let drawing = FaceDrawing(view: views[kind]!, points: numbered.filter { $0.point.view == kind })
            return "<figure>\(drawing.svg())<figcaption>\(HTML.escape(kind.title)) view</figcaption></figure>"
        }
        let missing = Set(numbered.map(\.point.view)).filter { views[$0] == nil }.sorted { $0.rawValue < $1.rawValue }
        let note = missing.isEmpty ? "" : "<p class=\"warning\">No drawing of the \(HTML.escape(missing.map(\.rawValue).joined(separator: ", "))) view: its points are listed below.</p>"
        return "<div class=\"chart\">\(figures.joined())</div>\(note)"
    }

    private func legend() -> String {
        let depths = Depth.allCases.map { depth in
            "<span><i style=\"background:\(FaceDrawing.colour(depth))\"></i>\(HTML.escape(depth.abbreviation)) \(HTML.escape(depth.name))</span>"
        }.joined(separator: " ")
        return "<p class=\"legend\">\(depths)</p><p class=\"legend\">Marker numbers match the point table. R and L are the "
            + "patient's sides (the front view is drawn facing the patient, the back view from behind).</p>"
    }

    private func vials() -> String {
        var rows = [HTML.row(["Vial", "Product", "Ingredient", "Lot", "Expiry", "Size", "Saline", "Strength", "Mixed"], header: true)]
        for vial in session.vials {
            let strength = Dilution(vial).unitsPerTenthML
            rows.append(HTML.row([
                vial.id.rawValue, productName(vial.product), vial.ingredient, vial.lot.isEmpty ? "not recorded" : vial.lot,
                vial.expiry?.description ?? "not recorded", "\(vial.vialUnits) U", "\(Figures.trimmed(vial.diluentML)) mL",
                "\(Figures.trimmed(strength)) U/0.1 mL", vial.reconstitutedAt.map(time) ?? "not recorded",
            ], numeric: [5, 6, 7]))
        }
        return "<h2>Vials</h2><table class=\"grid\">" + rows.joined() + "</table>"
    }

    private func pointTable() -> String {
        var rows = [HTML.row(["#", "Region", "Side", "Units", "Depth", "mL", "Vial / lot", "Note"], header: true)]
        for (number, point) in record.numberedPoints {
            let vial = session.vial(for: point)
            rows.append(HTML.row([
                "\(number)", point.region.name, point.side.letter, "\(point.units) U",
                point.depth.name + (point.guidance.map { ", \($0.name) guided" } ?? ""),
                Figures.millilitres(record.millilitres(point)), "\(vial.id.rawValue) / \(vial.lot.isEmpty ? "-" : vial.lot)",
                point.note,
            ], numeric: [0, 3, 5]))
        }
        if session.points.isEmpty { rows.append("<tr><td colspan=\"8\">No points charted.</td></tr>") }
        return "<h2>Points</h2><table class=\"grid points\">" + rows.joined() + "</table>"
    }

    private func totals() -> String {
        record.totals.map { totals in
            func cells(_ amount: IngredientTotals.Amount) -> [String] {
                amount.points == 0 ? ["", ""] : ["\(amount.units) U", Figures.millilitres(amount.millilitres)]
            }
            var rows = [HTML.row(["Region", "R", "R mL", "L", "L mL", "M", "M mL", "Total", "mL"], header: true)]
            for row in totals.regions {
                rows.append(HTML.row([row.region.name] + cells(row.right) + cells(row.left) + cells(row.midline) + cells(row.total),
                                     numeric: Set(1...8)))
            }
            rows.append(HTML.row(["All regions"] + cells(totals.right) + cells(totals.left) + cells(totals.midline) + cells(totals.total),
                                 header: true, numeric: Set(1...8)))
            let title = "Totals: \(totals.products.map(productName).joined(separator: ", ")) (\(totals.ingredient) units)"
            return "<h2>\(HTML.escape(title))</h2><table class=\"grid totals\">" + rows.joined() + "</table>"
        }.joined()
    }
}
