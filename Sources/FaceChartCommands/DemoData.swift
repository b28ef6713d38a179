import FaceChartCore
import FaceChartStore
import Foundation

/// A fictional patient with a signed glabellar session two weeks old, for a first look around.
public enum DemoData {
    /// Creates the demo patient and their signed session in `store`.
    public static func seed(into store: PatientStore, library: AssetLibrary, now: Date) throws(UserError) -> (Patient, Session) {
        let created = Timestamp(now, timeZone: .current)
        let patient = Patient(
            id: RecordID("demo-patient")!, name: "Demo Patient", dateOfBirth: CalendarDate(year: 1986, month: 4, day: 17),
            sex: .female, flags: [.anticoagulants], notes: "Fictional patient for trying FaceChart out.", createdAt: created)
        let treated = Timestamp(now.addingTimeInterval(-14 * 86_400), timeZone: .current)
        let expiry = CalendarDate(now).adding(days: 300)
        let injector = Clinician(name: "Demo Injector", role: "nurse injector")
        var session = Session(
            id: RecordID("demo-glabella")!, patient: patient.id, startedAt: treated, clinician: injector,
            indication: Indication(kind: .aesthetic, concern: "Glabellar lines", key: "glabellar-lines"),
            vials: [Vial(
                product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "DEMO-LOT-01", expiry: expiry,
                vialUnits: Units(100), diluentHundredthsML: 250, reconstitutedAt: treated.adding(seconds: -600))])
        session.points = try glabellarPoints(on: library)
        do {
            session = try session.signed(by: injector, at: treated.adding(seconds: 1_200), meaning: "administered and documented")
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
