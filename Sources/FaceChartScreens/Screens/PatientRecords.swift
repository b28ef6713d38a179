import FaceChartCore
import Foundation

/// What the app holds of the open patient: the patient, every session (oldest first) and every review,
/// read once when the patient opens and kept current after each save, so that no screen reads them again.
public struct PatientRecords: Hashable, Sendable {
    public var patient: Patient
    /// Oldest first.
    public private(set) var sessions: [Session]
    public private(set) var reviews: [Review]
    /// The patient's files that could not be used, or need a look, as they were when read.
    public var notices: [FileNotice]
    /// Why the patient can only be viewed (a read-only data folder, open in another window), or nil.
    public var readOnly: String?

    public init(patient: Patient, sessions: [Session], reviews: [Review], notices: [FileNotice] = [], readOnly: String? = nil) {
        self.patient = patient
        self.sessions = sessions.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        self.reviews = reviews
        self.notices = notices
        self.readOnly = readOnly
    }

    public init(_ opened: OpenedPatient) {
        self.init(
            patient: opened.patient, sessions: opened.sessions, reviews: opened.reviews, notices: opened.notices,
            readOnly: opened.readOnly)
    }

    /// How many of the patient's session files the safety checks cannot see.
    public var sessionFilesLeftOut: Int { notices.filter { $0.isLeftOut && $0.shortName.hasPrefix("sessions/") }.count }

    /// The records after `effect` was saved.
    public mutating func apply(_ effect: Effect) {
        switch effect {
        case .savePatient(let saved) where saved.id == patient.id:
            patient = saved
        case .saveSession(let session) where session.patient == patient.id:
            if let index = sessions.firstIndex(where: { $0.id == session.id }) {
                sessions[index] = session
            } else {
                sessions.append(session)
                sessions.sort { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
            }
        case .saveReview(let review) where review.patient == patient.id:
            if let index = reviews.firstIndex(where: { $0.id == review.id }) { reviews[index] = review } else { reviews.append(review) }
        default:
            break
        }
    }

    /// The session with `id`, as last saved.
    public func session(_ id: RecordID) -> Session? { sessions.first { $0.id == id } }

    /// The newest full treatment (not a top-up, not voided, with points).
    public var latestTreatment: Session? { sessions.last(where: \.isTreatment) }

    /// The sessions other than `id`: what the safety checks of `id` look back on.
    public func sessions(otherThan id: RecordID) -> [Session] { sessions.filter { $0.id != id } }

    /// The review of `session`, if any, and its top-up: the one the review names, else a top-up linked to it.
    public func review(of session: Session) -> (review: Review?, topUp: Session?) {
        let review = reviews.first { $0.session == session.id }
        let topUp = sessions.first { candidate in
            candidate.id == review?.topUp || (review?.topUp == nil && candidate.link == Session.Link(kind: .topUp, session: session.id))
        }
        return (review, topUp)
    }
}
