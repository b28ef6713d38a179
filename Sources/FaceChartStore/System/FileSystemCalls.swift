import Glibc

/// An `errno` value from a failed system call.
struct Errno: Error, Equatable, Sendable {
    let code: Int32

    /// The C library's wording, such as "No space left on device".
    var text: String { String(cString: strerror(code)) }
}

/// What `lstat`/`fstat` report that the store needs.
struct FileStatus: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case file, directory, symlink, fifo, socket, device, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .file
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symlink
            case S_IFIFO: self = .fifo
            case S_IFSOCK: self = .socket
            case S_IFCHR, S_IFBLK: self = .device
            default: self = .other
            }
        }
    }

    var kind: Kind
    var size: Int
    var mode: UInt32
    /// Last modification, in whole seconds since 1970.
    var modified: Int = 0

    init(kind: Kind, size: Int, mode: UInt32, modified: Int = 0) {
        self.kind = kind
        self.size = size
        self.mode = mode
        self.modified = modified
    }

    init(_ info: stat) {
        self.init(kind: Kind(mode: info.st_mode), size: Int(info.st_size), mode: UInt32(info.st_mode & 0o7777),
                  modified: Int(info.st_mtim.tv_sec))
    }
}

/// One name in a folder, with its type when the file system tells it without an extra `lstat`.
struct DirectoryEntry: Equatable, Sendable {
    var name: String
    var kind: FileStatus.Kind?
}

/// The system calls the store makes, so tests can fail any one of them with a chosen `errno`.
///
/// Every method is one call (or, for `listDirectory`, one folder read); none retries on its own.
protocol FileSystemCalls: AnyObject {
    func open(_ path: String, _ flags: Int32, _ mode: UInt32) throws(Errno) -> Int32
    func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(Errno) -> Int
    func fsync(_ fd: Int32) throws(Errno)
    func close(_ fd: Int32) throws(Errno)
    func ftruncate(_ fd: Int32, _ length: Int) throws(Errno)
    func flock(_ fd: Int32, _ operation: Int32) throws(Errno)
    func rename(_ from: String, _ to: String) throws(Errno)
    func unlink(_ path: String) throws(Errno)
    func mkdir(_ path: String, _ mode: UInt32) throws(Errno)
    func rmdir(_ path: String) throws(Errno)
    func lstat(_ path: String) throws(Errno) -> FileStatus
    func fstat(_ fd: Int32) throws(Errno) -> FileStatus
    /// Whether the calling process may access `path` as `mode` (`W_OK`...).
    func access(_ path: String, _ mode: Int32) throws(Errno)
    /// The names in the folder at `path`, never through a symbolic link (`ELOOP`) or a non-folder (`ENOTDIR`).
    func listDirectory(_ path: String) throws(Errno) -> [DirectoryEntry]
}

/// The real calls, straight to the C library.
final class SystemFileCalls: FileSystemCalls {
    init() {}

    func open(_ path: String, _ flags: Int32, _ mode: UInt32) throws(Errno) -> Int32 {
        let fd = Glibc.open(path, flags, mode_t(mode))
        if fd < 0 { throw Errno(code: errno) }
        return fd
    }

    func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
        if count < 0 { throw Errno(code: errno) }
        return count
    }

    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(Errno) -> Int {
        let count = Glibc.write(fd, buffer.baseAddress, buffer.count)
        if count < 0 { throw Errno(code: errno) }
        return count
    }

    func fsync(_ fd: Int32) throws(Errno) {
        if Glibc.fsync(fd) != 0 { throw Errno(code: errno) }
    }

    func close(_ fd: Int32) throws(Errno) {
        if Glibc.close(fd) != 0 { throw Errno(code: errno) }
    }

    func ftruncate(_ fd: Int32, _ length: Int) throws(Errno) {
        if Glibc.ftruncate(fd, off_t(length)) != 0 { throw Errno(code: errno) }
    }

    func flock(_ fd: Int32, _ operation: Int32) throws(Errno) {
        // Plain `flock` names the C struct; the argument labels pick the function.
        let call: (Int32, Int32) -> Int32 = Glibc.flock(_:_:)
        if call(fd, operation) != 0 { throw Errno(code: errno) }
    }

    func rename(_ from: String, _ to: String) throws(Errno) {
        if Glibc.rename(from, to) != 0 { throw Errno(code: errno) }
    }

    func unlink(_ path: String) throws(Errno) {
        if Glibc.unlink(path) != 0 { throw Errno(code: errno) }
    }

    func mkdir(_ path: String, _ mode: UInt32) throws(Errno) {
        if Glibc.mkdir(path, mode_t(mode)) != 0 { throw Errno(code: errno) }
    }

    func rmdir(_ path: String) throws(Errno) {
        if Glibc.rmdir(path) != 0 { throw Errno(code: errno) }
    }

    func lstat(_ path: String) throws(Errno) -> FileStatus {
        var info = stat()
        if Glibc.lstat(path, &info) != 0 { throw Errno(code: errno) }
        return FileStatus(info)
    }

    func fstat(_ fd: Int32) throws(Errno) -> FileStatus {
        var info = stat()
        if Glibc.fstat(fd, &info) != 0 { throw Errno(code: errno) }
        return FileStatus(info)
    }

    func access(_ path: String, _ mode: Int32) throws(Errno) {
        if Glibc.access(path, mode) != 0 { throw Errno(code: errno) }
    }

    func listDirectory(_ path: String) throws(Errno) -> [DirectoryEntry] {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 { throw Errno(code: errno) }
        guard let directory = fdopendir(fd) else {
            let code = errno
            Glibc.close(fd)
            throw Errno(code: code)
        }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: FileStatus.Kind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_FIFO): kind = .fifo
            case Int32(DT_SOCK): kind = .socket
            case Int32(DT_CHR), Int32(DT_BLK): kind = .device
            case Int32(DT_UNKNOWN): kind = nil
            default: kind = .other
            }
            entries.append(DirectoryEntry(name: name, kind: kind))
        }
        return entries
    }
}
