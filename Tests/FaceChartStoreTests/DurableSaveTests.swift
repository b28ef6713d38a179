import FaceChartCore
@testable import FaceChartStore
import FaceChartTestSupport
import Foundation
import Glibc
import Testing

/// Fails every system call of a save in turn, as SQLite's I/O-error tests do.
@Suite struct DurableSaveTests {
    let folder: TemporaryFolder
    let calls = FaultInjectingCalls()
    let store: PatientStore
    let sessionFile = "patients/patient-1/sessions/20240428T122640Z-session-1.json"

    init() throws {
        folder = try TemporaryFolder()
        store = try PatientStore(root: folder.path, system: calls)
        try store.createPatient(SampleRecords.patient())
    }

    private func temporaries() -> [String] {
        (folder.names(in: "patients/patient-1") + folder.names(in: "patients/patient-1/sessions"))
            .filter { $0.hasPrefix(FileAccess.temporaryPrefix) }
    }

    @Test(arguments: [EIO, ENOSPC, EDQUOT])
    func failureAtEveryCallOfASaveKeepsThePreviousFile(code: Int32) throws {
        let original = SampleRecords.session(points: 100)
        try store.saveSession(original)
        let before = try #require(folder.bytes(sessionFile))
        var changed = original
        changed.notes = "Changed after the first save."
        var step = 1
        var failures = 0
        while step < 500 {
            calls.arm(failingCall: step, with: code)
            do {
                try store.saveSession(changed)
                if calls.failed == nil { break }  // past the last call: the save ran clean
            } catch {
                failures += 1
                #expect(calls.failed != nil, "step \(step): an error without an injected failure")
                #expect(error.message.contains("patients/patient-1"), "step \(step): \(error.message)")
                if case .notConfirmedOnDisk = error {
                    #expect(calls.log.contains("rename"), "step \(step)")
                } else {
                    #expect(folder.bytes(sessionFile) == before, "step \(step) (\(calls.failed ?? "")) changed the file")
                }
            }
            #expect(temporaries() == [], "step \(step) (\(calls.failed ?? "")) left a temp file")
            if folder.bytes(sessionFile) != before {
                calls.arm(failingCall: nil)
                try store.saveSession(original)
                #expect(folder.bytes(sessionFile) == before)
            }
            step += 1
        }
        #expect(failures >= 10 && step < 500)
        #expect(try PatientStore(root: folder.path).loadSession(patient: original.patient, session: original.id) == changed)
    }

    @Test func failureAtEveryCallOfAFirstSaveLeavesNoFile() throws {
        let session = SampleRecords.session()
        var step = 1
        while step < 500 {
            calls.arm(failingCall: nil)
            let fresh = try PatientStore(root: folder.path, system: calls)
            calls.arm(failingCall: step)
            do {
                try fresh.saveSession(session)
                if calls.failed == nil { break }
            } catch {
                #expect(error.message.contains(sessionFile) || error.message.contains("patients/patient-1"), "\(error)")
                if case .notConfirmedOnDisk = error {} else {
                    #expect(folder.names(in: "patients/patient-1/sessions") == [], "step \(step) \(error)")
                }
            }
            #expect(temporaries() == [], "step \(step) \(calls.failed ?? "-") \(calls.log)")
            if folder.bytes(sessionFile) != nil { try FileManager.default.removeItem(atPath: folder.file(sessionFile)) }
            step += 1
        }
        #expect(step > 8 && step < 500)
    }

    @Test func theSaveFollowsTheDurableOrder() throws {
        calls.arm(failingCall: nil)
        try store.savePatient(SampleRecords.patient(name: "Renamed"))
        let log = calls.log
        let order = ["open", "write", "fsync", "close", "rename", "open", "fsync", "close"]
        var position = log.startIndex
        for name in order {
            let found = log[position...].firstIndex(of: name)
            #expect(found != nil, "\(name) missing from \(log)")
            position = (found ?? position) + 1
        }
        #expect(log.firstIndex(of: "fsync")! < log.firstIndex(of: "rename")!)
        #expect(log.lastIndex(of: "fsync")! > log.firstIndex(of: "rename")!)
    }

    @Test func shortWritesAndInterruptedCallsStillWriteEverything() throws {
        let session = SampleRecords.session(points: 100)
        calls.maximumWrite = 7
        calls.arm(failingCall: nil)
        try store.saveSession(session)
        #expect(calls.log.filter { $0 == "write" }.count > 100)
        calls.maximumWrite = nil
        var changed = session
        changed.notes = "Interrupted."
        let firstWrite = calls.log.firstIndex(of: "write")! + 1
        calls.arm(failingCall: firstWrite, with: EINTR)
        try store.saveSession(changed)
        #expect(calls.failed == "write")
        #expect(try PatientStore(root: folder.path).loadSession(patient: session.patient, session: session.id) == changed)
    }

    @Test func folderSyncEINVALIsIgnored() throws {
        calls.arm(failingCall: nil)
        try store.savePatient(SampleRecords.patient(name: "Once"))
        let folderSync = calls.log.lastIndex(of: "fsync")! + 1
        calls.arm(failingCall: folderSync, with: EINVAL)
        try store.savePatient(SampleRecords.patient(name: "Twice"))
        #expect(calls.failed == "fsync")
    }

    @Test func aFileChangedByAnotherProgramIsNotOverwritten() throws {
        let other = try PatientStore(root: folder.path)
        var mine = try store.loadPatient(RecordID("patient-1")!)
        var theirs = try other.loadPatient(mine.id)
        theirs.notes = "Saved by the other window."
        try other.savePatient(theirs)
        let onDisk = folder.bytes("patients/patient-1/patient.json")
        mine.notes = "Saved by this window."
        #expect(throws: StoreError.changedByAnotherProgram(file: "patients/patient-1/patient.json")) {
            try store.savePatient(mine)
        }
        #expect(folder.bytes("patients/patient-1/patient.json") == onDisk)
        #expect(temporaries() == [])
        // After reading the other version, saving works again.
        _ = try store.loadPatient(mine.id)
        try store.savePatient(mine)
        #expect(try other.loadPatient(mine.id).notes == "Saved by this window.")
    }

    @Test func aFileDeletedOrCreatedBehindOurBackIsNotOverwritten() throws {
        try FileManager.default.removeItem(atPath: folder.file("patients/patient-1/patient.json"))
        #expect(throws: StoreError.changedByAnotherProgram(file: "patients/patient-1/patient.json")) {
            try store.savePatient(SampleRecords.patient())
        }
        let session = SampleRecords.session()
        try PatientStore(root: folder.path).saveSession(session)
        #expect(throws: StoreError.changedByAnotherProgram(file: sessionFile)) { try store.saveSession(session) }
    }
}
