import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

/// Every file of the damaged-file corpus, and every kind of entry that is not a regular file, put in
/// the place of a session file beside a healthy one: the damaged file is named once and left as it
/// is, the healthy session, its review and recall stay whole, new sessions save, and the file moves
/// aside with its bytes.
@Suite struct CorpusTests {
    @Test func theCorpusHoldsEveryKindOfDamage() throws {
        let names = try DamagedFolderFixture.corpusFiles().map(\.name)
        for expected in ["truncated.json", "not-utf8.json", "utf16.json", "wrong-types.json", "newer-format.json",
                         "duplicate-key.json", "deep-nesting.json", "empty.json", "year-9999-date.json"] {
            #expect(names.contains(expected))
        }
    }

    @Test(arguments: try DamagedFolderFixture.corpusFiles().map(\.name))
    func aDamagedSessionFileIsNamedOnceAndTheRestStaysUsable(name: String) throws {
        let fixture = try DamagedFolderFixture()
        let bytes = try #require(try DamagedFolderFixture.corpusFiles().first { $0.name == name }?.bytes)
        let damaged = DamagedFolderFixture.sessions + "/" + DamagedFolderFixture.damagedName
        try fixture.folder.write(bytes, to: damaged)
        let before = fixture.snapshot()

        let store = try PatientStore(root: fixture.folder.path)
        let records = try store.readRecords(of: fixture.patient)
        #expect(records.sessions == [fixture.good], "\(name): the healthy session is shown")
        #expect(records.reviews == [fixture.review], "\(name): its review is shown")
        #expect(records.issues.count == 1, "\(name): \(records.issues.map(\.message))")
        let issue = try #require(records.issues.first)
        #expect(issue.file == damaged)
        #expect(issue.isLeftOut)
        #expect(issue.message.contains(damaged) && !issue.message.contains("Ada"), "\(issue.message)")
        #expect(issue.canBeMovedAside == (name != "newer-format.json"), "\(name)")

        // Recall counts the healthy session once and lists the damaged file.
        let recall = try store.lotUses()
        #expect(recall.uses.map(\.session) == [fixture.good.id])
        #expect(recall.problems.map(\.file) == [damaged])

        // Charting goes on: the healthy session gains an addendum and a new session saves.
        try store.saveSession(try fixture.good.addingAddendum("Checked.", by: SampleRecords.clinician, at: fixture.good.startedAt.adding(seconds: 60)))
        try store.saveSession(SampleRecords.session(id: "new", startedAt: fixture.good.startedAt.adding(seconds: 100 * 86_400)))
        #expect(throws: StoreError.refusingToOverwriteUnreadable(file: damaged)) {
            try store.saveSession(SampleRecords.session(id: "session-1"))
        }
        #expect(fixture.folder.bytes(damaged) == bytes, "\(name): the damaged file is never changed")
        #expect(fixture.snapshot()[damaged.replacingOccurrences(of: "patients/patient-1/", with: "")] == before[
            damaged.replacingOccurrences(of: "patients/patient-1/", with: "")])

        guard issue.canBeMovedAside else { return }
        let lock = try store.lockPatient(fixture.patient)
        let moved = try store.moveAside(damaged, holding: lock)
        #expect(moved == DamagedFolderFixture.sessions + "/damaged/" + DamagedFolderFixture.damagedName)
        #expect(fixture.folder.bytes(moved) == bytes, "\(name): moved with its bytes")
        #expect(fixture.folder.bytes(damaged) == nil)
        #expect(try store.readRecords(of: fixture.patient).issues.isEmpty, "the damaged/ folder is not read")
    }

    @Test func entriesThatAreNotRegularFilesAreReportedAndNeverRead() throws {
        let fixture = try DamagedFolderFixture()
        let folder = fixture.folder
        let sessions = DamagedFolderFixture.sessions
        let outside = try TemporaryFolder()
        try outside.write(folder.bytes(fixture.goodFile)!, to: "elsewhere.json")
        try FileManager.default.createDirectory(atPath: folder.file(sessions + "/20240101T000000Z-folder.json"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.file(sessions + "/20240102T000000Z-link.json"),
                                                   withDestinationPath: outside.file("elsewhere.json"))
        try FileManager.default.createSymbolicLink(atPath: folder.file(sessions + "/20240103T000000Z-dangling.json"),
                                                   withDestinationPath: "/nonexistent/facechart")
        #expect(mkfifo(folder.file(sessions + "/20240104T000000Z-fifo.json"), 0o600) == 0)
        try Self.makeSocket(at: folder.file(sessions + "/20240105T000000Z-socket.json"))
        #expect(mkfifo(folder.file(DamagedFolderFixture.reviews + "/fifo-review.json"), 0o600) == 0)

        let store = try PatientStore(root: folder.path)
        let records = try store.readRecords(of: fixture.patient)
        #expect(records.sessions == [fixture.good])
        let kinds = records.issues.map { issue -> String in
            if case .unusable(.unreadable(_, .notAFile(let kind))) = issue.problem { return kind.rawValue }
            return issue.message
        }
        #expect(kinds == [FileProblem.EntryKind.folder, .symbolicLink, .symbolicLink, .namedPipe, .socket, .namedPipe].map(\.rawValue))
        #expect(records.issues.allSatisfy { $0.canBeMovedAside })
        #expect(try store.lotUses().problems.count == 5)

        // Reading a FIFO by name does not block either: the type is checked on the open descriptor.
        #expect(throws: StoreError.unreadable(file: sessions + "/20240104T000000Z-fifo.json", problem: .notAFile(.namedPipe))) {
            _ = try store.readBytes(sessions + "/20240104T000000Z-fifo.json")
        }
        // Every one of them moves aside as it is: a link stays a link, pointing where it did.
        let lock = try store.lockPatient(fixture.patient)
        for issue in records.issues { _ = try store.moveAside(issue.file, holding: lock) }
        #expect(try store.readRecords(of: fixture.patient).issues.isEmpty)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: folder.file(sessions + "/damaged/20240102T000000Z-link.json"))
        #expect(link == outside.file("elsewhere.json"))
        #expect(outside.bytes("elsewhere.json") == folder.bytes(fixture.goodFile))
    }

    /// Mode 000 for a normal user: the read fails with EACCES (root ignores modes, so it is injected).
    @Test func aFileThatMayNotBeReadIsNamedButNotOfferedForMovingAside() throws {
        let fixture = try DamagedFolderFixture()
        let calls = DeniedOpenCalls(denying: "-good.json")
        let store = try PatientStore(root: fixture.folder.path, system: calls)
        let records = try store.readRecords(of: fixture.patient)
        #expect(records.sessions.isEmpty)
        #expect(records.issues == [RecordIssue(.unreadable(file: fixture.goodFile, problem: .readFailed(errno: EACCES)))])
        #expect(records.issues[0].message.contains("Permission denied"))
        #expect(!records.issues[0].canBeMovedAside, "a permission is not damage")
        // Its review is left out with it, without being named a second time.
        #expect(records.reviews.isEmpty)
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let fixture = try DamagedFolderFixture()
        let file = DamagedFolderFixture.sessions + "/" + DamagedFolderFixture.damagedName
        let fd = open(fixture.folder.file(file), O_CREAT | O_WRONLY, 0o600)
        #expect(ftruncate(fd, off_t(FileAccess.maximumFileSize + 1)) == 0)
        close(fd)
        let records = try PatientStore(root: fixture.folder.path).readRecords(of: fixture.patient)
        #expect(records.sessions == [fixture.good])
        #expect(records.issues.map(\.summary) == ["it is too large to be a record (256 MB)"])
    }

    /// Binds a Unix socket at `path` (and closes it: the name stays). It is bound under a short name
    /// in /tmp (a socket's path is limited to 108 bytes) and renamed into place.
    static func makeSocket(at path: String) throws {
        let short = "/tmp/fc-\(UUID().uuidString.prefix(8)).sock"
        try bindSocket(at: short)
        try #require(rename(short, path) == 0, "rename: \(String(cString: strerror(errno)))")
    }

    private static func bindSocket(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8CString)
        try #require(bytes.count <= MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = UInt8(bitPattern: byte) }
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(result == 0, "bind: \(String(cString: strerror(errno)))")
    }
}

/// Real calls, except that opening a file whose path ends with `suffix` fails with EACCES.
final class DeniedOpenCalls: FileSystemCalls {
    private let real = FaultInjectingCalls()
    private let suffix: String

    init(denying suffix: String) {
        self.suffix = suffix
        real.arm(failingCall: nil)
    }

    func open(_ path: String, _ flags: Int32, _ mode: UInt32) throws(Errno) -> Int32 {
        if path.hasSuffix(suffix) { throw Errno(code: EACCES) }
        return try real.open(path, flags, mode)
    }

    func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int { try real.read(fd, buffer) }
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(Errno) -> Int { try real.write(fd, buffer) }
    func fsync(_ fd: Int32) throws(Errno) { try real.fsync(fd) }
    func close(_ fd: Int32) throws(Errno) { try real.close(fd) }
    func ftruncate(_ fd: Int32, _ length: Int) throws(Errno) { try real.ftruncate(fd, length) }
    func flock(_ fd: Int32, _ operation: Int32) throws(Errno) { try real.flock(fd, operation) }
    func rename(_ from: String, _ to: String) throws(Errno) { try real.rename(from, to) }
    func unlink(_ path: String) throws(Errno) { try real.unlink(path) }
    func mkdir(_ path: String, _ mode: UInt32) throws(Errno) { try real.mkdir(path, mode) }
    func rmdir(_ path: String) throws(Errno) { try real.rmdir(path) }
    func lstat(_ path: String) throws(Errno) -> FileStatus { try real.lstat(path) }
    func fstat(_ fd: Int32) throws(Errno) -> FileStatus { try real.fstat(fd) }
    func access(_ path: String, _ mode: Int32) throws(Errno) { try real.access(path, mode) }
    func listDirectory(_ path: String) throws(Errno) -> [DirectoryEntry] { try real.listDirectory(path) }
}
