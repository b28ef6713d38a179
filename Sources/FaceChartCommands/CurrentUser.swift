import FaceChartCore
import Foundation

/// Who is at the keyboard, for the author of corrections and overrides: FACECHART_USER (a display
/// name, with FACECHART_ROLE if set), else the login name.
public enum CurrentUser {
    /// The clinician at the keyboard, from the environment.
    public static func clinician(environment: [String: String] = ProcessInfo.processInfo.environment) -> Clinician {
        let name = [environment["FACECHART_USER"], environment["USER"], environment["LOGNAME"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty } ?? "Clinician"
        let role = environment["FACECHART_ROLE"].flatMap { $0.isEmpty ? nil : $0 }
        return Clinician(name: name, role: role)
    }
}
