@testable import FaceChartStore
import Glibc

/// Real system calls, except that call number `failingCall` (counted from 1 after `arm`) fails with
/// `failure` instead of running, and writes can be cut short, as SQLite's I/O-error tests do.
final class FaultInjectingCalls: FileSystemCalls {
    private let real = SystemFileCalls()
    private var count = 0
    private var failingCall: Int?
    private var failure: Int32 = EIO
    /// When set, each write writes at most this many bytes.
    var maximumWrite: Int?
    /// Names of the calls made since `arm`, in order.
    private(set) var log: [String] = []
    /// The call that was failed, if the armed one was reached.
    private(set) var failed: String?

    /// Starts counting from zero; call `n` (1-based) will fail with `code`.
    func arm(failingCall n: Int?, with code: Int32 = EIO) {
        count = 0
        failingCall = n
        failure = code
        log = []
        failed = nil
    }

    private func step(_ name: String) throws(Errno) {
        count += 1
        log.append(name)
        if count == failingCall {
            failed = name
            throw Errno(code: failure)
        }
    }

    func open(_ path: String, _ flags: Int32, _ mode: UInt32) throws(Errno) -> Int32 {
        try step("open")
        return try real.open(path, flags, mode)
    }

    func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int {
        try step("read")
        return try real.read(fd, buffer)
    }

    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(Errno) -> Int {
        try step("write")
        let limit = min(buffer.count, maximumWrite ?? buffer.count)
        return try real.write(fd, UnsafeRawBufferPointer(rebasing: buffer[0..<limit]))
    }

    func fsync(_ fd: Int32) throws(Errno) {
        try step("fsync")
        try real.fsync(fd)
    }

    func close(_ fd: Int32) throws(Errno) {
        do {
            try step("close")
        } catch {
            // A failed close still releases the descriptor on Linux.
            try? real.close(fd)
            throw error
        }
        try real.close(fd)
    }

    func ftruncate(_ fd: Int32, _ length: Int) throws(Errno) {
        try step("ftruncate")
        try real.ftruncate(fd, length)
    }

    func flock(_ fd: Int32, _ operation: Int32) throws(Errno) {
        try step("flock")
        try real.flock(fd, operation)
    }

    func rename(_ from: String, _ to: String) throws(Errno) {
        try step("rename")
        try real.rename(from, to)
    }

    func unlink(_ path: String) throws(Errno) {
        try step("unlink")
        try real.unlink(path)
    }

    func mkdir(_ path: String, _ mode: UInt32) throws(Errno) {
        try step("mkdir")
        try real.mkdir(path, mode)
    }

    func rmdir(_ path: String) throws(Errno) {
        try step("rmdir")
        try real.rmdir(path)
    }

    func lstat(_ path: String) throws(Errno) -> FileStatus {
        try step("lstat")
        return try real.lstat(path)
    }

    func fstat(_ fd: Int32) throws(Errno) -> FileStatus {
        try step("fstat")
        return try real.fstat(fd)
    }

    func access(_ path: String, _ mode: Int32) throws(Errno) {
        try step("access")
        try real.access(path, mode)
    }

    func listDirectory(_ path: String) throws(Errno) -> [DirectoryEntry] {
        try step("listDirectory")
        return try real.listDirectory(path)
    }
}
