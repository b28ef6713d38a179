import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Testing

/// What a finished run of the `facechart` binary (or of strace around it) printed.
struct CommandResult {
    var status: Int32
    var output: String
    var errors: String
    /// Killed for running past its deadline.
    var timedOut = false

    /// Standard error without blank lines.
    var errorLines: [Substring] { errors.split(separator: "\n", omittingEmptySubsequences: true) }
}

/// Runs programs to completion with a clean environment, no terminal on any standard stream.
enum Runner {
    /// Runs `facechart ARGUMENTS` with `FACECHART_HOME` and TZ=UTC, and stdin from /dev/null; killed
    /// after `deadline` seconds. `wrapper` goes before the binary (e.g. `setpriv ...`).
    static func facechart(
        _ arguments: [String], home: String?, environment: [String: String] = [:], wrapper: [String] = [],
        deadline: Double = 60
    ) throws -> CommandResult {
        var variables = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "HOME": NSTemporaryDirectory()]
        if let home { variables["FACECHART_HOME"] = home }
        variables.merge(environment) { $1 }
        let command = wrapper + [TmuxSession.binary.path] + arguments
        return try run(command[0], Array(command.dropFirst()), environment: variables, deadline: deadline)
    }

    /// Runs `strace -f -o /dev/null STRACE-ARGUMENTS facechart ARGUMENTS`, with the history off: these
    /// faults are for the store, and `-f` would land them in git's own processes too.
    static func straced(_ straceArguments: [String], _ arguments: [String], home: String) throws -> CommandResult {
        let variables = [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "HOME": NSTemporaryDirectory(), "FACECHART_HOME": home,
            "FACECHART_HISTORY": "off",
        ]
        return try run("/usr/bin/strace", ["-f", "-o", "/dev/null"] + straceArguments + [TmuxSession.binary.path] + arguments,
                       environment: variables)
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], deadline: Double? = nil
    ) throws -> CommandResult {
        let result = try Spawn.run(executable, arguments, environment: environment, deadline: deadline)
        return CommandResult(status: result.status, output: String(decoding: result.output, as: UTF8.self),
                             errors: String(decoding: result.errors, as: UTF8.self), timedOut: result.timedOut)
    }
}

/// Looks at a data folder from outside the program.
struct DataFolder {
    let path: String

    /// Every file and folder below the data folder, relative, sorted.
    func allPaths() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var paths: [String] = []
        while let next = enumerator?.nextObject() as? String { paths.append(next) }
        return paths.sorted()
    }

    /// Patient folder names (not hidden ones: a folder being created has a temporary, hidden name).
    func patientIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/patients")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Session files of one patient, relative to the data folder.
    func sessionFiles(of patient: String) -> [String] {
        let folder = "patients/\(patient)/sessions"
        return ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + folder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }

    func bytes(_ relative: String) -> Data? { FileManager.default.contents(atPath: path + "/" + relative) }

    /// The `record` object of a stored JSON file, after checking the wrapper.
    func record(_ relative: String, kind: String) throws -> [String: Any] {
        let data = try #require(bytes(relative), "\(relative) is missing")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 2)
        #expect((object["checksum"] as? [String: Any])?["algorithm"] as? String == "SHA-256/RFC8785")
        #expect(object["kind"] as? String == kind)
        return try #require(object["record"] as? [String: Any])
    }

    /// The permission bits of `relative`.
    func mode(_ relative: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + relative)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

/// The only patient folder's id (fails the test when there is not exactly one).
func onlyPatient(in folder: DataFolder, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let ids = folder.patientIDs()
    try #require(ids.count == 1, "patients: \(ids)", sourceLocation: sourceLocation)
    return ids[0]
}

/// Seeds a demo folder under `folder` with `facechart demo --print`; returns its path.
func makeDemoFolder(in folder: TemporaryFolder, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try Runner.facechart(["demo", "--print"], home: nil, environment: ["TMPDIR": folder.path])
    try #require(result.status == 0, "\(result.errors)", sourceLocation: sourceLocation)
    let firstLine = try #require(result.output.split(separator: "\n").first, sourceLocation: sourceLocation)
    try #require(firstLine.hasPrefix("Demo data folder: "), sourceLocation: sourceLocation)
    let path = String(firstLine.dropFirst("Demo data folder: ".count))
    #expect(path.hasPrefix(folder.path + "/facechart-demo-"), sourceLocation: sourceLocation)
    #expect(result.output.contains("Total 20 U in 5 points"), sourceLocation: sourceLocation)
    return path
}

/// Polls `condition` until it holds or `seconds` pass; no fixed sleeps.
func eventually(seconds: Double = 5, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    } while Date() < deadline
    return try condition()
}

extension String {
    /// Whether the text looks like a Swift crash or stack trace rather than a worded message.
    var looksLikeACrash: Bool {
        ["Fatal error", "Stack dump", "Backtrace", "#0 ", "0x0000", "Illegal instruction", "Segmentation fault"]
            .contains { contains($0) }
    }
}

extension TmuxSession {
    /// A patient added from the command line and the chart opened on a new session: the screen of
    /// `width` x `height` with `environment`, on the charting screen. `listedAs` is how the list shows
    /// the name, when not as it is.
    static func charting(
        in folder: String, patient: String = "Hang Up", listedAs: String? = nil, lot: String = "LOT-9", width: Int = 80,
        height: Int = 24, environment: [String: String] = [:], penLine: String = "Pen 4 U · IM"
    ) throws -> TmuxSession {
        let added = try Runner.facechart(["add-patient", patient, "--born", "1975-03-04"], home: folder)
        try #require(added.status == 0, "\(added.errors)")
        let tmux = try TmuxSession(dataFolder: URL(fileURLWithPath: folder), width: width, height: height, environment: environment)
        try tmux.waitFor(listedAs ?? patient)
        try tmux.send("Enter")
        try tmux.waitFor("No sessions yet. Press n to start one.")
        try tmux.startSession(lot: lot, expiry: "2099-01-31", clinician: "Dr Test", penLine: penLine)
        return tmux
    }

    /// From a patient's screen on a chair with no vial open today: `n`, then lot, expiry and clinician in
    /// session setup (the first product and its usual dilution kept), Enter, and wait for the charting screen.
    func startSession(lot: String, expiry: String, clinician: String, penLine: String = "Pen 4 U · IM") throws {
        try send("n")
        try waitFor("Concern / diagnosis   Glabellar lines")
        try send("Tab", "Tab", "Tab")
        try sendLiteral(lot)
        try send("Tab")
        try sendLiteral(expiry)
        try send("Tab", "Tab", "Tab")
        try sendLiteral(clinician)
        try waitFor("Clinician             \(clinician)")
        try send("Enter")
        try waitFor(penLine)
    }
}
