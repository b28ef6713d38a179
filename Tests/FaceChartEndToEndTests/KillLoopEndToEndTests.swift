import FaceChartCore
import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

/// kill -9 during continuous charting, again and again: every point the screen acknowledged is on
/// disk after each kill, and the file always reads.
@Suite struct KillLoopEndToEndTests {
    static let kills = 50

    @Test func noAcknowledgedPointIsLostAcrossRepeatedKills() throws {
        let folder = try TemporaryFolder(prefix: "facechart-e2e-kill")
        let added = try Runner.facechart(["add-patient", "Kill Loop", "--born", "1975-03-03"], home: folder.path)
        try #require(added.status == 0, "\(added.errors)")
        let id = try #require(RecordID(added.output.trimmingCharacters(in: .newlines)))
        let url = URL(fileURLWithPath: folder.path)
        var generator = SystemRandomNumberGenerator()
        var acknowledged = 0
        for round in 0..<Self.kills {
            let tmux = try TmuxSession(arguments: [id.rawValue], dataFolder: url)
            if round == 0 {
                try tmux.waitFor("No sessions yet")
                try tmux.startSession(lot: "KILL-1", expiry: "2099-01-31", clinician: "Dr Kill")
            } else {
                try tmux.waitFor("draft")
                try tmux.send("Enter")
                try tmux.waitFor("Pen 4 U · IM")
            }
            // Half a unit per point keeps a long run of points a plausible dose; every point goes in the
            // cursor's cell, each after the first confirmed with y (y does nothing when none is asked).
            let place = Array(repeating: ["Enter", "y"], count: 3).flatMap { $0 }
            try tmux.send(keys: ["0", ".", "5"] + place)
            // Whatever count the screen shows was saved before it was drawn: that is what was acknowledged.
            let screen = try tmux.waitFor(acknowledging: acknowledged + 1)
            acknowledged = try #require(Self.points(on: screen))
            // More points in flight, then the kill lands at a random moment among their saves.
            try tmux.send(keys: place)
            usleep(UInt32.random(in: 0...20_000, using: &generator))
            let pid = try tmux.programPID()
            #expect(kill(pid, SIGKILL) == 0)
            #expect(eventually { kill(pid, 0) != 0 }, "round \(round): the program is gone")

            let store = try PatientStore(root: folder.path, access: .viewing)
            let records = try store.readRecords(of: id)
            #expect(records.issues.isEmpty, "round \(round): \(records.issues.map(\.message))")
            let onDisk = records.sessions.first?.points.count ?? 0
            #expect(records.sessions.count == 1, "round \(round)")
            #expect(onDisk >= acknowledged, "round \(round): \(acknowledged) points acknowledged, \(onDisk) on disk")
            acknowledged = onDisk
        }
        #expect(acknowledged >= Self.kills)
    }

    /// "Total 7.5 U in 15 points" -> 15.
    static func points(on screen: String) -> Int? {
        guard let range = screen.range(of: #"Total [0-9.]+ U in [0-9]+ points?"#, options: .regularExpression) else { return nil }
        return Int(screen[range].split(separator: " ")[4])
    }
}

private extension TmuxSession {
    /// Waits until the charting screen shows at least `count` points.
    func waitFor(acknowledging count: Int, seconds: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        repeat {
            last = try screen()
            if let shown = KillLoopEndToEndTests.points(on: last), shown >= count { return last }
            Thread.sleep(forTimeInterval: 0.01)
        } while Date() < deadline
        Issue.record("Timed out waiting for \(count) points. Screen:\n\(last)")
        throw TmuxError.timedOut("\(count) points")
    }
}
