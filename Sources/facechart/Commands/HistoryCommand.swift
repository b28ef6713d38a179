import ArgumentParser
import FaceChartCommands
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import Foundation

/// Prints a patient's treatment history.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Print a patient's history: sessions, intervals, units per region, review scores, response over cycles and the dates ahead."
    )

    @OptionGroup var patient: PatientOptions

    func run() throws {
        try reportingErrors {
            let (store, found) = try patient.find()
            let library = try AssetLibrary.load()
            let records = try UserError.fromStore { () throws(StoreError) in try store.readRecords(of: found.id) }
            // The files left out are part of the printed history, so that a reader of it knows.
            var report = HistoryReport(
                patient: found, sessions: records.sessions, reviews: records.reviews, today: CalendarDate(Date(), timeZone: .current),
                timeZone: .current, rules: library.rules, productName: library.productName, ingredient: library.ingredient,
                outcomes: library.outcomes, glyphs: localeGlyphs())
            report.notices = records.issues.map(\.message)
            print(report.text())
        }
    }
}
