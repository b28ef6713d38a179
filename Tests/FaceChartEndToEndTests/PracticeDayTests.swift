import FaceChartCore
import FaceChartStore
import FaceChartSync
import FaceChartTestSupport
import Foundation
import Testing

/// Two chairs chart one practice through a simulated day, syncing as they go: nothing is lost, every
/// file stays readable, and the audit log shows every change with its chair.
@Suite struct PracticeDayTests {
    @Test func twoChairsChartADayWithoutLosingAChange() throws {
        let practice = try Practice()
        let (a, b) = (practice.chair("room-1"), practice.chair("room-2"))
        var patients: [RecordID] = []
        for name in ["Ines Nine", "Jon Ten", "Kai Eleven"] { patients.append(try a.addPatient(name)) }
        try a.setup(practice)
        patients.append(try b.addPatient("Lea Twelve"))
        try b.setup(practice)
        try a.sync()

        var expectedSessions: [RecordID: Set<String>] = [:]
        var expectedAddenda: [String: Int] = [:]
        for hour in 0..<8 {
            let minute = Double(hour) * 60
            let (first, second) = (patients[hour % patients.count], patients[(hour + 1) % patients.count])
            // Both chairs treat patients in the same hour; sometimes the same patient.
            try a.chartSession("a-\(hour)", patient: first, start: dayTime(minute))
            try b.chartSession("b-\(hour)", patient: hour.isMultiple(of: 3) ? first : second, start: dayTime(minute + 5))
            expectedSessions[first, default: []].insert("a-\(hour)")
            expectedSessions[hour.isMultiple(of: 3) ? first : second, default: []].insert("b-\(hour)")
            if hour > 0 {
                // Addenda to the same earlier session from both chairs.
                let earlier = "a-\(hour - 1)"
                let owner = patients[(hour - 1) % patients.count]
                try a.sync()
                try b.sync()
                try a.addAddendum("Follow-up call, hour \(hour) (room 1).", session: earlier, patient: owner, at: dayTime(minute + 20))
                try b.addAddendum("Photo added, hour \(hour) (room 2).", session: earlier, patient: owner, at: dayTime(minute + 21))
                expectedAddenda[earlier] = 2
            }
            // Edits of different fields of one patient on both chairs.
            try a.editPatient(first, at: dayTime(minute + 30)) { $0.notes = "Seen at hour \(hour)" }
            try b.editPatient(first, at: dayTime(minute + 31)) { $0.flags.formSymmetricDifference([.anticoagulants]) }
            if hour.isMultiple(of: 2) {
                try a.sync()
                try b.sync()
            } else {
                try b.sync()
                try a.sync()
            }
        }
        try a.sync()
        try b.sync()
        try a.sync()

        #expect(a.head == b.head)
        #expect(a.recordFiles() == b.recordFiles())
        for chair in [a, b] {
            let verified = try chair.run(["verify"])
            #expect(verified.status == 0, "\(chair.name): \(verified.errors)")
            #expect(chair.pendingConflicts.isEmpty, "\(chair.name)")
            let store = try chair.store()
            for (patient, ids) in expectedSessions {
                let sessions = try store.sessions(of: patient)
                #expect(Set(sessions.map(\.id.rawValue)) == ids, "\(chair.name) \(patient)")
                for session in sessions {
                    #expect(session.signatureIsIntact)
                    #expect(session.addenda.count == expectedAddenda[session.id.rawValue] ?? 0, "\(session.id)")
                }
            }
            let first = try store.loadPatient(patients[7 % patients.count])
            #expect(first.notes == "Seen at hour 7")
        }

        // Every change-list entry and every checkpoint shows with its chair.
        let patient = patients[0]
        let (changes, problems) = try a.store().changes(of: patient)
        #expect(problems.isEmpty)
        let log = try a.run(["log", patient.rawValue])
        #expect(log.status == 0, "\(log.errors)")
        let lines = log.output.split(separator: "\n").map(String.init)
        for change in changes {
            func quoted(_ text: String?) -> String { text.map { $0.isEmpty ? "(empty)" : "\"\($0)\"" } ?? "(none)" }
            let words = "\(change.field): \(quoted(change.from)) -> \(quoted(change.to))"
            let line = lines.first { $0.contains(words) }
            let chair = change.field == "notes" ? "room-1" : "room-2"
            #expect(line?.hasSuffix("(chair \(chair))") == true, "\(words) in:\n\(log.output)")
        }
        for hour in [0, 4] {
            #expect(lines.contains { $0.contains("  chair room-1  signed session a-\(hour)") }, "\(log.output)")
        }
        #expect(lines.contains { $0.contains("  chair room-2  addendum session a-4") }, "\(log.output)")
    }
}
