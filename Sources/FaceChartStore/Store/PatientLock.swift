import Glibc

/// Exclusive hold on one patient (flock on `patients/<id>/.lock`); released by `unlock()` or deinit.
public final class PatientLock {
    private let system: any FileSystemCalls
    private var fd: Int32?
    /// The lock file, relative to the data folder.
    let file: String

    init(system: any FileSystemCalls, fd: Int32, file: String) {
        self.system = system
        self.fd = fd
        self.file = file
    }

    deinit { unlock() }

    /// Whether this object still holds the lock.
    public var isHeld: Bool { fd != nil }

    /// Releases the lock; later calls do nothing.
    public func unlock() {
        guard let fd else { return }
        self.fd = nil
        try? system.flock(fd, LOCK_UN)
        try? system.close(fd)
    }

    /// Takes the lock on `path`, without waiting unless `waiting`, writing this process's id into the file.
    static func acquire(
        path: String, relative: String, system: any FileSystemCalls, waiting: Bool = false
    ) throws(StoreError) -> PatientLock {
        let fd: Int32
        do {
            fd = try system.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        } catch {
            throw .systemCall(operation: "opening the lock file", file: relative, errno: error.code)
        }
        do {
            try system.flock(fd, waiting ? LOCK_EX : LOCK_EX | LOCK_NB)
        } catch {
            let holder = error.code == EWOULDBLOCK ? readPID(fd, system: system) : nil
            try? system.close(fd)
            if error.code == EWOULDBLOCK { throw .patientLocked(pid: holder) }
            throw .systemCall(operation: "locking", file: relative, errno: error.code)
        }
        let lock = PatientLock(system: system, fd: fd, file: relative)
        // The pid is only a hint for the message; the flock is what excludes.
        let text = Array("\(getpid())\n".utf8)
        if (try? system.ftruncate(fd, 0)) != nil {
            _ = try? FileAccess(system: system).writeAll(fd, text)
        }
        return lock
    }

    private static func readPID(_ fd: Int32, system: any FileSystemCalls) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        guard let count = try? buffer.withUnsafeMutableBytes({ pointer throws(Errno) in try system.read(fd, pointer) }),
              count > 0
        else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingWhitespace
        guard let pid = Int32(text), pid > 0 else { return nil }
        return pid
    }
}

private extension String {
    var trimmingWhitespace: String {
        String(self.drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
