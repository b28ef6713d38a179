import FaceChartCore
import Glibc

extension PatientStore {
    /// The folder, beside a file that cannot be used, that the file is moved into.
    static let damagedFolderName = "damaged"

    /// Moves `relative` (a file, link or other entry in a patient's folder that reading reports as
    /// unusable, unexpected, misnamed or a second copy) into a `damaged/` folder beside it, keeping its
    /// bytes; returns where it went. Durable: the new folder entry and both folders are synced. Needs
    /// the patient's lock; refuses anything that reads correctly.
    public func moveAside(_ relative: String, holding lock: PatientLock) throws(StoreError) -> String {
        let parts = relative.split(separator: "/").map(String.init)
        guard Self.isInsidePatientFolder(relative), let patient = RecordID(parts[1]), let name = parts.last,
              !name.hasPrefix("."), name != Self.damagedFolderName
        else { throw .nothingToMoveAside(file: relative) }
        guard lock.isHeld, lock.file == patientFolder(patient) + "/.lock" else { throw .patientLocked(pid: nil) }
        guard try currentIssues(of: patient).contains(where: { $0.file == relative && $0.canBeMovedAside }) else {
            throw .nothingToMoveAside(file: relative)
        }
        let parent = parts.dropLast().joined(separator: "/")
        let damaged = parent + "/" + Self.damagedFolderName
        try makeFolder(relative: damaged)
        try requireFolder(relative: damaged)
        var target = damaged + "/" + name
        var copy = 1
        while (try? files.system.lstat(path(target))) != nil {
            target = damaged + "/" + name + ".\(copy)"
            copy += 1
        }
        do {
            try files.system.rename(path(relative), path(target))
        } catch {
            throw .systemCall(operation: "moving aside", file: relative, errno: error.code)
        }
        unreadable.remove(relative)
        fingerprints[relative] = nil
        do {
            try files.syncFolder(path(damaged))
            try files.syncFolder(path(parent))
        } catch {
            throw .notConfirmedOnDisk(file: target, errno: error.code)
        }
        return target
    }

    /// What reading the patient's files reports now, the patient record included.
    private func currentIssues(of patient: RecordID) throws(StoreError) -> [RecordIssue] {
        var issues: [RecordIssue] = []
        do {
            _ = try loadPatient(patient)
        } catch {
            if case .notAFolder(patientFolder(patient)) = error { throw error }
            issues.append(RecordIssue(error))
        }
        issues += try readSessions(of: patient).issues
        issues += try readReviews(of: patient).issues
        return issues
    }
}
