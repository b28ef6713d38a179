import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// Damaged, ambiguous or newer files are named in the error and never overwritten.
@Suite struct DamagedFileTests {
    let folder: TemporaryFolder
    let patientFile = "patients/patient-1/patient.json"
    let id = RecordID("patient-1")!
    let good: String

    init() throws {
        folder = try TemporaryFolder()
        try PatientStore(root: folder.path).createPatient(SampleRecords.patient())
        good = String(decoding: folder.bytes("patients/patient-1/patient.json")!, as: UTF8.self)
    }

    /// Writes `text` as the patient file, then checks loading names the file and the problem, listing
    /// reports it, and a later save leaves the bytes alone.
    private func expectRefused(_ text: String, _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try folder.write(Array(text.utf8), to: patientFile)
        let store = try PatientStore(root: folder.path)
        #expect(throws: expected, sourceLocation: sourceLocation) { try store.loadPatient(id) }
        #expect(expected.message.contains(patientFile), sourceLocation: sourceLocation)
        #expect(try store.listPatients().first?.problem == expected, sourceLocation: sourceLocation)
        #expect(throws: StoreError.refusingToOverwriteUnreadable(file: patientFile), sourceLocation: sourceLocation) {
            try store.savePatient(SampleRecords.patient())
        }
        #expect(folder.bytes(patientFile) == Array(text.utf8), sourceLocation: sourceLocation)
    }

    @Test func notJSON() throws {
        try expectRefused("hello", .unreadable(file: patientFile, problem: .syntax(offset: 0)))
    }

    @Test func empty() throws {
        try expectRefused("", .unreadable(file: patientFile, problem: .empty))
    }

    @Test func truncated() throws {
        try expectRefused(String(good.prefix(good.count / 2)), .unreadable(file: patientFile, problem: .truncated))
    }

    @Test func trailingGarbage() throws {
        try expectRefused(good + "}", .unreadable(file: patientFile, problem: .syntax(offset: good.utf8.count)))
    }

    @Test func duplicateKey() throws {
        let doubled = good.replacingOccurrences(of: "\"name\" : \"Ada Example\",", with: "\"name\" : \"Ada Example\", \"n\\u0061me\" : \"Eve\",")
        #expect(doubled != good)
        try expectRefused(doubled, .unreadable(file: patientFile, problem: .duplicateKey(key: "name", at: "record")))
    }

    @Test func newerSchema() throws {
        let newer = good.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2")
        try expectRefused(newer, .newerSchema(file: patientFile, version: 2, supported: 1))
        #expect(StoreError.newerSchema(file: patientFile, version: 2, supported: 1).message.contains("newer FaceChart"))
    }

    @Test func wrongKind() throws {
        let session = good.replacingOccurrences(of: "\"kind\" : \"patient\"", with: "\"kind\" : \"session\"")
        try expectRefused(session, .unreadable(file: patientFile, problem: .wrongKind(found: "session", expected: "patient")))
    }

    @Test func missingField() throws {
        let missing = good.replacingOccurrences(of: "\"name\" : \"Ada Example\",", with: "")
        #expect(missing != good)
        try expectRefused(missing, .unreadable(file: patientFile, problem: .badField("the field \"name\" is missing in record")))
    }

    @Test func invalidContent() throws {
        let blank = good.replacingOccurrences(of: "\"name\" : \"Ada Example\"", with: "\"name\" : \" \"")
        try expectRefused(blank, .unreadable(file: patientFile, problem: .invalid(.emptyName)))
    }

    @Test func identifierOfAnotherFolder() throws {
        let other = good.replacingOccurrences(of: "\"id\" : \"patient-1\"", with: "\"id\" : \"patient-2\"")
        try expectRefused(other, .unreadable(file: patientFile, problem: .identifierMismatch))
    }

    @Test(arguments: ["../../escape", "a/b", "..", "", String(repeating: "x", count: 65), "a\\u0000b"])
    func identifierThatWouldLeaveTheFolder(bad: String) throws {
        let escaped = good.replacingOccurrences(of: "\"id\" : \"patient-1\"", with: "\"id\" : \"\(bad)\"")
        try folder.write(Array(escaped.utf8), to: patientFile)
        let store = try PatientStore(root: folder.path)
        #expect {
            try store.loadPatient(id)
        } throws: { error in
            guard case .unreadable(patientFile, .badField(let detail)) = error as? StoreError else { return false }
            return detail.contains("record.id")
        }
    }

    @Test func sessionWithAnImpossibleDose() throws {
        let store = try PatientStore(root: folder.path)
        try store.saveSession(SampleRecords.session(points: 1))
        let file = "patients/patient-1/sessions/20240428T122640Z-session-1.json"
        let text = String(decoding: folder.bytes(file)!, as: UTF8.self)
            .replacingOccurrences(of: "\"units\" : 1.25", with: "\"units\" : 400")
        try folder.write(Array(text.utf8), to: file)
        let fresh = try PatientStore(root: folder.path)
        let expected = StoreError.unreadable(file: file, problem: .invalid(.unitsTooLarge(Units(400), maximum: Units(100))))
        #expect(try fresh.sessions(of: id) == [])
        #expect(try fresh.readSessions(of: id).issues == [RecordIssue(expected)])
        #expect(throws: StoreError.refusingToOverwriteUnreadable(file: file)) { try fresh.saveSession(SampleRecords.session(points: 1)) }
        #expect(folder.bytes(file) == Array(text.utf8))
    }

    @Test func scannerFindsNestedDuplicatesAndAcceptsSoundJSON() throws {
        #expect(throws: JSONScanner.Problem.duplicateKey(key: "units", at: "record.points[1]")) {
            try JSONScanner.check(Array(#"{"record":{"points":[{"units":4},{"units":4,"units":400}]}}"#.utf8))
        }
        try JSONScanner.check(Array(#" {"a":[1,-2.5e3,true,false,null,"\u00e9\n"],"b":{"a":{}}} "#.utf8))
        #expect(throws: JSONScanner.Problem.truncated) { try JSONScanner.check(Array(#"{"a":"#.utf8)) }
        #expect(throws: JSONScanner.Problem.syntax(offset: 5)) { try JSONScanner.check(Array(#"{"a":01}"#.utf8)) }
    }

    @Test func scannerRefusesTextThatIsNotUnicodeAndComparesKeysAsText() throws {
        func problem(_ bytes: [UInt8]) -> JSONScanner.Problem? {
            do {
                try JSONScanner.check(bytes)
                return nil
            } catch {
                return error
            }
        }
        let quote = UInt8(ascii: "\"")
        // Latin-1, an overlong slash, a UTF-8 surrogate, a cut-short sequence: byte 1 each time.
        for bad: [UInt8] in [[0xE9], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
            #expect(problem([quote] + bad + [quote]) == .notUnicode(offset: 1), "\(bad)")
        }
        #expect(problem(Array(#""caf\u00e9 \ud83d\ude00 é 😀""#.utf8)) == nil)
        #expect(problem(Array(#""\ud800""#.utf8)) == .notUnicode(offset: 1), "half a character")
        #expect(problem(Array(#""a\udc00""#.utf8)) == .notUnicode(offset: 2))
        #expect(problem(Array(#""\ud800\u0041""#.utf8)) == .notUnicode(offset: 1))
        // Keys are compared as the decoder compares them: escapes decoded, canonically equivalent.
        #expect(problem(Array(#"{"name":1,"n\u0061me":2}"#.utf8)) == .duplicateKey(key: "name", at: "the top level"))
        #expect(problem(Array(#"{"K":1,"\u212a":2}"#.utf8)) == .duplicateKey(key: "\u{212A}", at: "the top level"))
        #expect(problem(Array(#"{"é":1,"e\u0301":2}"#.utf8)) == .duplicateKey(key: "e\u{301}", at: "the top level"))
        #expect(problem(Array(#"{"a":{"b":[{"c":1},{"c":1,"c":2}]}}"#.utf8)) == .duplicateKey(key: "c", at: "a.b[1]"))
        #expect(problem(Array(#"{"k\"":1,"k\u0022":2}"#.utf8)) == .duplicateKey(key: "k\"", at: "the top level"))
        #expect(problem(Array(#"{"a":1,"A":2,"a ":3}"#.utf8)) == nil)
    }
}
