import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

/// Whether a read-only bind mount can be made in a private mount namespace here (`unshare -rm`).
let readOnlyMountWorks: Bool = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), let probe = try? TemporaryFolder() else { return false }
    let result = try? Spawn.run("/usr/bin/unshare", [
        "-rm", "/bin/sh", "-c", #"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1""#, "sh", probe.path,
    ])
    return result?.status == 0
}()

/// Runs the binary as `nobody` (root ignores file modes), when this process is root.
let asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
let nobodyCanRun: Bool = {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: asNobody[0]) else { return false }
    return (try? Spawn.run(asNobody[0], Array(asNobody.dropFirst()) + [TmuxSession.binary.path, "--version"]).status) == 0
}()

/// Options anywhere, commands that only read never writing, read-only data folders, a file the user
/// may not read, and many processes adding patients at once.
@Suite struct AccessEndToEndTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder(prefix: "facechart-e2e-access") }

    @Test func dataDirWorksBeforeOrAfterTheCommand() throws {
        let demo = try makeDemoFolder(in: folder)
        let after = try Runner.facechart(["patients", "--data-dir", demo], home: nil)
        #expect(after.status == 0 && after.output.contains("Demo Patient"), "\(after.errors)")
        for arguments in [["--data-dir", demo, "patients"], ["--data-dir=\(demo)", "patients"]] {
            let before = try Runner.facechart(arguments, home: nil)
            #expect(before.status == 0, "\(arguments): \(before.errors)")
            #expect(before.output == after.output, "\(arguments)")
        }
        let history = try Runner.facechart(["--data-dir", demo, "history", "Demo Patient"], home: nil)
        #expect(history.status == 0 && history.output.contains("History: Demo Patient"), "\(history.errors)")
    }

    @Test func aMistypedDataFolderIsNamedAndNeverCreated() throws {
        let missing = folder.file("no/such/facechart")
        for arguments in [["patients"], ["show", "x"], ["history", "x"], ["lots"], ["move-aside", "patients/x/patient.json"]] {
            let result = try Runner.facechart(["--data-dir", missing] + arguments, home: nil)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errors == "facechart: There is no data folder at \(missing) (chosen by --data-dir): check the path. "
                + "It is created when the first patient is added.\n", "\(arguments)")
        }
        let templates = try Runner.facechart(["templates"], home: missing)
        #expect(templates.status == 0)
        #expect(templates.output.contains("Built-in patterns"))
        #expect(templates.output.contains("There is no data folder at \(missing) (chosen by FACECHART_HOME)"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("no")), "nothing was created")
    }

    @Test func twoHundredPatientsAddedAtOnceAllSucceed() throws {
        let home = folder.file("data")
        let count = 200
        let script = """
            mkdir -p "$OUT"
            i=1
            while [ $i -le \(count) ]; do
              ( "$BINARY" add-patient "Parallel $i" >"$OUT/$i.out" 2>"$OUT/$i.err"; echo $? >"$OUT/$i.status" ) &
              i=$((i + 1))
            done
            wait
            """
        let out = folder.file("out")
        let result = try Runner.run("/bin/sh", ["-c", script], environment: [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "FACECHART_HOME": home, "OUT": out, "BINARY": TmuxSession.binary.path,
        ], deadline: 300)
        #expect(result.status == 0 && !result.timedOut)
        var ids: Set<String> = []
        for index in 1...count {
            let status = try String(contentsOfFile: "\(out)/\(index).status", encoding: .utf8)
            let errors = try String(contentsOfFile: "\(out)/\(index).err", encoding: .utf8)
            #expect(status == "0\n", "add-patient \(index): \(errors)")
            ids.insert(try String(contentsOfFile: "\(out)/\(index).out", encoding: .utf8).trimmingCharacters(in: .newlines))
        }
        #expect(ids.count == count)
        let data = DataFolder(path: home)
        #expect(Set(data.patientIDs()) == ids)
        #expect(!data.allPaths().contains { $0.contains(".facechart-tmp-") }, "no temp file or half-made folder is left")
        let summaries = try PatientStore(root: home, access: .viewing).listPatients()
        #expect(summaries.count == count && summaries.allSatisfy { $0.patient != nil })
    }

    @Test(.enabled(if: readOnlyMountWorks, "a read-only bind mount cannot be made here"))
    func aReadOnlyDataFolderCanBeViewedEverywhere() throws {
        let demo = try makeDemoFolder(in: folder)
        let readOnly = ["/usr/bin/unshare", "-rm", "/bin/sh", "-c",
                        #"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@""#, "sh", demo]
        for arguments in [["patients"], ["show", "demo-patient"], ["history", "demo-patient"], ["lots"], ["templates"]] {
            let result = try Runner.facechart(arguments, home: demo, wrapper: readOnly)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
            #expect(result.errors.isEmpty, "\(arguments): \(result.errors)")
        }
        let add = try Runner.facechart(["add-patient", "Nope"], home: demo, wrapper: readOnly)
        #expect(add.status == 1)
        #expect(add.errors.contains("Read-only file system"), "\(add.errors)")

        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: demo), wrapper: readOnly)
        try tmux.waitFor("READ-ONLY: the data folder cannot be written")
        try tmux.send("Enter")
        var screen = try tmux.waitFor("READ-ONLY: the data folder cannot be written (Read-only file system)")
        #expect(screen.contains("20 U signed"))
        try tmux.send("n")
        try tmux.waitFor("Read-only here: sessions can be viewed, not charted.")
        try tmux.send("Enter")
        screen = try tmux.waitFor("Total 20 U in 5 points")
        #expect(screen.contains("READ-ONLY SIGNED"))
        try tmux.send("q", "q", "q")
        try tmux.waitFor("EXIT=0")
    }

    /// Mode 000 for a normal user: the file is named with the reason, the rest is shown, exit 0.
    @Test(.enabled(if: nobodyCanRun, "needs root and setpriv to run as another user"))
    func aFileTheUserMayNotReadIsNamedAndTheRestShown() throws {
        let demo = try makeDemoFolder(in: folder)
        let data = DataFolder(path: demo)
        let session = try #require(data.sessionFiles(of: "demo-patient").first)
        // Everything readable by others, but the one session file.
        for path in [folder.path, demo] + data.allPaths().map({ demo + "/" + $0 }) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            #expect(chmod(path, isFolder.boolValue ? 0o755 : 0o644) == 0)
        }
        #expect(chmod(demo + "/" + session, 0) == 0)
        let history = try Runner.facechart(["history", "demo-patient"], home: demo, wrapper: asNobody)
        #expect(history.status == 0, "\(history.errors)")
        #expect(history.output.contains(session) && history.output.contains("read: Permission denied"), "\(history.output)")
        let patients = try Runner.facechart(["patients"], home: demo, wrapper: asNobody)
        #expect(patients.status == 0)
        #expect(patients.output.contains("1 file not used"))
        #expect(!patients.errors.contains("move-aside"), "a permission is not damage: nothing to move aside")
    }
}
