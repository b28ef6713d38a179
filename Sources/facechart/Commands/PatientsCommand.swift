import ArgumentParser
import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartUI
import Foundation

/// Lists the patients in the data folder.
struct PatientsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patients", abstract: "List the patients, with any of their files that cannot be used.",
        discussion: "Every record is read and checked, so that a damaged file or a signature that no longer "
            + "matches shows here; the files are named on standard error.")

    @OptionGroup var data: DataOptions

    func run() throws {
        try reportingErrors {
            let store = try data.openStore(.viewing)
            let summaries = try UserError.fromStore { () throws(StoreError) in try store.listPatients() }
            if summaries.isEmpty {
                print("No patients yet. Add one with 'facechart add-patient NAME' or in the charting screens.")
                return
            }
            var table = TextTable(["ID", "Name", "Born", "Sessions", "Last visit", "Problems"], rightAligned: [3])
            var issues: [RecordIssue] = []
            for summary in summaries {
                guard let patient = summary.patient else {
                    let problem = summary.problem.map { RecordIssue($0) }
                    issues += problem.map { [$0] } ?? []
                    table.add([summary.id.rawValue, "-", "-", "-", "-", problem?.summary ?? "cannot be read"])
                    continue
                }
                // Counted from what reads correctly, so that a damaged or second copy adds nothing.
                let records = try? store.readRecords(of: summary.id)
                let found = records?.issues ?? summary.issues
                issues += found
                let sessions = records?.sessions ?? []
                let last = sessions.last.map { Format.dateTime($0.startedAt) } ?? "-"
                table.add([
                    patient.id.rawValue, patient.name, patient.dateOfBirth?.description ?? "-", "\(sessions.count)",
                    last, Self.note(found),
                ])
            }
            table.lines.forEach { print($0) }
            IssueWarnings.print(issues)
        }
    }

    /// "1 file not used, 1 signature broken" for a row, or "-".
    static func note(_ issues: [RecordIssue]) -> String {
        var parts: [String] = []
        let leftOut = issues.filter(\.isLeftOut).count
        if leftOut > 0 { parts.append("\(leftOut) file\(leftOut == 1 ? "" : "s") not used") }
        let broken = issues.filter { if case .signatureMismatch = $0.problem { true } else { false } }.count
        if broken > 0 { parts.append("\(broken) signature\(broken == 1 ? "" : "s") broken") }
        let shared = issues.filter { if case .duplicatePointIDs = $0.problem { true } else { false } }.count
        if shared > 0 { parts.append("\(shared) session\(shared == 1 ? "" : "s") with shared point ids") }
        return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }
}
