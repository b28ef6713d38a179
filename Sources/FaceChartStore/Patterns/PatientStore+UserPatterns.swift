import FaceChartCore
import Glibc

extension PatientStore {
    /// The folder of the user's own treatment patterns, `patterns/<key>.json`.
    static let patternsFolder = "patterns"

    /// The user's saved patterns, by key; throws on the first file that cannot be read.
    public func userPatterns() throws(StoreError) -> [TreatmentPattern] {
        let result = try readUserPatterns()
        if let problem = result.problems.first { throw problem }
        return result.patterns
    }

    /// The user's readable patterns, by key, and a problem for each file that is not.
    public func readUserPatterns() throws(StoreError) -> (patterns: [TreatmentPattern], problems: [StoreError]) {
        let folder = Self.patternsFolder
        let entries: [DirectoryEntry]
        do {
            entries = try files.system.listDirectory(path(folder))
        } catch {
            if error.code == ENOENT { return ([], []) }
            if error.code == ENOTDIR { throw .notAFolder(file: folder) }
            throw .systemCall(operation: "listing", file: folder, errno: error.code)
        }
        try requireFolder(relative: folder)
        var patterns: [TreatmentPattern] = []
        var problems: [StoreError] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            guard entry.name.hasSuffix(".json"), let key = RecordID(String(entry.name.dropLast(5))) else { continue }
            do {
                patterns.append(try loadRecord(StoredPattern.self, at: folder + "/" + entry.name) {
                    $0.pattern.key == key.rawValue
                }.pattern)
            } catch {
                problems.append(error)
            }
        }
        return (patterns, problems)
    }

    /// Saves the pattern durably as `patterns/<key>.json` (mode 0600, folder 0700). Replacing a saved
    /// pattern requires having read it with this store first; otherwise the key is taken.
    public func saveUserPattern(_ pattern: TreatmentPattern) throws(StoreError) {
        let record = StoredPattern(pattern)
        if let problem = record.problem { throw .invalidRecord(problem) }
        let folder = Self.patternsFolder
        let name = pattern.key + ".json"
        if (try? files.system.lstat(path(folder))) == nil {
            try makeFolder(relative: folder)
            try? files.syncFolder(root)
        }
        try requireFolder(relative: folder)
        let relative = folder + "/" + name
        if fingerprints[relative] == nil, (try? files.system.lstat(path(relative))) != nil {
            throw .alreadyExists(file: relative)
        }
        try saveRecord(record, folder: folder, name: name)
    }

    /// Deletes temp files left in the patterns folder by interrupted saves (never through a link).
    func removeStalePatternTemporaries() {
        let folder = path(Self.patternsFolder)
        guard (try? files.system.lstat(folder))?.kind == .directory else { return }
        files.removeStaleTemporaries(in: folder)
    }
}
