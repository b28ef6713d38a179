import FaceChartCore

extension PatientStore {
    /// A store for generating large test and benchmark data folders in the real format: saves skip
    /// fsync and do not keep the index (the next check builds it). Never use it for patients' records:
    /// a crash may lose any file it wrote.
    public static func forGeneratingData(root: String) throws(StoreError) -> PatientStore {
        let store = try PatientStore(root: root, system: UnsyncedFileCalls())
        store.detachIndex()
        return store
    }

    /// Stops keeping the index up to date on saves (to measure what the index adds to a save); the
    /// next check reads the folders saved since.
    public func detachIndex() {
        indexLink.connection = .failed(SQLiteError(code: 0, message: "the index is not kept by this store"))
    }
}

/// The real system calls, except that fsync returns at once.
private final class UnsyncedFileCalls: FileSystemCalls {
    private let system = SystemFileCalls()

    func open(_ path: String, _ flags: Int32, _ mode: UInt32) throws(Errno) -> Int32 { try system.open(path, flags, mode) }
    func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) throws(Errno) -> Int { try system.read(fd, buffer) }
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(Errno) -> Int { try system.write(fd, buffer) }
    func fsync(_ fd: Int32) throws(Errno) {}
    func close(_ fd: Int32) throws(Errno) { try system.close(fd) }
    func ftruncate(_ fd: Int32, _ length: Int) throws(Errno) { try system.ftruncate(fd, length) }
    func flock(_ fd: Int32, _ operation: Int32) throws(Errno) { try system.flock(fd, operation) }
    func rename(_ from: String, _ to: String) throws(Errno) { try system.rename(from, to) }
    func unlink(_ path: String) throws(Errno) { try system.unlink(path) }
    func mkdir(_ path: String, _ mode: UInt32) throws(Errno) { try system.mkdir(path, mode) }
    func rmdir(_ path: String) throws(Errno) { try system.rmdir(path) }
    func lstat(_ path: String) throws(Errno) -> FileStatus { try system.lstat(path) }
    func fstat(_ fd: Int32) throws(Errno) -> FileStatus { try system.fstat(fd) }
    func access(_ path: String, _ mode: Int32) throws(Errno) { try system.access(path, mode) }
    func listDirectory(_ path: String) throws(Errno) -> [DirectoryEntry] { try system.listDirectory(path) }
}
