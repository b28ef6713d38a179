import FaceChartStore

/// Files that could not be used, named once each on standard error as warnings: the command still
/// does its work with everything else and exits 0.
public enum IssueWarnings {
    public static func print(_ issues: [RecordIssue]) {
        for issue in issues {
            printError("facechart: warning: \(issue.message)")
        }
        if issues.contains(where: \.canBeMovedAside) {
            printError("facechart: 'facechart move-aside FILE' moves a damaged file into a damaged/ folder beside it, unchanged.")
        }
    }

    /// "Incomplete: 2 files could not be used (listed on standard error)." or nil when none was left out.
    public static func incompleteNote(_ issues: [RecordIssue]) -> String? {
        let count = issues.filter(\.isLeftOut).count
        guard count > 0 else { return nil }
        return "Incomplete: \(count) file\(count == 1 ? "" : "s") could not be used (listed on standard error)."
    }
}
