import FaceChartCore
import Foundation

/// A file the index could not use, as the reading reported it.
public struct IndexedProblem: Hashable, Sendable {
    /// The file or folder, relative to the data folder.
    public let file: String
    /// The store's message, naming the file (never patient details).
    public let message: String
    /// Whether the file's content is missing from what the index counts (not merely flagged).
    public let isLeftOut: Bool

    public init(file: String, message: String, isLeftOut: Bool = true) {
        self.file = file
        self.message = message
        self.isLeftOut = isLeftOut
    }

    init(_ error: StoreError, file: String) {
        self.init(file: file, message: error.message)
    }

    init(_ issue: RecordIssue) {
        self.init(file: issue.file, message: issue.message, isLeftOut: issue.isLeftOut)
    }
}

/// What the index keeps of one session: enough to list, recall and update without reading it again.
struct SessionFacts: Equatable, Sendable {
    struct LotFacts: Equatable, Sendable {
        var vial: RecordID
        var product: String
        var lot: String
        var expiry: CalendarDate?
        var units: Units
    }

    var id: RecordID
    var file: String
    var startedAt: Timestamp
    var isVoided: Bool
    var isTreatment: Bool
    var total: Units
    var indication: Indication
    /// The product and active ingredient of the vial the session started with.
    var product: String
    var ingredient: String
    /// Units per batch, in the session's vial order; none for a voided session.
    var lots: [LotFacts]

    init(
        id: RecordID, file: String, startedAt: Timestamp, isVoided: Bool, isTreatment: Bool, total: Units,
        indication: Indication, product: String, ingredient: String, lots: [LotFacts]
    ) {
        self.indication = indication
        self.product = product
        self.ingredient = ingredient
        self.id = id
        self.file = file
        self.startedAt = startedAt
        self.isVoided = isVoided
        self.isTreatment = isTreatment
        self.total = total
        self.lots = lots
    }

    init(_ session: Session, file: String) {
        id = session.id
        self.file = file
        startedAt = session.startedAt
        isVoided = session.isVoided
        isTreatment = session.isTreatment
        total = session.summary.total
        indication = session.indication
        product = session.primaryVial.product
        ingredient = session.primaryVial.ingredient
        lots = session.isVoided ? [] : PatientStore.unitsByVial(session).map { vial, units in
            LotFacts(
                vial: vial.id, product: vial.product, lot: vial.lot.trimmingCharacters(in: .whitespacesAndNewlines),
                expiry: vial.expiry, units: units)
        }
    }
}

/// Everything the index derives from one patient's folder.
struct PatientFacts: Equatable, Sendable {
    var id: RecordID
    /// `nil` when `patient.json` could not be read (a problem says why).
    var name: String?
    var dateOfBirth: CalendarDate?
    var sessions: [SessionFacts]
    /// Sessions with a review that scored an outcome.
    var reviewed: Set<RecordID>
    /// Sessions with a review file at all.
    var reviews: Set<RecordID>
    var problems: [IndexedProblem]
    var scan: FolderScan

    /// The newest session that was not voided.
    var lastVisit: Timestamp? {
        sessions.filter { !$0.isVoided }.map(\.startedAt).max()
    }

    /// The newest full treatment: the one whose review and retreatment dates matter.
    var lastTreatment: SessionFacts? {
        sessions.filter(\.isTreatment).max { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
    }
}

extension PatientStore {
    /// Reads the facts of folder `id` with the checks of a full load; `nil` when the folder is gone or is
    /// not a folder. Nothing this store remembers changes: what is read here is never saved back.
    func readFacts(of id: RecordID, scan given: FolderScan? = nil) -> PatientFacts? {
        // Status first, then content: a file changed during the read leaves a stamp that no longer
        // matches, so the next check reads it again.
        guard let scan = given ?? FolderScan.scan(root: root, id: id, system: files.system) else { return nil }
        let folder = patientFolder(id)
        var facts = PatientFacts(
            id: id, name: nil, dateOfBirth: nil, sessions: [], reviewed: [], reviews: [], problems: [], scan: scan)
        guard scan.isFolder else {
            facts.problems.append(IndexedProblem(.notAFolder(file: folder), file: folder))
            return facts
        }
        for sub in scan.notFolders {
            facts.problems.append(IndexedProblem(.notAFolder(file: folder + "/" + sub), file: folder + "/" + sub))
        }
        do {
            let patient = try readRecord(Patient.self, at: folder + "/patient.json") { $0.id == id }
            facts.name = patient.name
            facts.dateOfBirth = patient.dateOfBirth
        } catch {
            facts.problems.append(IndexedProblem(error, file: folder + "/patient.json"))
        }
        // The same identity checks as the patient's screens: a second copy, a misnamed file or a review
        // of a missing session is named and never counted.
        var kept: [RecordID: String] = [:]
        for name in scan.sessionFiles {
            let relative = sessionsFolder(id) + "/" + name
            guard case .session(let sessionID) = Self.classifySessionName(name) else {
                facts.problems.append(IndexedProblem(RecordIssue(file: relative, problem: .misnamed(expected: nil))))
                continue
            }
            do {
                let session = try readRecord(Session.self, at: relative) { $0.id == sessionID && $0.patient == id }
                let file = SessionFile(name: name, id: sessionID, kind: nil)
                if let issue = identityIssue(of: file, at: relative, startedAt: session.startedAt, kept: &kept) {
                    facts.problems.append(IndexedProblem(issue))
                    continue
                }
                for issue in Self.flags(of: session, at: relative) { facts.problems.append(IndexedProblem(issue)) }
                facts.sessions.append(SessionFacts(session, file: name))
            } catch {
                facts.problems.append(IndexedProblem(error, file: relative))
            }
        }
        let sessionsWithFiles = Set(scan.sessionFiles.compactMap(Self.sessionID(fromFileName:)))
        for name in scan.reviewFiles {
            let relative = folder + "/reviews/" + name
            guard let session = FolderScan.reviewSession(fromFileName: name) else { continue }
            do {
                let review = try readRecord(Review.self, at: relative) { $0.patient == id && $0.session == session }
                guard sessionsWithFiles.contains(session) else {
                    facts.problems.append(IndexedProblem(RecordIssue(file: relative, problem: .reviewOfMissingSession(session))))
                    continue
                }
                facts.reviews.insert(session)
                if review.isDone { facts.reviewed.insert(session) }
            } catch {
                facts.problems.append(IndexedProblem(error, file: relative))
            }
        }
        return facts
    }
}
