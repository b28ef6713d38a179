import FaceChartCore
import Foundation

/// One patient as the index lists them.
public struct IndexedPatient: Hashable, Sendable {
    public let id: RecordID
    /// `nil` when `patient.json` cannot be read.
    public let name: String?
    public let dateOfBirth: CalendarDate?
    /// Readable session files.
    public let sessionCount: Int
    /// The newest session that was not voided.
    public let lastVisit: Timestamp?
    /// The newest full treatment, its indication, the product and active ingredient of its first vial,
    /// and whether a review scored its outcome.
    public let lastTreatment: Timestamp?
    public let lastTreatmentIndication: Indication?
    public let lastTreatmentProduct: String?
    public let lastTreatmentIngredient: String?
    public let lastTreatmentReviewed: Bool
    /// Units given in the newest full treatment.
    public let lastTotal: Units?
    /// Files of the patient's that could not be read.
    public let problemCount: Int

    /// Whether the newest treatment's review is due on `today`, `window` being the days after the
    /// treatment its indication is reviewed in (as `Timeline.isReviewDue`).
    public func isReviewDue(today: CalendarDate, timeZone: TimeZone, window: ClosedRange<Int> = Timeline.reviewWindow) -> Bool {
        guard let lastTreatment, !lastTreatmentReviewed else { return false }
        return window.contains(lastTreatment.localDay(fallback: timeZone).days(until: today))
    }
}

/// The order patients are listed in.
public enum PatientOrder: Sendable {
    /// By name (case and accents ignored), unreadable records last.
    case name
    /// Most recent visit first; never seen, by name, last.
    case lastVisit
}

extension PracticeIndex {
    private static let columns = """
        p.id, p.name, p.birth, p.session_count, p.last_visit, p.treated_ms, p.treated_offset, p.reviewed,
        p.last_total, p.problem_count, p.treated_kind, p.treated_key, p.treated_concern, p.treated_product,
        p.treated_ingredient
        """

    /// How many patients match `filter` (every patient when it is blank).
    public func count(matching filter: String = "", readableOnly: Bool = false) throws(SQLiteError) -> Int {
        try recovering { () throws(SQLiteError) in
            let (source, values) = Self.matching(filter, readableOnly: readableOnly)
            // Every readable patient is counted as rows come and go (triggers keep the count in `meta`),
            // so the list's first frame does not count a whole practice.
            if readableOnly, values.isEmpty { return Int(try meta(Self.readableCountKey) ?? 0) }
            return Int(try database.integer("SELECT count(*) FROM \(source)", values) ?? 0)
        }
    }

    /// Patients matching `filter` in `order`, `limit` of them from `offset` (`readableOnly` leaves out
    /// records that cannot be read). A filter matches names in
    /// which every typed word starts a word of the name (case and accents ignored): `jo sm` finds
    /// John Smith. The work is proportional to the matches, never to the whole practice.
    public func patients(
        matching filter: String = "", order: PatientOrder, offset: Int = 0, limit: Int = Int.max, readableOnly: Bool = false
    ) throws(SQLiteError) -> [IndexedPatient] {
        var result: [IndexedPatient] = []
        try forEachPatient(matching: filter, order: order, offset: offset, limit: limit, readableOnly: readableOnly) {
            result.append($0)
        }
        return result
    }

    /// `patients(matching:order:offset:limit:)` one at a time, holding none of them.
    public func forEachPatient(
        matching filter: String = "", order: PatientOrder, offset: Int = 0, limit: Int = Int.max,
        readableOnly: Bool = false, _ body: (IndexedPatient) -> Void
    ) throws(SQLiteError) {
        try recovering { () throws(SQLiteError) in
            let (source, values) = Self.matching(filter, readableOnly: readableOnly)
            // Rows past the middle are counted from the far end, so no page skips more than half the list.
            let total = offset > 0 && limit < Int(Int32.max) ? try count(matching: filter, readableOnly: readableOnly) : 0
            let fromEnd = offset > total / 2 && offset < total
            let (descending, ascending) = switch order {
            case .name: ("p.folded DESC, p.id DESC", "p.folded, p.id")
            case .lastVisit: ("p.last_visit, p.folded DESC, p.id DESC", "p.last_visit DESC, p.folded, p.id")
            }
            let skip = fromEnd ? max(0, total - offset - limit) : offset
            let take = fromEnd ? min(limit, total - offset) : limit
            let sql = "SELECT \(Self.columns) FROM \(source) ORDER BY \(fromEnd ? descending : ascending) "
                + "LIMIT \(max(0, min(take, Int(Int32.max)))) OFFSET \(max(0, skip))"
            if fromEnd {
                var reversed: [IndexedPatient] = []
                try rows(sql, values) { reversed.append($0) }
                reversed.reversed().forEach(body)
                return
            }
            try rows(sql, values, body)
        }
    }

    static let readableCountKey = "readable-patients"

    /// The problems recorded for one patient's files.
    public func problems(of id: RecordID) throws(SQLiteError) -> [IndexedProblem] {
        try recovering { () throws(SQLiteError) in
            var problems: [IndexedProblem] = []
            try database.statement("SELECT file, message FROM problems WHERE patient = ?1 ORDER BY rowid").bind(.text(id.rawValue))
                .forEachRow { row in problems.append(IndexedProblem(file: row.text(0), message: row.text(1))) }
            return problems
        }
    }

    /// The patient with folder `id`, as indexed.
    public func patient(_ id: RecordID) throws(SQLiteError) -> IndexedPatient? {
        try recovering { () throws(SQLiteError) in
            try rows("SELECT \(Self.columns) FROM patients AS p WHERE p.id = ?1", [.text(id.rawValue)]).first
        }
    }

    /// Patients whose whole name is `text` (case, accents and spacing ignored), else those whose name
    /// starts with it.
    public func patients(named text: String) throws(SQLiteError) -> [IndexedPatient] {
        try recovering { () throws(SQLiteError) in
            let folded = Patient.comparableName(text)
            guard !folded.isEmpty else { return [] }
            let exact = try rows("SELECT \(Self.columns) FROM patients AS p WHERE p.folded = ?1", [.text(folded)])
            if !exact.isEmpty { return exact }
            return try rows(
                "SELECT \(Self.columns) FROM patients AS p WHERE p.folded >= ?1 AND p.folded < ?2 ORDER BY p.folded, p.id",
                [.text(folded), .text(folded + Self.highest)])
        }
    }

    /// The first problem of each patient whose `patient.json` cannot be read, by folder name.
    public func unreadablePatients() throws(SQLiteError) -> [IndexedProblem] {
        try recovering { () throws(SQLiteError) in
            var problems: [IndexedProblem] = []
            try database.statement("""
                SELECT (SELECT r.file FROM problems AS r WHERE r.patient = p.id ORDER BY r.rowid LIMIT 1),
                       (SELECT r.message FROM problems AS r WHERE r.patient = p.id ORDER BY r.rowid LIMIT 1)
                FROM patients AS p WHERE p.name IS NULL ORDER BY p.id
                """).forEachRow { row in problems.append(IndexedProblem(file: row.text(0), message: row.text(1))) }
            return problems
        }
    }

    /// Every session's units from `lot` (every lot when `nil`), oldest session first, and the patient
    /// and session files that could not be read: the same answer as `PatientStore.lotUses()`.
    public func lotUses(lot: String? = nil) throws(SQLiteError) -> (uses: LotUseReport, problems: [IndexedProblem]) {
        try recovering { () throws(SQLiteError) in
            var values: [SQLiteValue?] = []
            var condition = ""
            if let lot {
                let key = LotUse.normalized(lot)
                guard !key.isEmpty else { return (LotUseReport(uses: [], problems: []), try lotProblems()) }
                condition = "WHERE l.lot_key = ?1"
                values = [.text(key)]
            }
            var uses: [LotUse] = []
            try database.statement("""
                SELECT l.patient, p.name, l.session, l.started_ms, l.product, l.lot, l.expiry, l.units, l.file
                FROM lots AS l LEFT JOIN patients AS p ON p.id = l.patient \(condition)
                ORDER BY l.started_ms, l.patient, l.session, l.position
                """).bind(values).forEachRow { row in
                    guard let patient = RecordID(row.text(0)), let session = RecordID(row.text(2)) else { return }
                    uses.append(LotUse(
                        patient: patient, patientName: row.optionalText(1), session: session,
                        startedAt: Date(timeIntervalSince1970: Double(row.int64(3)) / 1000), product: row.text(4),
                        lot: row.text(5), expiry: row.optionalInt64(6).map { CalendarDate(daysSinceEpoch: Int($0)) },
                        units: Units(hundredths: row.int(7)), file: "patients/\(patient.rawValue)/sessions/\(row.text(8))"))
                }
            return (LotUseReport(uses: uses, problems: []), try lotProblems())
        }
    }

    /// Patient and session files left out of the records (reviews do not bear on lots, and a session that is
    /// only flagged is counted).
    private func lotProblems() throws(SQLiteError) -> [IndexedProblem] {
        var problems: [IndexedProblem] = []
        try database.statement(
            "SELECT file, message FROM problems WHERE left_out = 1 AND file NOT LIKE '%/reviews/%' ORDER BY patient, rowid")
            .forEachRow { row in problems.append(IndexedProblem(file: row.text(0), message: row.text(1))) }
        return problems
    }

    private func rows(_ sql: String, _ values: [SQLiteValue?]) throws(SQLiteError) -> [IndexedPatient] {
        var result: [IndexedPatient] = []
        try rows(sql, values) { result.append($0) }
        return result
    }

    private func rows(_ sql: String, _ values: [SQLiteValue?], _ body: (IndexedPatient) -> Void) throws(SQLiteError) {
        try database.statement(sql).bind(values).forEachRow { row in
            guard let id = RecordID(row.text(0)) else { return }
            let treated = row.optionalInt64(5).map { Timestamp(milliseconds: $0, utcOffsetSeconds: row.optionalInt64(6).map(Int.init)) }
            body(IndexedPatient(
                id: id, name: row.optionalText(1), dateOfBirth: row.optionalInt64(2).map { CalendarDate(daysSinceEpoch: Int($0)) },
                sessionCount: row.int(3), lastVisit: row.optionalInt64(4).map { Timestamp(milliseconds: $0, utcOffsetSeconds: nil) },
                lastTreatment: treated,
                lastTreatmentIndication: row.optionalText(10).map {
                    Self.indication(kind: $0, key: row.text(11), concern: row.text(12))
                },
                lastTreatmentProduct: row.optionalText(13), lastTreatmentIngredient: row.optionalText(14),
                lastTreatmentReviewed: row.int64(7) != 0,
                lastTotal: row.optionalInt64(8).map { Units(hundredths: Int($0)) }, problemCount: row.int(9)))
        }
    }

    /// Sorts after any character a name holds: `prefix + highest` bounds every word starting with prefix.
    static let highest = "\u{10FFFF}"

    /// The rows a filter selects, as a FROM clause and its values. The longest typed word drives the
    /// search through the words index; the others must start a word of the same patient too.
    private static func matching(_ filter: String, readableOnly: Bool) -> (source: String, values: [SQLiteValue?]) {
        let terms = words(Patient.comparableName(filter)).sorted { $0.count > $1.count }
        // Only readable records have words, so a filter leaves the others out by itself.
        // Unreadable records sort after every name (`folded` is `highest` for them), so the test reads
        // the indexes on `folded` alone, never the rows.
        guard let first = terms.first else {
            return (readableOnly ? "patients AS p WHERE p.folded < '\(highest)'" : "patients AS p", [])
        }
        var values: [SQLiteValue?] = [.text(first), .text(first + highest)]
        var source = """
            (SELECT DISTINCT patient FROM words WHERE word >= ?1 AND word < ?2) AS m CROSS JOIN patients AS p ON p.id = m.patient
            """
        for term in terms.dropFirst().prefix(8) {
            let low = values.count + 1
            source += " AND EXISTS (SELECT 1 FROM words AS w WHERE w.patient = p.id AND w.word >= ?\(low) AND w.word < ?\(low + 1))"
            values += [.text(term), .text(term + highest)]
        }
        return (source, values)
    }
}
