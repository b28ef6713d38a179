import FaceChartCore

/// The part of `patient.json` that lot recall reads.
struct PatientNameProjection: Decodable {
    var id: RecordID
    var name: String
}
