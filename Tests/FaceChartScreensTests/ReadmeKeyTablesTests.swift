@testable import FaceChartScreens
import Foundation
import Testing

/// README.md carries each screen's key table between `<!-- keys: NAME -->` and `<!-- end of keys -->`;
/// the tables must say what the program does.
@Suite struct ReadmeKeyTablesTests {
    /// Each screen's table by the name its README block carries.
    static let tables: [(name: String, markdown: [String])] = [
        ("patient list", PatientListScreen.keys.markdown),
        ("patient", PatientScreen.keys.markdown),
        ("charting", ChartingScreen.keys.markdown),
        ("review", ReviewScreen.keys.markdown),
        ("side effects", ReviewScreen.sideEffectKeyTable.markdown),
        ("compare", CompareScreen.keys.markdown),
        ("history", HistoryScreen.keys.markdown),
    ]

    static func readme() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The lines of the README's block `name`, or nil when it has none.
    static func block(_ name: String, in readme: String) -> [String]? {
        let lines = readme.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "<!-- keys: \(name) -->"),
              let end = lines[start...].firstIndex(of: "<!-- end of keys -->")
        else { return nil }
        return Array(lines[(start + 1)..<end])
    }

    @Test(arguments: tables.map(\.name))
    func theReadmesTableIsTheProgramsTable(_ name: String) throws {
        let readme = try Self.readme()
        let expected = try #require(Self.tables.first { $0.name == name }).markdown
        let found = Self.block(name, in: readme)
        #expect(found == expected, "README.md's keys of the \(name) screen differ; the program's are:\n<!-- keys: \(name) -->\n\(expected.joined(separator: "\n"))\n<!-- end of keys -->")
    }

    @Test func everyKeyTableOfTheReadmeIsChecked() throws {
        let named = try Self.readme().components(separatedBy: "\n").filter { $0.hasPrefix("<!-- keys: ") }
        #expect(named == Self.tables.map { "<!-- keys: \($0.name) -->" })
    }

    @Test func noKeyStandsForTwoThingsOnOneScreen() {
        func duplicates<Action>(_ table: KeyTable<Action>) -> [String] {
            let keys = table.bindings.flatMap(\.keys)
            return Set(keys.filter { key in keys.filter { $0 == key }.count > 1 }).map(\.name)
        }
        #expect(duplicates(PatientListScreen.keys).isEmpty)
        #expect(duplicates(PatientScreen.keys).isEmpty)
        #expect(duplicates(ChartingScreen.keys).isEmpty)
        #expect(duplicates(ReviewScreen.keys).isEmpty)
        #expect(duplicates(ReviewScreen.sideEffectKeyTable).isEmpty)
        #expect(duplicates(CompareScreen.keys).isEmpty)
        #expect(duplicates(HistoryScreen.keys).isEmpty)
    }
}
