import FaceChartCore
import FaceChartStore
import Foundation

/// A fictional patient with a signed glabellar session two weeks old, for a first look around.
enum DemoData {
    static func seed(into store: PatientStore, library: AssetLibrary, now: Date) throws(UserError) -> (Patient, Session) {
        let patient = Patient(
            id: RecordID("demo-patient")!, name: "Demo Patient", dateOfBirth: CalendarDate(year: 1986, month: 4, day: 17),
            sex: .female, flags: [.anticoagulants], notes: "Fictional patient for trying FaceChart out.", createdAt: now)
        let treated = now.addingTimeInterval(-14 * 86_400)
        let expiry = CalendarDate(now).adding(days: 300)
        var session = Session(
            id: RecordID("demo-glabella")!, patient: patient.id, startedAt: treated, clinician: "Demo Injector",
            indication: Indication(kind: .aesthetic, concern: "Glabellar lines"),
            product: ProductUse(product: "botox-cosmetic", lot: "DEMO-LOT-01", expiry: expiry, vialUnits: Units(100),
                                diluentHundredthsML: 250, reconstitutedAt: treated.addingTimeInterval(-600)))
        session.points = try glabellarPoints(on: library)
        do {
            session = try session.signed(by: "Demo Injector", at: treated.addingTimeInterval(1_200), meaning: "administered and documented")
        } catch {
            throw UserError(error.message)
        }
        try UserError.fromStore { () throws(StoreError) in
            try store.createPatient(patient)
            try store.saveSession(session)
        }
        return (patient, session)
    }

    private static func glabellarPoints(on library: AssetLibrary) throws(UserError) -> [InjectionPoint] {
        guard let pattern = library.patterns.first(where: { $0.key == "glabellar-botox-cosmetic" }) else {
            throw UserError("FaceChart's own data is damaged: the glabellar pattern is missing.")
        }
        var counter = 0
        return pattern.points(sides: .both, scale: 1) {
            counter += 1
            return RecordID("demo-point-\(counter)")!
        }
    }
}
