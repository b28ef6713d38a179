import Glibc
import Testing
import FaceChartUI

/// glibc's wcwidth, which the Glibc module hides.
@_silgen_name("wcwidth") private func systemWidth(_ character: Int32) -> Int32

@Suite(.serialized) struct ColumnWidthTests {
    /// Runs `body` with this thread in the C.UTF-8 character type (the test process runs in C).
    func inUTF8<T>(_ body: () -> T) throws -> T {
        let utf8 = try #require(newlocale(LC_CTYPE_MASK, "C.UTF-8", nil), "the C.UTF-8 locale is missing")
        let previous = uselocale(utf8)
        defer {
            uselocale(previous)
            freelocale(utf8)
        }
        return body()
    }

    /// Every letter, mark, number, punctuation and symbol (emoji included) a name may hold, as far
    /// as both this Swift's Unicode tables and glibc know the character.
    @Test func agreesWithTheSystemWcwidthForEveryCharacterANameMayHold() throws {
        let mismatches: [String] = try inUTF8 {
            var found: [String] = []
            for value in UInt32(0x20)...0x3FFFF {
                guard let scalar = Unicode.Scalar(value) else { continue }
                switch scalar.properties.generalCategory {
                case .control, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: continue
                default: break
                }
                let system = Int(systemWidth(Int32(value)))
                guard system >= 0 else { continue } // unassigned in glibc's Unicode version
                if ColumnWidth.of(scalar) != system { found.append(String(format: "U+%04X %d/%d", value, ColumnWidth.of(scalar), system)) }
            }
            return found
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ (ours/system): \(mismatches.prefix(20))")
    }

    @Test func emojiAndWideCharactersTakeTwoColumns() throws {
        for character: Character in ["✅", "🚀", "😀", "🩺", "日", "한"] {
            #expect(ColumnWidth.of(character) == 2, "\(character)")
            let system = try inUTF8 { Int(systemWidth(Int32(character.unicodeScalars.first!.value))) }
            #expect(system == 2, "\(character) per wcwidth")
        }
        #expect(ColumnWidth.of("Zoë ✅ 🚀") == 9)
    }

    @Test func controlsAndCombiningMarksTakeNone() {
        #expect(ColumnWidth.of("\u{1B}" as Unicode.Scalar) == 0)
        #expect(ColumnWidth.of("\u{9B}" as Unicode.Scalar) == 0)
        #expect(ColumnWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(ColumnWidth.of("\u{200B}" as Unicode.Scalar) == 0)
        #expect(ColumnWidth.of("e\u{301}" as Character) == 1)
        #expect(ColumnWidth.of("●" as Character) == 1)
    }
}
