import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartUI
import Foundation

/// Text typed or pasted into the new-patient form's notes field (which holds 500 characters, so
/// the rest is refused as the user would see it), drawn after every event as the terminal loop
/// does, on an 80x24 canvas. The floor is building the same 1 KB string.
enum TextEntryBenchmark {
    static let text = String(String(repeating: "Botulinum toxin, 4 U IM. ", count: 41).prefix(1024))

    static func run() throws {
        let environment = ScreenEnvironment(
            now: Date(timeIntervalSince1970: 1_795_860_000), makeID: { RecordID("bench")! },
            timeZone: TimeZone(identifier: "UTC")!, views: [:], rules: try BundledAssets.clinicalRules(), products: [])
        var rows: [(String, [Double])] = []
        rows.append(("1 KB typed into notes, drawn per key", try measure(5) {
            var screen = notesFocused(environment)
            for character in text {
                _ = screen.update(.key(.character(character)), environment: environment)
                draw(screen, environment)
            }
        }))
        rows.append(("1 KB bracketed paste into notes, drawn", try measure(15) {
            var screen = notesFocused(environment)
            _ = screen.update(.paste(text), environment: environment)
            draw(screen, environment)
        }))
        rows.append(("floor: build the 1 KB string", try measure(5) {
            var copy = ""
            for character in text { copy.append(character) }
            precondition(copy.count == 1024)
        }))
        print("FaceChart text entry (\(text.count) characters)")
        for (name, times) in rows {
            print(name.padding(toLength: 38, withPad: " ", startingAt: 0) + String(format: "%7d", times.count)
                  + milliseconds(times[times.count / 2]) + "  " + milliseconds(times.first!) + "  " + milliseconds(times.last!))
        }
    }

    /// A new-patient form with the notes field focused.
    private static func notesFocused(_ environment: ScreenEnvironment) -> PatientFormScreen {
        var screen = PatientFormScreen()
        while screen.focus != .notes { _ = screen.update(.key(.tab), environment: environment) }
        return screen
    }

    private static func draw(_ screen: PatientFormScreen, _ environment: ScreenEnvironment) {
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
    }
}
