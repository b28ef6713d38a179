import Glibc

/// Whole-file reads and durable, atomic replacement of one file, built on `FileSystemCalls`.
final class FileAccess {
    /// Names starting with this are our unfinished saves; anything with it may be deleted at startup.
    static let temporaryPrefix = ".facechart-tmp-"

    let system: any FileSystemCalls

    init(system: any FileSystemCalls) {
        self.system = system
    }

    /// Why a file's bytes could not be read.
    enum ReadFailure: Error, Equatable {
        /// A system call failed.
        case system(Errno)
        /// Not a regular file (a link, folder, FIFO, socket or device): never read.
        case notAFile(FileStatus.Kind)
        /// Larger than any record FaceChart writes.
        case tooLarge(Int)
    }

    /// The largest file read whole; a 100,000-point session is about 30 MB.
    static let maximumFileSize = 256 * 1024 * 1024

    /// The file's bytes, or `nil` when it does not exist. Only a regular file is read: the name is
    /// opened without following a link and without blocking (a FIFO would otherwise wait for a
    /// writer forever), and the descriptor's type is checked before the first read.
    func read(_ path: String) throws(ReadFailure) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try retryingOnInterrupt { () throws(Errno) in
                try system.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0)
            }
        } catch {
            switch error.code {
            case ENOENT: return nil
            case ELOOP: throw .notAFile(.symlink)
            case ENXIO: throw .notAFile(.socket)  // a socket (or a FIFO-like node without a reader)
            default: throw .system(error)
            }
        }
        // A close error after reading changes nothing we read.
        defer { try? system.close(fd) }
        let status: FileStatus
        do {
            status = try system.fstat(fd)
        } catch {
            throw .system(error)
        }
        guard status.kind == .file else { throw .notAFile(status.kind) }
        guard status.size <= Self.maximumFileSize else { throw .tooLarge(status.size) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(status.size)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let result = chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(Errno) in
                    try retryingOnInterrupt { () throws(Errno) in try system.read(fd, buffer) }
                }
            }
            let count: Int
            do {
                count = try result.get()
            } catch {
                throw .system(error)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > Self.maximumFileSize { throw .tooLarge(bytes.count) }
        }
    }

    /// Replaces `folder/name` with `bytes` so that after a crash the file is either the old or the new
    /// version: temp file, write, fsync, close, `approve`, rename, fsync the folder.
    ///
    /// `approve` sees the file's current bytes (`nil` if absent) just before the rename and throws to
    /// cancel. On any failure before the rename the temp file is removed and the old file is untouched.
    func replace(
        folder: String, name: String, relative: String, with bytes: [UInt8],
        approve: ([UInt8]?) throws(StoreError) -> Void
    ) throws(StoreError) {
        let target = folder + "/" + name
        let temporary = folder + "/" + Self.temporaryPrefix + name + "-" + Self.randomSuffix()
        func fail(_ operation: String, _ error: Errno) -> StoreError {
            .systemCall(operation: operation, file: relative, errno: error.code)
        }
        let fd: Int32
        do {
            fd = try retryingOnInterrupt { () throws(Errno) in
                try system.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            }
        } catch {
            throw fail("creating a temporary file", error)
        }
        do {
            try writeAll(fd, bytes)
        } catch {
            try? system.close(fd)
            removeTemporary(temporary)
            throw fail("writing", error)
        }
        do {
            // Never retried on this descriptor: after a failed fsync the kernel may have dropped the
            // dirty pages, and a second fsync would report success for data that is gone.
            try system.fsync(fd)
        } catch {
            try? system.close(fd)
            removeTemporary(temporary)
            throw fail("syncing to disk", error)
        }
        do {
            try system.close(fd)
        } catch {
            removeTemporary(temporary)
            throw fail("closing", error)
        }
        do throws(StoreError) {
            let current: [UInt8]?
            do {
                current = try read(target)
            } catch {
                if case .system(let cause) = error { throw fail("reading the current version", cause) }
                throw .refusingToOverwriteUnreadable(file: relative)
            }
            try approve(current)
        } catch {
            removeTemporary(temporary)
            throw error
        }
        do {
            try system.rename(temporary, target)
        } catch {
            removeTemporary(temporary)
            throw fail("renaming", error)
        }
        do {
            try syncFolder(folder)
        } catch {
            throw .notConfirmedOnDisk(file: relative, errno: error.code)
        }
    }

    /// Makes the folder's entries (new names, renames) durable. EINVAL means the file system cannot
    /// sync folders, as SQLite also accepts.
    func syncFolder(_ folder: String) throws(Errno) {
        let fd = try retryingOnInterrupt { () throws(Errno) in
            try system.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        }
        defer { try? system.close(fd) }
        do {
            try system.fsync(fd)
        } catch {
            if error.code != EINVAL { throw error }
        }
    }

    /// Writes every byte, continuing after short writes and interrupted calls.
    func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Errno) {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(Errno) in
                var offset = 0
                while offset < buffer.count {
                    let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
                    let written = try retryingOnInterrupt { () throws(Errno) in try system.write(fd, rest) }
                    if written <= 0 { throw Errno(code: EIO) }
                    offset += written
                }
            }
        }
        try result.get()
    }

    private func removeTemporary(_ path: String) {
        try? system.unlink(path)
    }

    private func retryingOnInterrupt<T>(_ call: () throws(Errno) -> T) throws(Errno) -> T {
        while true {
            do {
                return try call()
            } catch {
                if error.code != EINTR { throw error }
            }
        }
    }

    static func randomSuffix() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<10).map { _ in alphabet.randomElement()! })
    }
}
