import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

@Suite struct UserPatternTests {
    let folder: TemporaryFolder
    let store: PatientStore

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path)
    }

    static func pattern(key: String = "my-glabella") -> TreatmentPattern {
        let points = SampleRecords.session(points: 5).points
        return TreatmentPattern.fromPoints(
            points, key: key, name: "My glabella", indication: Indication(kind: .aesthetic, concern: "Glabellar lines"),
            product: "botox-cosmetic")
    }

    static func mode(_ path: String) -> UInt32 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt32(info.st_mode & 0o7777) : 0
    }

    @Test func patternsRoundTripInPrivateFiles() throws {
        #expect(try store.userPatterns().isEmpty)
        let pattern = Self.pattern()
        try store.saveUserPattern(pattern)
        let reopened = try PatientStore(root: folder.path)
        #expect(try reopened.userPatterns() == [pattern])
        #expect(Self.mode(folder.file("patterns/my-glabella.json")) == 0o600)
        #expect(Self.mode(folder.file("patterns")) == 0o700)
        let text = String(decoding: try #require(folder.bytes("patterns/my-glabella.json")), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"checksum\" : {\n"))
        #expect(text.contains("\n  \"kind\" : \"pattern\",\n  \"record\" : {\n"))
        #expect(folder.names(in: "patterns") == [".lock", "my-glabella.json"])
    }

    @Test(arguments: ["../escape", "", "a/b", "sp ace", String(repeating: "k", count: 65)])
    func anInvalidKeyIsRefused(key: String) throws {
        #expect(throws: StoreError.invalidRecord(.invalidPattern("the key must be 1 to 64 of A-Z a-z 0-9 _ -"))) {
            try store.saveUserPattern(Self.pattern(key: key))
        }
        #expect(folder.names(in: "patterns").isEmpty)
    }

    @Test func aPatternThatDoesNotAddUpIsRefused() throws {
        var pattern = Self.pattern()
        pattern.totalUnits = pattern.totalUnits + Units(1)
        #expect(throws: StoreError.self) { try store.saveUserPattern(pattern) }
        var empty = Self.pattern()
        empty.sites = []
        empty.siteCount = 0
        empty.totalUnits = .zero
        #expect(throws: StoreError.invalidRecord(.invalidPattern("no sites"))) { try store.saveUserPattern(empty) }
    }

    @Test func anExistingKeyIsReplacedOnlyAfterReadingIt() throws {
        try store.saveUserPattern(Self.pattern())
        let other = try PatientStore(root: folder.path)
        var changed = Self.pattern()
        changed.name = "Changed"
        #expect(throws: StoreError.alreadyExists(file: "patterns/my-glabella.json")) { try other.saveUserPattern(changed) }
        _ = try other.userPatterns()
        try other.saveUserPattern(changed)
        #expect(try PatientStore(root: folder.path).userPatterns().map(\.name) == ["Changed"])
    }

    @Test func aDamagedPatternFileIsReportedByName() throws {
        try store.saveUserPattern(Self.pattern(key: "good"))
        try folder.write(Array("{}".utf8), to: "patterns/bad.json")
        let result = try PatientStore(root: folder.path).readUserPatterns()
        #expect(result.patterns.map(\.key) == ["good"])
        #expect(result.problems.count == 1)
        #expect(result.problems[0].message.hasPrefix("patterns/bad.json"))
    }
}
