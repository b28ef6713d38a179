import FaceChartCore

/// Runs the app's commands against a repository and says what came of each, as the event to hand back
/// to the app. The only place the screens' side of the program reaches the records.
public struct CommandRunner {
    public let repository: PatientRepository

    public init(repository: PatientRepository) {
        self.repository = repository
    }

    /// Runs `commands` in order, handing what came of each back to `app` and running what it asks next,
    /// until nothing is left: what the loop does between two pieces of input. `ran` sees each command
    /// once it has run.
    public func runAll(_ commands: [AppCommand], on app: inout App, ran: (AppCommand) -> Void = { _ in }) {
        var pending = commands
        while !pending.isEmpty {
            let command = pending.removeFirst()
            let result = run(command)
            ran(command)
            if let result { pending += app.update(result) }
        }
    }

    /// Runs `command`; the event it leads to, or `nil` when there is nothing to report.
    public func run(_ command: AppCommand) -> AppEvent? {
        switch command {
        case .readListPage(let filter, let range):
            do {
                return .listPageRead(try repository.listPage(filter: filter, range: range))
            } catch {
                return .listPageNotRead(error)
            }
        case .lookForTwin(let patient):
            return .twinLookedFor(patient, twin: repository.possibleDuplicate(of: patient))
        case .openPatient(let id, let then):
            do {
                return .patientOpened(try records(of: id), then: then)
            } catch {
                return .patientNotOpened(error)
            }
        case .reloadPatient(let id):
            do {
                return .patientReloaded(try records(of: id))
            } catch {
                return .noticeArrived(.error("This patient's records could not be read again: \(error.message)"))
            }
        case .closePatient(let id):
            repository.close(id)
            return nil
        case .readChairVials:
            do {
                return .chairVialsRead(try repository.chairVials())
            } catch {
                return .chairVialsNotRead(error)
            }
        case .moveAside(let patient, let files):
            do {
                return .filesMovedAside(patient: patient, moved: try repository.moveAside(files, of: patient).count, failure: nil)
            } catch {
                return .filesMovedAside(patient: patient, moved: 0, failure: error)
            }
        case .save(let effects, let then):
            return .saveFinished(save(effects, then: then))
        }
    }

    /// The patient's records, taking their lock if not yet held (else opened for viewing only), with a
    /// notice for each file left out. A review that cannot be read leaves its treatment marked due.
    private func records(of id: RecordID) throws(RepositoryError) -> PatientRecords {
        PatientRecords(try repository.open(id))
    }

    /// Saves `effects` in order, stopping at the first failure. A vial that cannot be kept for the day
    /// does not stop the rest: the session it belongs to is the record.
    private func save(_ effects: [Effect], then: Navigation?) -> SaveReport {
        var report = SaveReport(saved: [], then: then)
        for effect in effects {
            do {
                switch effect {
                case .savePatient(let patient): try repository.save(patient)
                case .saveSession(let session): try repository.save(session)
                case .saveReview(let review): try repository.save(review)
                case .savePattern(let pattern): try repository.save(pattern)
                case .recordChanges(let changes, let patient): try repository.record(changes, patient: patient)
                case .resolveConflict(let answer): try repository.resolve(answer)
                case .keepChairVial(let vial, let openedAt, let clinician):
                    do {
                        report.chairVials = try repository.keepChairVial(vial, openedAt: openedAt, by: clinician)
                    } catch {
                        report.vialNotKept = error
                        continue
                    }
                }
                report.saved.append(effect)
            } catch {
                report.failure = error
                return report
            }
        }
        return report
    }
}
