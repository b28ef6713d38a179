import FaceChartCore
import FaceChartStore
import FaceChartUI

/// `facechart lots [LOT]`: every lot used with its totals, or every patient, session and dose that
/// received one lot. Files that could not be read are named, and the listing then says it is incomplete.
public enum LotRecall {
    /// The uses of `lot` (every lot when `nil`) and the messages of the files that could not be read, from
    /// the index once every folder has been checked against it.
    public static func uses(of lot: String?, in store: PatientStore) throws(UserError) -> (LotUseReport, [String]) {
        let answer = try UserError.fromIndex { () throws(SQLiteError) in
            let index = try store.practiceIndex()
            try index.refresh()
            return try index.lotUses(lot: lot)
        }
        return (answer.uses, answer.problems.map(\.message))
    }

    /// The listing of `report`: of `lot` when given, else of every lot; `problems` name the files that could
    /// not be read.
    public static func output(_ report: LotUseReport, problems: [String], lot: String?, productName: (String) -> String) -> CommandOutput {
        var output = CommandOutput(warnings: problems)
        if let lot {
            let uses = report.uses(ofLot: lot)
            if uses.isEmpty {
                let unread = problems.count
                let shown = lot.trimmingCharacters(in: .whitespacesAndNewlines)
                output.failure = UserError("No session used lot \(shown)" + (unread == 0 ? "."
                    : ", but \(unread) file\(unread == 1 ? "" : "s") could not be read (listed above), so one may have."))
                return output
            }
            output.lines = usesLines(uses, productName: productName)
        } else {
            output.lines = summaryLines(report.summaryByLot(), productName: productName)
        }
        if !problems.isEmpty {
            output.lines.append("Incomplete: \(problems.count) file\(problems.count == 1 ? "" : "s") could not be read "
                + "(listed on standard error).")
        }
        return output
    }

    private static func summaryLines(_ summaries: [LotSummary], productName: (String) -> String) -> [String] {
        guard !summaries.isEmpty else { return ["No lots recorded yet."] }
        var table = TextTable(
            ["Lot", "Product", "Expiry", "Units", "Patients", "Sessions", "First use", "Last use"], rightAligned: [3, 4, 5])
        for summary in summaries {
            table.add([
                lotText(summary.lot), productName(summary.product),
                summary.expiries.isEmpty ? "-" : summary.expiries.map(\.description).joined(separator: ", "),
                "\(summary.totalUnits)", "\(summary.patientCount)", "\(summary.sessionCount)",
                CalendarDate(summary.firstUse).description, CalendarDate(summary.lastUse).description,
            ])
        }
        return table.lines
    }

    private static func usesLines(_ uses: [LotUse], productName: (String) -> String) -> [String] {
        var table = TextTable(["Date", "Patient", "Name", "Session", "Product", "Expiry", "Units"], rightAligned: [6])
        for use in uses {
            table.add([
                Format.dateTime(use.startedAt), use.patient.rawValue, use.patientName ?? "(patient file unreadable)",
                use.session.rawValue, productName(use.product), use.expiry?.description ?? "-", "\(use.units)",
            ])
        }
        var lines = ["Lot \(uses[0].lot)"] + table.lines
        let products = uses.reduce(into: [String]()) { keys, use in if !keys.contains(use.product) { keys.append(use.product) } }
        for product in products {
            let rows = uses.filter { $0.product == product }
            let patients = Set(rows.map(\.patient)).count
            let sessions = Set(rows.map { "\($0.patient.rawValue)/\($0.session.rawValue)" }).count
            lines.append("Total: \(rows.map(\.units).total()) U of \(productName(product)) to \(patients) "
                + "patient\(patients == 1 ? "" : "s") in \(sessions) session\(sessions == 1 ? "" : "s")")
        }
        return lines
    }

    /// The lot as shown; an empty lot is a gap in the record, not a lot.
    private static func lotText(_ lot: String) -> String { lot.isEmpty ? "(no lot recorded)" : lot }
}
