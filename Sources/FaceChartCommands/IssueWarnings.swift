import FaceChartStore

/// Files that could not be used, named once each on standard error as warnings: the command still
/// does its work with everything else and exits 0.
enum IssueWarnings {
    static func print(_ issues: [RecordIssue]) {
        for issue in issues {
            printError("facechart: warning: \(issue.message)")
        }
        if issues.contains(where: \.canBeMovedAside) {
            printError("facechart: 'facechart move-aside FILE' moves a damaged file into a damaged/ folder beside it, unchanged.")
        }
    }
}
