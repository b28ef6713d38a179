import FaceChartCore
import Foundation

/// The values the patient's page template is rendered with (docs/export.md lists them).
struct AftercareValues {
    var record: SessionRecord
    var clinic: ClinicSettings
    var words: AreaWords
    var productName: (String) -> String
    var timeZone: TimeZone

    /// The values with the control characters of record text removed (the template escapes the rest).
    var values: [String: Any] { Self.cleaned(rawValues) as? [String: Any] ?? [:] }

    private static func cleaned(_ value: Any) -> Any {
        switch value {
        case let text as String: PlainText.removingControls(text)
        case let list as [[String: Any]]: list.map { cleaned($0) }
        case let members as [String: Any]: members.mapValues(cleaned)
        default: value
        }
    }

    private var rawValues: [String: Any] {
        let session = record.session
        var clinicValues: [String: Any] = [:]
        for (key, value) in [
            ("name", clinic.name), ("address", clinic.address), ("phone", clinic.phone), ("email", clinic.email),
            ("website", clinic.website), ("urgentContact", clinic.urgentContact),
        ] {
            if let value, !value.isEmpty { clinicValues[key] = value }
        }
        let products: [[String: Any]] = record.totals.map { totals in
            var lots: [String] = []
            for vial in session.vials where vial.ingredient == totals.ingredient && !vial.lot.isEmpty
                && !lots.contains(vial.lot) && session.points.contains(where: { $0.vial == vial.id }) {
                lots.append(vial.lot)
            }
            return [
                "product": totals.products.map(productName).joined(separator: " and "),
                "ingredient": totals.ingredient,
                "total": "\(totals.total.units) U",
                "lots": lots.isEmpty ? "not recorded" : lots.joined(separator: ", "),
            ]
        }
        return [
            "clinic": clinicValues,
            "hasClinic": clinic.hasContact,
            "patientName": record.patient.name,
            "treatedOn": session.day(in: timeZone).description,
            "clinician": session.clinician.description,
            "indication": session.indication.concern,
            "medical": session.indication.kind == .medical,
            "aesthetic": session.indication.kind == .aesthetic,
            "isTopUp": record.toppedUp != nil,
            "toppedUpOn": record.toppedUp?.day(in: timeZone).description ?? "",
            "areas": words.areas(of: session.points).map { ["area": $0.area, "sides": $0.sides] },
            "products": products,
            "reviewDate": record.reviewDate(timeZone: timeZone).description,
            "nextTreatmentDate": record.nextTreatmentDate(timeZone: timeZone).description,
            "recordID": session.id.rawValue,
        ]
    }
}
