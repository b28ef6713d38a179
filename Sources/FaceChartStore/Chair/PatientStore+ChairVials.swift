import FaceChartCore
import Foundation

extension PatientStore {
    /// The folder of what belongs to this chair rather than to a patient.
    static let chairFolder = "chair"
    /// The chair's open vials.
    static let chairVialsFile = "vials.json"

    /// The vials opened at this chair (`chair/vials.json`); empty when none were ever kept.
    public func chairVials() throws(StoreError) -> ChairVials {
        let relative = Self.chairFolder + "/" + Self.chairVialsFile
        guard (try? files.system.lstat(path(relative))) != nil else { return ChairVials() }
        try requireFolder(relative: Self.chairFolder)
        return try loadRecord(ChairVials.self, at: relative)
    }

    /// Adds `vial` to the chair's open vials, over what the file holds now (another window at the same
    /// chair may have opened one since), and returns the list as saved.
    public func openChairVial(
        _ vial: Vial, at moment: Timestamp, by clinician: Clinician, timeZone: TimeZone
    ) throws(StoreError) -> ChairVials {
        let current = try chairVials()
        let updated = current.opening(vial, at: moment, by: clinician, timeZone: timeZone)
        guard updated != current else { return current }
        if (try? files.system.lstat(path(Self.chairFolder))) == nil {
            try makeFolder(relative: Self.chairFolder)
            try? files.syncFolder(root)
        }
        try requireFolder(relative: Self.chairFolder)
        try saveRecord(updated, folder: Self.chairFolder, name: Self.chairVialsFile)
        return updated
    }
}

extension ChairVials: StoredRecord {
    static var kind: String { "vials" }

    /// The chair's vials are new in format 2: there is no format-1 file to read.
    static func migrating(from format1: Data, decoder: JSONDecoder) throws -> ChairVials {
        throw RecordProblem("format 1 kept no chair vials")
    }
}
