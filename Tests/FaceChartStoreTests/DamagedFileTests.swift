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
        let newer = good.replacingOccurrences(of: "\"schemaVersion\" : 2", with: "\"schemaVersion\" : 3")
        try expectRefused(newer, .newerSchema(file: patientFile, version: 3, supported: 2))
        #expect(StoreError.newerSchema(file: patientFile, version: 3, supported: 2).message.contains("newer FaceChart"))
    }

    @Test func anEditOutsideFaceChartIsNamedAsSuch() throws {
        let edited = good.replacingOccurrences(of: "\"name\" : \"Ada Example\"", with: "\"name\" : \"Ada Exampel\"")
        #expect(edited != good)
        try expectRefused(edited, .unreadable(file: patientFile, problem: .changedOutsideFaceChart))
        #expect(StoreError.unreadable(file: patientFile, problem: .changedOutsideFaceChart).message.contains("changed outside FaceChart"))
    }

    @Test func aMissingOrUnknownChecksumIsRefused() throws {
        let unknown = good.replacingOccurrences(of: "SHA-256/RFC8785", with: "MD5")
        try expectRefused(unknown, .unreadable(
            file: patientFile, problem: .badField("the field \"checksum\" is missing or names an unknown algorithm")))
    }

    @Test func wrongKind() throws {
        let session = try Sealing.sealed(good.replacingOccurrences(of: "\"kind\" : \"patient\"", with: "\"kind\" : \"session\""))
        try expectRefused(session, .unreadable(file: patientFile, problem: .wrongKind(found: "session", expected: "patient")))
    }

    @Test func missingField() throws {
        let missing = try Sealing.sealed(good.replacingOccurrences(of: "\"name\" : \"Ada Example\",", with: ""))
        #expect(missing != good)
        try expectRefused(missing, .unreadable(file: patientFile, problem: .badField("the field \"name\" is missing in record")))
    }

    @Test func invalidContent() throws {
        let blank = try Sealing.sealed(good.replacingOccurrences(of: "\"name\" : \"Ada Example\"", with: "\"name\" : \" \""))
        try expectRefused(blank, .unreadable(file: patientFile, problem: .invalid(.emptyName)))
    }

    @Test func identifierOfAnotherFolder() throws {
        let other = try Sealing.sealed(good.replacingOccurrences(of: "\"id\" : \"patient-1\"", with: "\"id\" : \"patient-2\""))
        try expectRefused(other, .unreadable(file: patientFile, problem: .identifierMismatch))
    }

    @Test(arguments: ["../../escape", "a/b", "..", "", String(repeating: "x", count: 65), "a\\u0000b"])
    func identifierThatWouldLeaveTheFolder(bad: String) throws {
        let escaped = try Sealing.sealed(good.replacingOccurrences(of: "\"id\" : \"patient-1\"", with: "\"id\" : \"\(bad)\""))
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
        let text = try Sealing.sealed(String(decoding: folder.bytes(file)!, as: UTF8.self)
            .replacingOccurrences(of: "\"value\" : 1.25", with: "\"value\" : 400"))
        try folder.write(Array(text.utf8), to: file)
        let fresh = try PatientStore(root: folder.path)
        let expected = StoreError.unreadable(file: file, problem: .invalid(.unitsTooLarge(Units(400), maximum: Units(100))))
        #expect(try fresh.sessions(of: id) == [])
        #expect(try fresh.readSessions(of: id).issues == [RecordIssue(expected)])
        #expect(throws: StoreError.refusingToOverwriteUnreadable(file: file)) { try fresh.saveSession(SampleRecords.session(points: 1)) }
        #expect(folder.bytes(file) == Array(text.utf8))
    }

    @Test func parserFindsNestedDuplicatesAndAcceptsSoundJSON() throws {
        #expect(throws: JSONParser.Problem.duplicateKey(key: "units", at: "record.points[1]")) {
            try JSONParser.parse(Array(#"{"record":{"points":[{"units":4},{"units":4,"units":400}]}}"#.utf8))
        }
        let sound = try JSONParser.parse(Array(#" {"a":[1,-2.5e3,true,false,null,"\u00e9\n"],"b":{"a":{}}} "#.utf8))
        #expect(sound == .object([
            "a": .array([.number(1), .number(-2500), .bool(true), .bool(false), .null, .string("é\n")]),
            "b": .object(["a": .object([:])]),
        ]))
        #expect(throws: JSONParser.Problem.truncated) { try JSONParser.parse(Array(#"{"a":"#.utf8)) }
        #expect(throws: JSONParser.Problem.syntax(offset: 5)) { try JSONParser.parse(Array(#"{"a":01}"#.utf8)) }
        #expect(throws: JSONParser.Problem.numberOutOfRange(offset: 5)) { try JSONParser.parse(Array(#"{"a":1e999}"#.utf8)) }
    }
}
