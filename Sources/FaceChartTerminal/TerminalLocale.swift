import CNcursesw
import FaceChartUI
import Glibc

/// What the locale lets FaceChart draw: UTF-8 glyphs, or ASCII only.
public enum TerminalLocale {
    /// Adopts the user's character type (`setlocale(LC_CTYPE, "")`; numbers and dates keep their
    /// fixed forms) and returns the glyphs its character set can draw (`nl_langinfo(CODESET)`). When the environment names UTF-8 but no such locale is
    /// installed (`LC_CTYPE=UTF-8` with LANG unset, as a Mac sends over ssh), the character type
    /// falls back to C.UTF-8 so the glyphs still draw; any other locale gets the ASCII glyphs.
    public static func adopt(environment: [String: String]) -> Glyphs {
        setlocale(LC_CTYPE, "")
        if facechart_codeset_is_utf8() != 0 { return .unicode }
        if namesUTF8(environment), setlocale(LC_CTYPE, "C.UTF-8") != nil, facechart_codeset_is_utf8() != 0 {
            return .unicode
        }
        return .ascii
    }

    /// Whether the variable that sets the character type (LC_ALL, else LC_CTYPE, else LANG) names UTF-8.
    static func namesUTF8(_ environment: [String: String]) -> Bool {
        let value = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let normalized = value.lowercased().filter { $0 != "-" }
        return normalized.hasSuffix("utf8") || normalized.contains("utf8@")
    }
}
