import FaceChartCore
import Foundation

/// One row of the patient list, as the practice's index has it: the list never reads a patient's
/// files.
public struct PatientListItem: Hashable, Sendable {
    public var id: RecordID
    public var name: String
    public var dateOfBirth: CalendarDate?
    public var lastVisit: Date?
    /// Units given in the newest full treatment.
    public var lastTotal: Units?
    public var reviewDue: Bool
    /// The patient's files that could not be used or need a look.
    public var problems: Int

    public init(
        id: RecordID, name: String, dateOfBirth: CalendarDate?, lastVisit: Date?, lastTotal: Units? = nil,
        reviewDue: Bool = false, problems: Int = 0
    ) {
        self.id = id
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.lastVisit = lastVisit
        self.lastTotal = lastTotal
        self.reviewDue = reviewDue
        self.problems = problems
    }
}

/// Some consecutive rows of the patient list: those matching `filter`, from `offset`, most recent visit
/// first (patients never seen, by name, last).
public struct PatientListPage: Hashable, Sendable {
    public var filter: String
    public var offset: Int
    public var rows: [PatientListItem]
    /// How many patients match the filter in all.
    public var total: Int
    /// Messages for patient records that cannot be read (they are not in the rows).
    public var problems: [String]

    public init(filter: String, offset: Int, rows: [PatientListItem], total: Int, problems: [String] = []) {
        self.filter = filter
        self.offset = offset
        self.rows = rows
        self.total = total
        self.problems = problems
    }

    /// The absolute positions the rows cover.
    public var range: Range<Int> { offset..<(offset + rows.count) }

    public subscript(position: Int) -> PatientListItem? {
        range.contains(position) ? rows[position - offset] : nil
    }
}
