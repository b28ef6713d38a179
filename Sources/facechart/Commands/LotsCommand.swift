import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Lists the lots (batches) used, or every patient who received one lot: recall in minutes.
struct LotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lots",
        abstract: "List every lot used, or every patient, session and dose that received one lot.",
        discussion: "Lots are matched exactly, ignoring case and surrounding spaces. Files that cannot be read "
            + "are listed on standard error, and the listing is then marked incomplete."
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "A lot number; all lots when left out.")
    var lot: String?

    func run() throws {
        try reportingErrors {
            let store = try data.openStore()
            let library = try AssetLibrary.load()
            let (report, problems) = try Self.uses(of: lot, in: store)
            let productName = { (key: String) in library.catalogue.product(key)?.name ?? key }
            for problem in problems {
                printError("facechart: warning: \(problem)")
            }
            let incomplete = problems.isEmpty ? nil
                : "Incomplete: \(problems.count) file\(problems.count == 1 ? "" : "s") could not be read "
                    + "(listed on standard error)."
            if let lot {
                try printUses(of: lot, in: report, unread: problems.count, productName: productName)
            } else {
                printSummary(report, productName: productName)
            }
            if let incomplete { print(incomplete) }
        }
    }

    private func printSummary(_ report: LotUseReport, productName: (String) -> String) {
        let summaries = report.summaryByLot()
        if summaries.isEmpty {
            print("No lots recorded yet.")
            return
        }
        var table = TextTable(
            ["Lot", "Product", "Expiry", "Units", "Patients", "Sessions", "First use", "Last use"],
            rightAligned: [3, 4, 5])
        for summary in summaries {
            table.add([
                Self.lotText(summary.lot), productName(summary.product),
                summary.expiries.isEmpty ? "-" : summary.expiries.map(\.description).joined(separator: ", "),
                "\(summary.totalUnits)", "\(summary.patientCount)", "\(summary.sessionCount)",
                CalendarDate(summary.firstUse).description, CalendarDate(summary.lastUse).description,
            ])
        }
        table.lines.forEach { print($0) }
    }

    /// The uses of `lot` (every lot when `nil`) and the messages of the files that could not be read,
    /// from the index once every folder has been checked against it.
    private static func uses(of lot: String?, in store: PatientStore) throws(UserError) -> (LotUseReport, [String]) {
        let answer = try UserError.fromIndex { () throws(SQLiteError) in
            let index = try store.practiceIndex()
            try index.refresh()
            return try index.lotUses(lot: lot)
        }
        return (answer.uses, answer.problems.map(\.message))
    }

    private func printUses(
        of lot: String, in report: LotUseReport, unread: Int, productName: (String) -> String
    ) throws(UserError) {
        let uses = report.uses(ofLot: lot)
        let shown = lot.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !uses.isEmpty else {
            throw UserError("No session used lot \(shown)" + (unread == 0 ? "."
                : ", but \(unread) file\(unread == 1 ? "" : "s") could not be read (listed above), so one may have."))
        }
        print("Lot \(uses[0].lot)")
        var table = TextTable(
            ["Date", "Patient", "Name", "Session", "Product", "Expiry", "Units"], rightAligned: [6])
        for use in uses {
            table.add([
                Format.dateTime(use.startedAt), use.patient.rawValue, use.patientName ?? "(patient file unreadable)",
                use.session.rawValue, productName(use.product), use.expiry?.description ?? "-", "\(use.units)",
            ])
        }
        table.lines.forEach { print($0) }
        let products = uses.reduce(into: [String]()) { keys, use in if !keys.contains(use.product) { keys.append(use.product) } }
        for product in products {
            let rows = uses.filter { $0.product == product }
            let patients = Set(rows.map(\.patient)).count
            let sessions = Set(rows.map { "\($0.patient.rawValue)/\($0.session.rawValue)" }).count
            print("Total: \(rows.map(\.units).total()) U of \(productName(product)) to \(patients) "
                + "patient\(patients == 1 ? "" : "s") in \(sessions) session\(sessions == 1 ? "" : "s")")
        }
    }

    /// The lot as shown; an empty lot is a gap in the record, not a lot.
    private static func lotText(_ lot: String) -> String { lot.isEmpty ? "(no lot recorded)" : lot }
}
