import FaceChartCore

/// A moment worth a commit: something a person did to the records. Commits name these in trailer
/// lines (ids only, never a patient's name), one line per checkpoint:
///
///     FaceChart-Event: signed patient=k3j9x0c2m1qa session=s81kd0a2m4qe by=dr-ada-example
///     FaceChart-Chair: room-2
public struct Checkpoint: Equatable, Sendable {
    public enum Event: String, CaseIterable, Sendable {
        case patientCreated = "patient-created"
        case patientEdited = "patient-edited"
        case leftPatient = "left-patient"
        case draft
        case signed
        case addendum
        case voided
        case reviewSaved = "review-saved"
        case patternSaved = "pattern-saved"
        case corrected
        /// A conflict between chairs settled by a person.
        case resolved
        /// Changes found on disk that no checkpoint named (after a crash, or made by a command).
        case saved
        case merged
    }

    public var event: Event
    public var patient: RecordID?
    public var session: RecordID?
    /// The clinician's id (never a name).
    public var by: RecordID?

    public init(_ event: Event, patient: RecordID? = nil, session: RecordID? = nil, by: RecordID? = nil) {
        self.event = event
        self.patient = patient
        self.session = session
        self.by = by
    }

    static let eventKey = "FaceChart-Event"
    static let chairKey = "FaceChart-Chair"

    /// The trailer line's value: `signed patient=... session=... by=...`.
    var trailerValue: String {
        var words = [event.rawValue]
        if let patient { words.append("patient=\(patient)") }
        if let session { words.append("session=\(session)") }
        if let by { words.append("by=\(by)") }
        return words.joined(separator: " ")
    }

    /// Reads a trailer value back; `nil` when it is not one.
    init?(trailerValue: String) {
        let words = trailerValue.split(separator: " ").map(String.init)
        guard let first = words.first, let event = Event(rawValue: first) else { return nil }
        self.init(event)
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let id = RecordID(parts[1]) else { continue }
            switch parts[0] {
            case "patient": patient = id
            case "session": session = id
            case "by": by = id
            default: break
            }
        }
    }

    /// A commit message for `checkpoints` on `chair`: a subject line, then the trailers.
    static func message(_ checkpoints: [Checkpoint], chair: String, extra: [String] = []) -> String {
        let subject: String
        if let first = checkpoints.first {
            subject = first.trailerValue.split(separator: " ").prefix(3).joined(separator: " ")
                + (checkpoints.count > 1 ? " (+\(checkpoints.count - 1))" : "")
        } else {
            subject = "saved"
        }
        let trailers = checkpoints.map { "\(eventKey): \($0.trailerValue)" } + extra + ["\(chairKey): \(chair)"]
        return subject + "\n\n" + trailers.joined(separator: "\n") + "\n"
    }
}
