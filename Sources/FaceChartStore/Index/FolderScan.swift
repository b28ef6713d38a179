import FaceChartCore
import Glibc

/// What the names and file status in one patient's folder say, without reading any file: the record
/// files the index derives from and a stamp of their status.
///
/// The stamp is a 64-bit digest of the name, type, inode, size, modification and change time (to the
/// nanosecond) of the patient folder, `patient.json`, `sessions/`, `reviews/` and every session and
/// review file. Any save (a rename, by FaceChart or another program), a new or removed file and an
/// edit in place change it. Edits less than `settleSeconds` old are "racy": a second edit within the
/// file system's timestamp granularity could leave the stamp as it was, so such folders are read again
/// at the next check (git's "racily clean" rule).
struct FolderScan: Equatable, Sendable {
    /// Session file names, sorted (so in start order), with those named for an impossible date.
    var sessionFiles: [String]
    /// Review file names, sorted.
    var reviewFiles: [String]
    /// Whether temp files of interrupted saves lie in `sessions/` or `reviews/` (the folder itself is
    /// looked at only when it is read).
    var hasTemporaries: Bool
    /// Whether `patient.json` exists.
    var hasPatientFile: Bool
    /// Whether the patient's entry is a real folder (a link or a file is never followed).
    var isFolder: Bool
    /// `sessions` or `reviews` when they exist but are not real folders.
    var notFolders: [String]
    var stamp: UInt64
    var isRacy: Bool

    /// Edits younger than this may hide a second edit with the same status.
    static let settleNanoseconds: Int64 = 2_000_000_000

    /// Scans `patients/<id>` under `root`; `nil` when nothing has that name. Edits younger than
    /// `settle` nanoseconds make the scan racy.
    static func scan(
        root: String, id: RecordID, system: any FileSystemCalls, settle: Int64 = settleNanoseconds
    ) -> FolderScan? {
        let folder = root + "/patients/" + id.rawValue
        var digest = StampDigest()
        let now = Self.nowNanoseconds()
        guard let top = Self.status(folder) else { return nil }
        digest.add(".", top)
        guard top.isDirectory else {
            return FolderScan(
                sessionFiles: [], reviewFiles: [], hasTemporaries: false, hasPatientFile: false, isFolder: false,
                notFolders: [], stamp: digest.value, isRacy: top.newest >= now - settle)
        }
        var newest = top.newest
        func note(_ name: String, _ path: String) -> FileTimes? {
            guard let status = Self.status(path) else {
                digest.add(name, nil)
                return nil
            }
            digest.add(name, status)
            newest = max(newest, status.newest)
            return status
        }
        let patientFile = note("patient.json", folder + "/patient.json")
        var temporaries = false
        var notFolders: [String] = []
        func records(_ sub: String, accept: (String) -> Bool) -> [String] {
            let path = folder + "/" + sub
            guard let status = note(sub, path) else { return [] }
            guard status.isDirectory else {
                notFolders.append(sub)
                return []
            }
            let entries = (try? system.listDirectory(path)) ?? []
            var names: [String] = []
            for entry in entries {
                if entry.name.hasPrefix(FileAccess.temporaryPrefix) { temporaries = true }
                if accept(entry.name) { names.append(entry.name) }
            }
            names.sort()
            for name in names { _ = note(sub + "/" + name, path + "/" + name) }
            return names
        }
        let sessions = records("sessions") { PatientStore.classifySessionName($0) != .other }
        let reviews = records("reviews") { Self.reviewSession(fromFileName: $0) != nil }
        return FolderScan(
            sessionFiles: sessions, reviewFiles: reviews, hasTemporaries: temporaries,
            hasPatientFile: patientFile != nil, isFolder: true, notFolders: notFolders, stamp: digest.value,
            isRacy: newest >= now - settle)
    }

    /// The session id in a review file name, `<session-id>.json`.
    static func reviewSession(fromFileName name: String) -> RecordID? {
        guard name.hasSuffix(".json") else { return nil }
        return RecordID(String(name.dropLast(5)))
    }

    /// A stamp of the `patients` folder itself: it changes when a patient folder is added or removed.
    static func folderStamp(_ path: String) -> UInt64? {
        guard let status = status(path) else { return nil }
        var digest = StampDigest()
        digest.add(".", status)
        return digest.value
    }

    struct FileTimes {
        var isDirectory: Bool
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var changed: Int64

        var newest: Int64 { max(modified, changed) }
    }

    /// `lstat` of `path`: links are described, never followed.
    static func status(_ path: String) -> FileTimes? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileTimes(
            isDirectory: info.st_mode & S_IFMT == S_IFDIR, inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    static func nowNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// FNV-1a over names and status fields: a change detector, not a security check.
private struct StampDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ name: String, _ status: FolderScan.FileTimes?) {
        for byte in name.utf8 { mix(byte) }
        mix(0)
        guard let status else {
            mix(0xff)
            return
        }
        mix(status.isDirectory ? 1 : 2)
        for number in [status.inode, UInt64(bitPattern: status.size), UInt64(bitPattern: status.modified),
                       UInt64(bitPattern: status.changed)] {
            var rest = number
            for _ in 0..<8 {
                mix(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            }
        }
    }

    private mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
}
