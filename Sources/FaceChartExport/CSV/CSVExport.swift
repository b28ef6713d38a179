import FaceChartCore
import Foundation

/// Every injection point as one CSV row (RFC 4180: UTF-8, CRLF, quoted where needed), for
/// spreadsheets and audits. Names and birth dates are left out unless asked for. Control characters
/// other than tab and line breaks are dropped (record text is data). A cell that a
/// spreadsheet would run as a formula (starting with `= + - @`, tab or CR) is written with a leading
/// apostrophe, so that it stays text.
public struct CSVExport {
    public var records: [SessionRecord]
    public var withIdentity: Bool
    public var productName: (String) -> String

    public init(records: [SessionRecord], withIdentity: Bool, productName: @escaping (String) -> String) {
        self.records = records
        self.withIdentity = withIdentity
        self.productName = productName
    }

    /// The columns, in order.
    public var headers: [String] {
        var headers = ["patient_id"]
        if withIdentity { headers += ["patient_name", "patient_birth_date"] }
        headers += [
            "session_id", "session_started_at", "session_status", "indication_kind", "indication_key", "indication",
            "clinician", "link_kind", "link_session", "point_number", "point_id", "view", "x", "y", "region", "side",
            "units", "unit_scale", "depth", "guidance", "volume_ml", "vial_id", "product", "lot", "expiry", "vial_units",
            "diluent_ml", "units_per_0_1_ml", "reconstituted_at", "note",
        ]
        return headers
    }

    /// The whole file.
    public func text() -> String {
        var lines = [Self.line(headers)]
        for record in records {
            for (number, point) in record.numberedPoints { lines.append(Self.line(row(record, number: number, point: point))) }
        }
        return lines.joined()
    }

    func row(_ record: SessionRecord, number: Int, point: InjectionPoint) -> [String] {
        let session = record.session, vial = session.vial(for: point)
        var cells = [record.patient.id.rawValue]
        if withIdentity { cells += [record.patient.name, record.patient.dateOfBirth?.description ?? ""] }
        cells += [
            session.id.rawValue, session.startedAt.rfc3339, session.status.name, session.indication.kind.rawValue,
            session.indication.key, session.indication.concern, session.clinician.name,
            session.link?.kind.rawValue ?? "", session.link?.session.rawValue ?? "",
            "\(number)", point.id.rawValue, point.view.rawValue, "\(point.position.x)", "\(point.position.y)",
            point.region.rawValue, point.side.rawValue, point.units.description, vial.ingredient, point.depth.rawValue,
            point.guidance?.rawValue ?? "",
            Figures.trimmed(record.millilitres(point), digits: 4), vial.id.rawValue, productName(vial.product), vial.lot,
            vial.expiry?.description ?? "", vial.vialUnits.description, Figures.trimmed(vial.diluentML),
            Figures.trimmed(Dilution(vial).unitsPerTenthML, digits: 4), vial.reconstitutedAt?.rfc3339 ?? "", point.note,
        ]
        return cells
    }

    /// One record: cells neutralised, quoted where RFC 4180 needs it, ending in CRLF.
    static func line(_ cells: [String]) -> String {
        cells.map { quoted(neutralised(PlainText.removingControls($0))) }.joined(separator: ",") + "\r\n"
    }

    /// A cell that a spreadsheet would read as a formula, with an apostrophe in front.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }

    /// The cell in double quotes (inner quotes doubled) when it holds a comma, quote or line break.
    static func quoted(_ cell: String) -> String {
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
