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
        let entries = try listFolder(folder)
        var patterns: [TreatmentPattern] = []
        var problems: [StoreError] = []
        for entry in entries.sorted(by: { $0.name < $1.name }) where !isSkipped(entry, in: folder) {
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
        try makeFolder(relative: folder)
        try requireFolder(relative: folder)
        // Two windows may save patterns at once; the start-up sweep takes this lock too.
        let lock = try PatientLock.acquire(path: path(folder + "/.lock"), relative: folder + "/.lock", system: files.system, waiting: true)
        defer { lock.unlock() }
        let relative = folder + "/" + name
        if fingerprints[relative] == nil, (try? files.system.lstat(path(relative))) != nil {
            throw .alreadyExists(file: relative)
        }
        try saveRecord(record, folder: folder, name: name)
    }
}
