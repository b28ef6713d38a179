import FaceChartCore
import Foundation
import Glibc

/// The derived index of a data folder (`.index/practice.sqlite`): one row per patient with what the
/// patient list shows, and one row per session and batch for lot recall, each patient stamped with the
/// status of the files it came from (`FolderScan`).
///
/// The JSON files stay the only source of truth. The index is checked against the folders before it
/// answers (`refresh`), rebuilt when it is missing, damaged or of another version, and updated after
/// every save; deleting it loses nothing. One connection, used from one thread at a time.
public final class PracticeIndex {
    /// The folder beside `patients/` that holds the index; never part of a practice's shared history.
    public static let folderName = ".index"
    static let fileName = "practice.sqlite"
    /// Bumped whenever the tables change: an index of another version is rebuilt.
    static let version: Int64 = 6

    let store: PatientStore
    private(set) var database: SQLiteDatabase
    let path: String
    /// How old an edit must be before a folder's stamp is trusted (`FolderScan`); tests shorten it.
    var settleNanoseconds = FolderScan.settleNanoseconds

    /// Whether the index lives in memory only, because the data folder cannot hold its file (it is
    /// read-only, say): it is then built from the folders by the first refresh of each run.
    public let isInMemory: Bool

    /// Opens the index of `store`'s data folder, creating or rebuilding its tables when they are
    /// missing, damaged or of another version (the rows then come from the next `refresh`).
    init(store: PatientStore) throws(SQLiteError) {
        self.store = store
        let folder = store.path(Self.folderName)
        path = folder + "/" + Self.fileName
        do {
            if Glibc.mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw SQLiteError(code: 14, message: "the index folder cannot be created")
            }
            // An index this process cannot write (a read-only disk, another user's folder) would fail at
            // its first update: it is kept in memory instead.
            if !Self.isWritable(folder: folder, file: path) {
                throw SQLiteError(code: 8, message: "the index cannot be written")
            }
            do {
                database = try Self.open(path)
            } catch where error.isDamage {
                Self.removeFiles(path)
                database = try Self.open(path)
            }
            isInMemory = false
        } catch {
            database = try Self.open(":memory:")
            isInMemory = true
        }
    }

    /// Whether this process may write the index file in `folder` (or create it there).
    private static func isWritable(folder: String, file: String) -> Bool {
        guard Glibc.access(folder, W_OK) == 0 else { return false }
        if Glibc.access(file, F_OK) != 0 { return true }
        return Glibc.access(file, W_OK) == 0
    }

    /// The index's path relative to the data folder, for messages and `.gitignore`.
    public static var relativePath: String { folderName + "/" + fileName }

    private static func open(_ path: String) throws(SQLiteError) -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode=WAL")
        try database.execute("PRAGMA journal_size_limit=4194304")
        // A commit reaches the disk before the save that caused it returns, like the records.
        try database.execute("PRAGMA synchronous=FULL")
        try database.execute("PRAGMA foreign_keys=OFF")
        if try database.integer("PRAGMA user_version") != version {
            try database.transaction { () throws(SQLiteError) in
                for table in ["patients", "words", "sessions", "lots", "reviews", "problems", "meta"] {
                    try database.execute("DROP TABLE IF EXISTS \(table)")
                }
                try database.execute(schema)
                try database.execute("PRAGMA user_version=\(version)")
            }
        }
        return database
    }

    /// Deletes the index files (the database and its write-ahead log).
    static func removeFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    /// Throws away the damaged index and starts an empty one; the next refresh fills it.
    func reset() throws(SQLiteError) {
        database = try Self.open(":memory:")
        if !isInMemory {
            Self.removeFiles(path)
            database = try Self.open(path)
        }
    }

    /// Runs `body`; when SQLite reports damage, starts a fresh index and runs it once more.
    func recovering<T>(_ body: () throws(SQLiteError) -> T) throws(SQLiteError) -> T {
        do {
            return try body()
        } catch where error.isDamage {
            try reset()
            return try body()
        }
    }

    private static let schema = """
        CREATE TABLE patients(
            id TEXT PRIMARY KEY NOT NULL, name TEXT, folded TEXT NOT NULL, birth INTEGER,
            session_count INTEGER NOT NULL, last_visit INTEGER, treated_ms INTEGER, treated_offset INTEGER,
            treated_kind TEXT, treated_key TEXT, treated_concern TEXT, treated_product TEXT, treated_ingredient TEXT,
            reviewed INTEGER NOT NULL, last_total INTEGER, problem_count INTEGER NOT NULL,
            stamp INTEGER NOT NULL, racy INTEGER NOT NULL);
        CREATE INDEX patients_by_visit ON patients(last_visit DESC, folded, id);
        CREATE INDEX patients_by_name ON patients(folded, id);
        CREATE INDEX patients_unreadable ON patients(id) WHERE name IS NULL;
        CREATE TABLE words(word TEXT NOT NULL, patient TEXT NOT NULL, PRIMARY KEY(word, patient)) WITHOUT ROWID;
        CREATE INDEX words_of_patient ON words(patient, word);
        CREATE TABLE sessions(
            patient TEXT NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL, started_ms INTEGER NOT NULL,
            started_offset INTEGER, voided INTEGER NOT NULL, treatment INTEGER NOT NULL, total INTEGER NOT NULL,
            kind TEXT NOT NULL, key TEXT NOT NULL, concern TEXT NOT NULL, product TEXT NOT NULL,
            ingredient TEXT NOT NULL, PRIMARY KEY(patient, id)) WITHOUT ROWID;
        CREATE TABLE lots(
            lot_key TEXT NOT NULL, lot TEXT NOT NULL, product TEXT NOT NULL, patient TEXT NOT NULL,
            session TEXT NOT NULL, position INTEGER NOT NULL, vial TEXT NOT NULL, expiry INTEGER,
            units INTEGER NOT NULL, started_ms INTEGER NOT NULL, file TEXT NOT NULL);
        CREATE INDEX lots_by_key ON lots(lot_key);
        CREATE INDEX lots_of_patient ON lots(patient, session);
        CREATE TABLE reviews(
            patient TEXT NOT NULL, session TEXT NOT NULL, done INTEGER NOT NULL, PRIMARY KEY(patient, session))
            WITHOUT ROWID;
        CREATE TABLE problems(patient TEXT NOT NULL, file TEXT NOT NULL, message TEXT NOT NULL, left_out INTEGER NOT NULL);
        CREATE INDEX problems_of_patient ON problems(patient);
        CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value INTEGER) WITHOUT ROWID;
        INSERT INTO meta(key, value) VALUES ('readable-patients', 0);
        CREATE TRIGGER readable_added AFTER INSERT ON patients WHEN NEW.name IS NOT NULL BEGIN
            UPDATE meta SET value = value + 1 WHERE key = 'readable-patients'; END;
        CREATE TRIGGER readable_removed AFTER DELETE ON patients WHEN OLD.name IS NOT NULL BEGIN
            UPDATE meta SET value = value - 1 WHERE key = 'readable-patients'; END;
        CREATE TRIGGER readable_changed AFTER UPDATE OF name ON patients WHEN (OLD.name IS NULL) != (NEW.name IS NULL) BEGIN
            UPDATE meta SET value = value + (CASE WHEN NEW.name IS NULL THEN -1 ELSE 1 END) WHERE key = 'readable-patients';
        END;
        """

    // MARK: Writing facts

    /// Replaces everything the index holds about `facts.id` (call inside a transaction).
    func write(_ facts: PatientFacts) throws(SQLiteError) {
        let id = SQLiteValue.text(facts.id.rawValue)
        try delete(facts.id, keepingPatientRow: true)
        for session in facts.sessions {
            try insert(session, patient: facts.id)
        }
        for session in facts.reviews {
            try database.statement("INSERT INTO reviews(patient, session, done) VALUES (?1, ?2, ?3)")
                .bind(id, .text(session.rawValue), .bool(facts.reviewed.contains(session))).run()
        }
        for problem in facts.problems {
            try database.statement("INSERT INTO problems(patient, file, message, left_out) VALUES (?1, ?2, ?3, ?4)")
                .bind(id, .text(problem.file), .text(problem.message), .bool(problem.isLeftOut)).run()
        }
        try writePatientRow(facts, words: true)
    }

    /// Writes the patient row (and, with `words`, the filter words) from `facts`' aggregates.
    func writePatientRow(_ facts: PatientFacts, words: Bool) throws(SQLiteError) {
        let id = SQLiteValue.text(facts.id.rawValue)
        // Unreadable records sort after every name.
        let folded = facts.name.map(Patient.comparableName) ?? Self.highest
        let treated = facts.lastTreatment
        try database.statement("""
            INSERT INTO patients(id, name, folded, birth, session_count, last_visit, treated_ms,
                treated_offset, treated_kind, treated_key, treated_concern, reviewed, last_total, problem_count, stamp, racy,
                treated_product, treated_ingredient)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, folded = excluded.folded, birth = excluded.birth,
                session_count = excluded.session_count, last_visit = excluded.last_visit,
                treated_ms = excluded.treated_ms, treated_offset = excluded.treated_offset,
                treated_kind = excluded.treated_kind, treated_key = excluded.treated_key,
                treated_concern = excluded.treated_concern, treated_product = excluded.treated_product,
                treated_ingredient = excluded.treated_ingredient, reviewed = excluded.reviewed,
                last_total = excluded.last_total, problem_count = excluded.problem_count, stamp = excluded.stamp,
                racy = excluded.racy
            """).bind(
                id, facts.name.map(SQLiteValue.text), .text(folded),
                facts.dateOfBirth.map { .int($0.daysSinceEpoch) }, .int(facts.sessions.count),
                facts.lastVisit.map { .integer($0.milliseconds) }, treated.map { .integer($0.startedAt.milliseconds) },
                treated?.startedAt.utcOffsetSeconds.map(SQLiteValue.int), treated.map { .text($0.indication.kind.rawValue) },
                treated.map { .text($0.indication.key) }, treated.map { .text($0.indication.concern) },
                .bool(treated.map { facts.reviewed.contains($0.id) } ?? false),
                treated.map { .int($0.total.hundredths) }, .int(facts.problems.count),
                .integer(Int64(bitPattern: facts.scan.stamp)), .bool(facts.scan.isRacy),
                treated.map { .text($0.product) }, treated.map { .text($0.ingredient) }
            ).run()
        guard words else { return }
        try database.statement("DELETE FROM words WHERE patient = ?1").bind(id).run()
        for word in Set(facts.name.map { Self.words(Patient.comparableName($0)) } ?? []) {
            try database.statement("INSERT OR IGNORE INTO words(word, patient) VALUES (?1, ?2)").bind(.text(word), id).run()
        }
    }

    func insert(_ session: SessionFacts, patient: RecordID) throws(SQLiteError) {
        let id = SQLiteValue.text(patient.rawValue)
        try database.statement("""
            INSERT OR REPLACE INTO sessions(
                patient, id, file, started_ms, started_offset, voided, treatment, total, kind, key, concern, product,
                ingredient)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """).bind(
                id, .text(session.id.rawValue), .text(session.file), .integer(session.startedAt.milliseconds),
                session.startedAt.utcOffsetSeconds.map(SQLiteValue.int), .bool(session.isVoided),
                .bool(session.isTreatment), .int(session.total.hundredths), .text(session.indication.kind.rawValue),
                .text(session.indication.key), .text(session.indication.concern), .text(session.product),
                .text(session.ingredient)
            ).run()
        for (position, lot) in session.lots.enumerated() {
            try database.statement("""
                INSERT INTO lots(lot_key, lot, product, patient, session, position, vial, expiry, units, started_ms, file)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """).bind(
                    .text(LotUse.normalized(lot.lot)), .text(lot.lot), .text(lot.product), id, .text(session.id.rawValue),
                    .int(position), .text(lot.vial.rawValue), lot.expiry.map { .int($0.daysSinceEpoch) },
                    .int(lot.units.hundredths), .integer(session.startedAt.milliseconds), .text(session.file)
                ).run()
        }
    }

    /// Removes every row of `patient` (all but the patient row itself when `keepingPatientRow`).
    func delete(_ patient: RecordID, keepingPatientRow: Bool = false) throws(SQLiteError) {
        let id = SQLiteValue.text(patient.rawValue)
        for table in ["sessions", "lots", "reviews", "problems"] {
            try database.statement("DELETE FROM \(table) WHERE patient = ?1").bind(id).run()
        }
        if !keepingPatientRow {
            try database.statement("DELETE FROM words WHERE patient = ?1").bind(id).run()
            try database.statement("DELETE FROM patients WHERE id = ?1").bind(id).run()
        }
    }

    // MARK: Meta

    func meta(_ key: String) throws(SQLiteError) -> Int64? {
        try database.integer("SELECT value FROM meta WHERE key = ?1", .text(key))
    }

    func setMeta(_ key: String, _ value: Int64?) throws(SQLiteError) {
        try database.statement("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)")
            .bind(.text(key), value.map(SQLiteValue.integer)).run()
    }

    /// The words a folded name is found by: runs of letters and digits.
    static func words(_ folded: String) -> [String] {
        folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
